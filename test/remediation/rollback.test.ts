import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFs, type FsOps } from '../../src/remediation/file-actions.js';
import { purge, type PurgeOptions } from '../../src/remediation/purge.js';
import { restore } from '../../src/remediation/restore.js';
import { hashTree } from '../support/run-cli.js';
import { readLogLines, scratch, writeArchive, writeManifest } from './helpers.js';
import { orSkipped } from '../support/skip-reason.js';

const FILES = { '2026/10/in_C-1.wav': 'audio one', 'in_C-2.wav': 'audio two' };
const ROWS = Object.keys(FILES).map((p) => ({ path: p }));

function setup() {
  const s = scratch();
  writeArchive(s.root, FILES);
  const quarantine = path.join(s.dir, 'quarantine');
  const options: PurgeOptions = {
    manifestFile: writeManifest(s.dir, s.root, ROWS),
    root: s.root,
    execute: true,
    operator: 'DPO',
    quarantine,
    holdsFile: null,
    timezone: 'UTC',
    logFile: s.log,
    resume: false,
  };
  const restoreOptions = { quarantine, root: s.root, execute: true, operator: 'DPO', logFile: s.log };
  return { ...s, quarantine, options, restoreOptions };
}

const eperm = () => Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
/** The real file system, except that `op` fails for paths `when` picks. */
function failing(op: keyof FsOps, when: (file: string) => boolean, code = 'EPERM'): FsOps {
  const real = nodeFs[op] as (...args: unknown[]) => Promise<unknown>;
  return {
    ...nodeFs,
    [op]: (...args: unknown[]) =>
      when(String(args[0])) ? Promise.reject(Object.assign(eperm(), { code })) : real(...args),
  } as FsOps;
}

/** Every file and folder under `dir`, relative, sorted (the quarantine must be as it was). */
const listing = (dir: string) =>
  existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).sort() : [];

describe('a failed move is undone completely and logged (item 4, injected failures)', () => {
  it('quarantine: the source cannot be removed → the link in the quarantine and its folders are removed', async () => {
    const s = setup();
    const before = hashTree(s.root);
    const report = await purge(s.options, { fs: failing('unlink', (f) => f.startsWith(s.root)) });
    expect(report.results.map((r) => (r.kind === 'skipped' ? r.skip.code : r.kind))).toEqual([
      'ACTION_FAILED',
      'ACTION_FAILED',
    ]);
    expect(hashTree(s.root)).toBe(before);
    expect(listing(s.quarantine)).toEqual([]);
    const lines = readLogLines(s.log);
    expect(lines.map((l) => [l.action, (l.skip as { code: string }).code])).toEqual([
      ['skipped', 'ACTION_FAILED'],
      ['skipped', 'ACTION_FAILED'],
    ]);
    expect((lines[0]!.skip as { detail: string }).detail).toMatch(/nothing was left behind/);
    // A later purge does not find a hidden second name: the files are deleted normally.
    const again = await purge({ ...s.options, quarantine: null });
    expect(again.results.map((r) => r.kind)).toEqual(['acted', 'acted']);
  });

  it('across file systems (no hard link): the verified copy is removed again, and no partial file is left', async () => {
    const s = setup();
    const fs: FsOps = {
      ...failing('unlink', (f) => f.startsWith(s.root)),
      link: (a, b) =>
        a.startsWith(s.root) ? Promise.reject(Object.assign(eperm(), { code: 'EXDEV' })) : nodeFs.link(a, b),
    };
    const report = await purge(s.options, { fs });
    expect(report.results.every((r) => r.kind === 'skipped' && r.skip.code === 'ACTION_FAILED')).toBe(true);
    expect(listing(s.quarantine)).toEqual([]);
    expect(readFileSync(path.join(s.root, ROWS[0]!.path), 'utf8')).toBe('audio one');
  });

  it('when the undo itself fails, the log line names what was left behind', async () => {
    const s = setup();
    const report = await purge(s.options, { fs: failing('unlink', () => true) });
    const detail = report.results[1]!.kind === 'skipped' ? report.results[1]!.skip.detail : '';
    expect(detail).toContain(path.join(s.quarantine, 'in_C-2.wav'));
    expect(detail).toMatch(/remove by hand/);
    expect((readLogLines(s.log)[1]!.skip as { detail: string }).detail).toBe(detail);
  });

  it('restore: the quarantined file cannot be removed → the copy in the archive and its folders are removed', async () => {
    const s = setup();
    await purge(s.options);
    // Purge leaves emptied folders; without them restore must make (and then unmake) them.
    rmSync(path.join(s.root, '2026'), { recursive: true });
    const report = await restore(s.restoreOptions, {
      fs: failing('unlink', (f) => f.startsWith(s.quarantine)),
    });
    expect(report.results.map((r) => (r.kind === 'skipped' ? r.skip.code : r.kind))).toEqual([
      'ACTION_FAILED',
      'ACTION_FAILED',
    ]);
    expect(listing(s.root)).toEqual([]);
    expect(listing(s.quarantine)).toEqual(['2026', '2026/10', '2026/10/in_C-1.wav', 'in_C-2.wav']);
    expect(
      readLogLines(s.log)
        .slice(2)
        .map((l) => [l.action, l.mode]),
    ).toEqual([
      ['skipped', 'restore'],
      ['skipped', 'restore'],
    ]);
  });
});

/** `chattr` works only as root on file systems that support it (ext4, xfs, btrfs; not tmpfs). */
function chattrWorks(dir: string): boolean {
  const probe = path.join(dir, 'chattr-probe');
  writeFileSync(probe, '');
  const set = spawnSync('chattr', ['+i', probe]);
  spawnSync('chattr', ['-i', probe]);
  return set.status === 0;
}
const immutable: string[] = [];
const chattr = (flag: '+i' | '-i', file: string) => {
  expect(spawnSync('chattr', [flag, file]).status).toBe(0);
  if (flag === '+i') immutable.push(file);
};
afterEach(() => {
  for (const file of immutable.splice(0)) spawnSync('chattr', ['-i', file]);
});
const canChattr = chattrWorks(scratch().dir);

describe.skipIf(!canChattr)(
  orSkipped(
    'with chattr +i (real immutable files and folders, item 4)',
    canChattr ? null : 'chattr +i does not work here (needs root and a file system with the immutable flag)',
  ),
  () => {
    it('an immutable recording: nothing in the quarantine, logged as failed, later purges do not say HARD_LINKED', async () => {
      const s = setup();
      chattr('+i', path.join(s.root, 'in_C-2.wav'));
      const report = await purge(s.options);
      expect(report.results.map((r) => (r.kind === 'skipped' ? r.skip.code : r.kind))).toEqual([
        'acted',
        'ACTION_FAILED',
      ]);
      expect(listing(s.quarantine)).toEqual(['2026', '2026/10', '2026/10/in_C-1.wav']);
      chattr('-i', path.join(s.root, 'in_C-2.wav'));
      const again = await purge({
        ...s.options,
        quarantine: null,
        logFile: path.join(s.logDir, 'second.ndjson'),
      });
      expect(again.results.map((r) => (r.kind === 'skipped' ? r.skip.code : r.kind))).toEqual([
        'MISSING',
        'acted',
      ]);
    });

    it('an immutable folder in the archive: the hard link in the quarantine is removed again', async () => {
      const s = setup();
      chattr('+i', path.join(s.root, '2026/10'));
      const report = await purge(s.options);
      expect(report.results[0]).toMatchObject({ kind: 'skipped', skip: { code: 'ACTION_FAILED' } });
      expect(listing(s.quarantine)).toEqual(['in_C-2.wav']);
      expect(readFileSync(path.join(s.root, ROWS[0]!.path), 'utf8')).toBe('audio one');
    });

    it('restore into an archive from an immutable quarantine folder: nothing is put back, and it is logged', async () => {
      const s = setup();
      await purge(s.options);
      rmSync(path.join(s.root, '2026'), { recursive: true });
      chattr('+i', path.join(s.quarantine, '2026/10'));
      const report = await restore(s.restoreOptions);
      expect(report.results.map((r) => (r.kind === 'skipped' ? r.skip.code : r.kind))).toEqual([
        'ACTION_FAILED',
        'restored',
      ]);
      expect(existsSync(path.join(s.root, ROWS[0]!.path))).toBe(false);
      expect(existsSync(path.join(s.root, '2026'))).toBe(false);
      expect(readLogLines(s.log).map((l) => l.action)).toEqual([
        'quarantined',
        'quarantined',
        'skipped',
        'restored',
      ]);
    });
  },
);

describe('partial files are unique to the run, and only ours are removed (item 5)', () => {
  it("purge copying across file systems leaves another run's partial files alone and reports them", async () => {
    const s = setup();
    const foreign = ['in_C-2.wav.callaudit-partial', 'in_C-2.wav.callaudit-partial-1234'];
    writeArchive(s.quarantine, Object.fromEntries(foreign.map((name) => [name, 'not ours'])));
    const fs: FsOps = {
      ...nodeFs,
      link: (a, b) =>
        a.startsWith(s.root) ? Promise.reject(Object.assign(eperm(), { code: 'EXDEV' })) : nodeFs.link(a, b),
    };
    const dry = await purge({ ...s.options, execute: false, operator: null });
    expect(dry.warnings).toEqual(
      foreign.map((name) => `left alone: ${path.join(s.quarantine, name)} (a partial file of another run)`),
    );
    const report = await purge(s.options, { fs });
    expect(report.results.map((r) => r.kind)).toEqual(['acted', 'acted']);
    for (const name of foreign) expect(readFileSync(path.join(s.quarantine, name), 'utf8')).toBe('not ours');
    expect(listing(s.quarantine).filter((name) => name.includes('partial'))).toEqual(foreign.sort());
  });

  it('restore leaves partial files in the quarantine and next to a target alone, and reports them', async () => {
    const s = setup();
    await purge(s.options);
    writeArchive(s.quarantine, { 'in_C-2.wav.callaudit-partial-abcd': 'a partial of another run' });
    writeArchive(s.root, { 'in_C-2.wav.callaudit-partial-ef01': 'not ours either' });
    const report = await restore(s.restoreOptions);
    expect(report.results.map((r) => r.kind)).toEqual(['restored', 'restored']);
    expect(report.warnings).toEqual([
      `left alone: ${path.join(s.quarantine, 'in_C-2.wav.callaudit-partial-abcd')} (a partial file of another run)`,
      `left alone: ${path.join(s.root, 'in_C-2.wav.callaudit-partial-ef01')} (a partial file of another run)`,
    ]);
    expect(readFileSync(path.join(s.root, 'in_C-2.wav.callaudit-partial-ef01'), 'utf8')).toBe(
      'not ours either',
    );
    expect(existsSync(path.join(s.quarantine, 'in_C-2.wav.callaudit-partial-abcd'))).toBe(true);
  });
});
