import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallauditError } from '../../src/errors.js';
import { purge, type PurgeOptions } from '../../src/remediation/purge.js';
import { restore } from '../../src/remediation/restore.js';
import { realPathOf } from '../../src/real-path.js';
import { hashTree, runCli } from '../support/run-cli.js';
import { scratch, writeArchive, writeManifest } from './helpers.js';

const FILES = { 'a/in_C-1.wav': 'audio one', 'in_C-2.wav': 'audio two' };
const ROWS = Object.keys(FILES).map((p) => ({ path: p }));

function setup() {
  const s = scratch();
  writeArchive(s.root, FILES);
  const options = (overrides: Partial<PurgeOptions> = {}): PurgeOptions => ({
    manifestFile: writeManifest(s.dir, s.root, ROWS),
    root: s.root,
    execute: true,
    operator: 'DPO',
    quarantine: null,
    holdsFile: null,
    timezone: 'UTC',
    logFile: s.log,
    resume: false,
    ...overrides,
  });
  return { ...s, options };
}

/** Exit 2 and nothing touched or created: the archive and the scratch folder are as they were. */
async function refusedWithoutTrace(s: ReturnType<typeof setup>, options: PurgeOptions, message: RegExp) {
  const archive = hashTree(s.root);
  const scratchFolder = readdirSync(s.dir, { recursive: true }).sort();
  const error = await purge(options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CallauditError);
  expect((error as CallauditError).message).toMatch(message);
  expect(hashTree(s.root)).toBe(archive);
  expect(readdirSync(s.dir, { recursive: true }).sort()).toEqual(scratchFolder);
}

describe('realPathOf: where a --log or --quarantine would really lead', () => {
  it('follows links, dangling ones too, and keeps the part that does not exist yet', () => {
    const s = scratch();
    symlinkSync(s.root, path.join(s.dir, 'to-root'));
    symlinkSync(path.join(s.root, 'not-yet.ndjson'), path.join(s.dir, 'dangling'));
    symlinkSync('archive/../evidence', path.join(s.dir, 'relative'));
    expect(realPathOf(path.join(s.dir, 'to-root/q/x'))).toBe(path.join(s.root, 'q/x'));
    expect(realPathOf(path.join(s.dir, 'dangling'))).toBe(path.join(s.root, 'not-yet.ndjson'));
    expect(realPathOf(path.join(s.dir, 'relative/log'))).toBe(path.join(s.logDir, 'log'));
  });
});

describe('location checks happen before anything is created (item 6)', () => {
  it('--log through `link/..` is where the kernel puts it (`..` of the link target), here the archive root', async () => {
    const s = setup();
    writeArchive(s.root, { 'sub/keep.txt': 'kept' });
    symlinkSync(path.join(s.root, 'sub'), path.join(s.logDir, 'to-sub'));
    const log = `${s.logDir}/to-sub/../log.ndjson`; // not path.join: it would drop the `..` lexically
    await refusedWithoutTrace(s, s.options({ logFile: log }), /inside the archive root/);
    expect(existsSync(path.join(s.root, 'log.ndjson'))).toBe(false);
  });

  it('a --quarantine or --log whose name inside the root begins with `..` is inside the root', async () => {
    const s = setup();
    await refusedWithoutTrace(
      s,
      s.options({ quarantine: path.join(s.root, '..quarantine') }),
      /overlaps the archive root/,
    );
    await refusedWithoutTrace(
      s,
      s.options({ logFile: path.join(s.root, '..log.ndjson') }),
      /inside the archive root/,
    );
  });

  it('--log naming a FIFO is refused by its kind, with the file and what to do', async () => {
    const s = setup();
    execFileSync('mkfifo', [s.log]);
    await refusedWithoutTrace(s, s.options({ execute: false, operator: null }), /is a FIFO/);
    const error = (await purge(s.options()).catch((e: unknown) => e)) as CallauditError;
    expect(error.file).toBe(s.log);
    expect(error.hint).toMatch(/--log/);
  });

  it('--log as a dangling symlink into the root is refused, and the log is not created in the archive', async () => {
    const s = setup();
    const log = path.join(s.logDir, 'log.ndjson');
    symlinkSync(path.join(s.root, 'created-by-purge.ndjson'), log);
    await refusedWithoutTrace(s, s.options({ logFile: log }), /inside the archive root/);
    expect(existsSync(path.join(s.root, 'created-by-purge.ndjson'))).toBe(false);
  });

  it('a log inside a quarantine reached through a symlink is refused', async () => {
    const s = setup();
    mkdirSync(path.join(s.dir, 'real-quarantine'));
    symlinkSync(path.join(s.dir, 'real-quarantine'), path.join(s.dir, 'q-link'));
    await refusedWithoutTrace(
      s,
      s.options({
        quarantine: path.join(s.dir, 'q-link'),
        logFile: path.join(s.dir, 'real-quarantine/log.ndjson'),
      }),
      /inside the quarantine folder/,
    );
  });

  it('--quarantine below a symlink into the root is refused without creating a folder in the archive', async () => {
    const s = setup();
    symlinkSync(s.root, path.join(s.dir, 'root-link'));
    await refusedWithoutTrace(
      s,
      s.options({ quarantine: path.join(s.dir, 'root-link/quarantine/deeper') }),
      /overlaps the archive root/,
    );
    expect(existsSync(path.join(s.root, 'quarantine'))).toBe(false);
  });

  it('--quarantine naming an existing file is a clear error', async () => {
    const s = setup();
    writeFileSync(path.join(s.dir, 'a-file'), '');
    await refusedWithoutTrace(
      s,
      s.options({ quarantine: path.join(s.dir, 'a-file') }),
      /is an existing file/,
    );
    await refusedWithoutTrace(
      s,
      s.options({ quarantine: path.join(s.dir, 'a-file/below') }),
      /a-file is a file, not a folder/,
    );
  });

  it('a refusal after the quarantine checks (a broken log) creates no quarantine folder', async () => {
    const s = setup();
    writeFileSync(s.log, 'not a deletion log\n');
    await refusedWithoutTrace(
      s,
      s.options({ quarantine: path.join(s.dir, 'new-quarantine') }),
      /does not verify/,
    );
  });
});

describe('a dry run checks what the real run checks (item 7)', () => {
  it('--log that is not a deletion log fails the dry run as it fails the real run', async () => {
    const s = setup();
    writeFileSync(s.log, 'manifest_version,root\n');
    for (const execute of [false, true])
      await refusedWithoutTrace(
        s,
        s.options({ execute, operator: execute ? 'DPO' : null }),
        /does not verify/,
      );
  });

  it('a target whose parent in the quarantine is a file is refused in the dry run as in the real run', async () => {
    const s = setup();
    const quarantine = path.join(s.dir, 'quarantine');
    writeArchive(quarantine, { a: 'a file where the folder a/ must go' });
    const dry = await purge(s.options({ quarantine, execute: false, operator: null }));
    const real = await purge(s.options({ quarantine }));
    const codes = (r: typeof dry) => r.results.map((x) => (x.kind === 'skipped' ? x.skip.code : x.kind));
    expect(codes(dry)).toEqual(['TARGET_EXISTS', 'planned']);
    expect(codes(real)).toEqual(['TARGET_EXISTS', 'acted']);
  });
});

describe('restore reports quarantined files that are missing or replaced (item 7)', () => {
  it('lists a file the log says is quarantined but is gone, and one whose bytes were replaced', async () => {
    const s = setup();
    const quarantine = path.join(s.dir, 'quarantine');
    await purge(s.options({ quarantine }));
    rmSync(path.join(quarantine, 'a/in_C-1.wav'));
    writeFileSync(path.join(quarantine, 'in_C-2.wav'), 'replaced');
    const options = { quarantine, root: s.root, execute: false, operator: null, logFile: s.log };
    const report = await restore(options);
    expect(report.missing.map((e) => e.call_id)).toEqual(['C-1']);
    expect(report.results).toMatchObject([
      { kind: 'skipped', path: 'in_C-2.wav', skip: { code: 'CHANGED' } },
    ]);
  });
});

describe('restore with an s3:// root and a folder as the quarantine', () => {
  it('is refused with a usage error (an S3 root is quarantined in object storage), touching nothing', async () => {
    const s = setup();
    const quarantine = path.join(s.dir, 'quarantine');
    mkdirSync(quarantine);
    const options = {
      quarantine,
      root: 's3://recordings/archive',
      execute: false,
      operator: null,
      logFile: s.log,
    };
    const error = await restore(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallauditError);
    expect(error).toMatchObject({ code: 'BAD_FLAG' });
    expect((error as CallauditError).message).toContain('is not an s3:// location');
    expect(existsSync(s.log)).toBe(false);

    const run = runCli(['restore', quarantine, '--root', 's3://recordings/archive', '--log', s.log]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not an s3:// location');
    expect(run.stderr).not.toMatch(/unexpected error|please report|ENOENT/);
  });
});
