import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InjectedFault, purge } from '../../src/remediation/purge.js';
import { BIN, hashTree, REPO, runCli, TEST_CACHE_HOME } from '../support/run-cli.js';
import { orSkipped } from '../support/skip-reason.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-purge-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A private copy of the demo archive, audited with --hash; the working directory is `dir`. */
function auditedCopy(name: string, ...extra: string[]) {
  const dir = path.join(tmp, name);
  cpSync(path.join(REPO, 'fixtures/demo'), dir, { recursive: true, preserveTimestamps: true });
  const run = runCli(
    [
      'audit',
      'recordings',
      '--crm',
      'crm/calls.csv',
      '--id-pattern',
      '_(?<id>[A-Z0-9-]+)\\.\\w+$',
      '--now',
      '2026-11-28T12:00:00Z',
      '--out',
      'report',
      ...extra,
    ],
    dir,
  );
  expect(run.status, run.stderr).toBe(1);
  const report = JSON.parse(readFileSync(path.join(dir, 'report/report.json'), 'utf8'));
  const violations: string[] = report.recordings
    .filter((r: { verdict: string }) => r.verdict === 'violation')
    .map((r: { path: string }) => r.path);
  const manifest = readFileSync(path.join(dir, 'report/deletion-manifest.csv'), 'utf8');
  return { dir, report, violations, manifest, cli: (args: string[]) => runCli(args, dir) };
}

describe('audit: hashes by default, the root identity and the manifest record', () => {
  it("writes a SHA-256 per violation by default, the root's identity and the policy into the manifest", () => {
    const { dir, manifest, report, violations } = auditedCopy('hash');
    const rows = manifest.trim().split('\n').slice(1);
    expect(rows).toHaveLength(violations.length);
    const stats = statSync(path.join(dir, 'recordings'), { bigint: true });
    const root = {
      path: 'recordings',
      realPath: realpathSync(path.join(dir, 'recordings')),
      device: stats.dev.toString(),
      inode: stats.ino.toString(),
    };
    expect(report.inputs.roots[0]).toMatchObject(root);
    for (const row of rows) {
      const cells = row.split(',');
      expect(cells.slice(0, 5)).toEqual(['4', root.path, root.realPath, root.device, root.inode]);
      expect(cells[10]).toMatch(/^[0-9a-f]{64}$/);
      expect(cells.slice(11)).toEqual(['si-ip-akos', report.policy.version, 'yes', '', '', '']);
    }
    for (const finding of report.recordings)
      expect(finding.sha256 !== undefined, finding.path).toBe(finding.verdict === 'violation');
    expect(report.deletionManifest).toEqual({
      sha256: createHash('sha256').update(manifest).digest('hex'),
      rows: violations.length,
    });
  });

  it('leaves the hash empty with --no-hash (--hash is still accepted), and the run ID names the content', () => {
    const plain = auditedCopy('plain', '--no-hash');
    const hashed = auditedCopy('hashed', '--hash');
    expect(plain.manifest.trim().split('\n')[1]!.split(',')[10]).toBe('');
    expect(plain.report.runId).not.toBe(hashed.report.runId);
    const dry = plain.cli(['purge', 'report/deletion-manifest.csv', '--root', 'recordings']);
    expect(dry.status).toBe(2);
    expect(dry.stderr).toContain('--allow-unhashed');
    const allowed = plain.cli([
      'purge',
      'report/deletion-manifest.csv',
      '--root',
      'recordings',
      '--allow-unhashed',
    ]);
    expect(allowed.status, allowed.stderr).toBe(0);
  });
});

describe('callaudit purge on a copy of the demo archive', () => {
  it('audit → dry run (nothing changes, exit 0) → --execute (exactly the violations go) → log verify/summary', () => {
    const { dir, violations, cli } = auditedCopy('full', '--hash');
    const recordings = path.join(dir, 'recordings');
    const before = hashTree(recordings);

    const dry = cli(['purge', 'report/deletion-manifest.csv', '--root', 'recordings']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('DRY RUN');
    expect(dry.stdout).toContain(`would delete: ${violations.length} file(s)`);
    expect(dry.stdout).toMatch(/NON_QUALIFYING_ONLY\s+\d+ file/);
    for (const file of violations) expect(dry.stdout).toContain(file);
    expect(hashTree(recordings)).toBe(before);
    expect(existsSync(path.join(dir, 'deletion-log.ndjson'))).toBe(false);

    const others = hashTreeExcept(recordings, violations);
    const run = cli([
      'purge',
      'report/deletion-manifest.csv',
      '--root',
      'recordings',
      '--execute',
      '--operator',
      'DPO',
    ]);
    expect(run.status, run.stderr).toBe(0);
    for (const file of violations) expect(existsSync(path.join(recordings, file))).toBe(false);
    expect(hashTreeExcept(recordings, violations)).toBe(others);

    const log = readFileSync(path.join(dir, 'deletion-log.ndjson'), 'utf8');
    expect(log.trim().split('\n')).toHaveLength(violations.length);
    expect(log).not.toMatch(/386\d{8}/); // no phone number from the FreePBX file names
    const verify = cli(['log', 'verify', 'deletion-log.ndjson']);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(new RegExp(`^OK: ${violations.length} line\\(s\\)`));
    const head = verify.stdout.match(/head ([0-9a-f]{64})/)![1]!;
    expect(cli(['log', 'verify', 'deletion-log.ndjson', '--head', head]).status).toBe(0);
    expect(cli(['log', 'verify', 'deletion-log.ndjson', '--head', 'f'.repeat(64)]).status).toBe(1);

    const summary = cli(['log', 'summary', 'deletion-log.ndjson', '--json']);
    expect(summary.status).toBe(0);
    const totals = JSON.parse(summary.stdout).rows;
    expect(totals.reduce((n: number, r: { files: number }) => n + r.files, 0)).toBe(violations.length);
    expect(totals.every((r: { action: string }) => r.action === 'deleted')).toBe(true);
  });

  it('a tampered log line fails `log verify` with exit 1', () => {
    const { dir, cli } = auditedCopy('tamper', '--hash');
    cli(['purge', 'report/deletion-manifest.csv', '--root', 'recordings', '--execute', '--operator', 'DPO']);
    const file = path.join(dir, 'deletion-log.ndjson');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"C-1009"', '"C-1001"'));
    const verify = cli(['log', 'verify', 'deletion-log.ndjson']);
    expect(verify.status).toBe(1);
    expect(verify.stdout).toMatch(/BROKEN at line \d+/);
    expect(cli(['log', 'summary', 'deletion-log.ndjson']).status).toBe(1);
  });

  it('skips a file modified since the audit and exits 1; the rest is deleted', () => {
    const { dir, violations, cli } = auditedCopy('modified', '--hash');
    const changed = path.join(dir, 'recordings', violations[0]!);
    writeFileSync(changed, 'overwritten after the audit');
    const run = cli([
      'purge',
      'report/deletion-manifest.csv',
      '--root',
      'recordings',
      '--execute',
      '--operator',
      'DPO',
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('CHANGED');
    expect(run.stdout).toContain('audit again');
    expect(readFileSync(changed, 'utf8')).toBe('overwritten after the audit');
    for (const file of violations.slice(1))
      expect(existsSync(path.join(dir, 'recordings', file))).toBe(false);
  });

  it('refuses an edited manifest whole with exit 2, touching nothing', () => {
    const { dir, cli } = auditedCopy('edited', '--hash');
    const before = hashTree(path.join(dir, 'recordings'));
    const manifest = path.join(dir, 'report/deletion-manifest.csv');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^4,/m, '9,'));
    const run = cli([
      'purge',
      'report/deletion-manifest.csv',
      '--root',
      'recordings',
      '--execute',
      '--operator',
      'DPO',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown manifest version "9"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(hashTree(path.join(dir, 'recordings'))).toBe(before);
  });

  it('refuses --execute without --operator with exit 2', () => {
    const { cli } = auditedCopy('no-operator');
    const run = cli(['purge', 'report/deletion-manifest.csv', '--root', 'recordings', '--execute']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--operator');
  });

  it('a run that crashed between two files is refused without --resume and finished with it', async () => {
    const { dir, violations, cli } = auditedCopy('crash', '--hash');
    // The crash happens in-process (the CLI has no fault hook), whose working directory is not
    // `dir`: the rows name their root by device and inode, so an absolute --root finds it.
    await expect(
      purge(
        {
          manifestFile: path.join(dir, 'report/deletion-manifest.csv'),
          root: path.join(dir, 'recordings'),
          execute: true,
          operator: 'DPO',
          quarantine: null,
          holdsFile: null,
          timezone: 'Europe/Ljubljana',
          logFile: path.join(dir, 'deletion-log.ndjson'),
          resume: false,
        },
        {
          fault: (point, row) => {
            if (point === 'after-done' && row === 2) throw new InjectedFault('power cut');
          },
        },
      ),
    ).rejects.toBeInstanceOf(InjectedFault);
    const args = [
      'purge',
      'report/deletion-manifest.csv',
      '--root',
      'recordings',
      '--execute',
      '--operator',
      'DPO',
    ];
    const refused = cli(args);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--resume');
    const resumed = cli([...args, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('3 of them handled by the interrupted run');
    for (const file of violations) expect(existsSync(path.join(dir, 'recordings', file))).toBe(false);
    const lines = readFileSync(path.join(dir, 'deletion-log.ndjson'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(violations.length);
    expect(cli(['log', 'verify', 'deletion-log.ndjson']).status).toBe(0);
  });

  it('quarantine, then restore: the archive is byte-identical again', () => {
    const { dir, violations, cli } = auditedCopy('quarantine');
    const recordings = path.join(dir, 'recordings');
    const before = hashTree(recordings);
    const run = cli([
      'purge',
      'report/deletion-manifest.csv',
      '--root',
      'recordings',
      '--quarantine',
      'quarantine',
      '--execute',
      '--operator',
      'DPO',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`quarantined: ${violations.length} file(s)`);
    const quarantined = hashTree(path.join(dir, 'quarantine'));
    for (const file of violations) expect(existsSync(path.join(dir, 'quarantine', file))).toBe(true);
    // The dry run lists every file it would put back, before anything moves.
    const dry = cli(['restore', 'quarantine', '--root', 'recordings']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`would restore: ${violations.length} file(s)`);
    for (const file of violations) expect(dry.stdout).toContain(`\n  ${file}  `);
    expect(hashTree(path.join(dir, 'quarantine'))).toBe(quarantined);
    const restore = cli(['restore', 'quarantine', '--root', 'recordings', '--execute', '--operator', 'DPO']);
    expect(restore.status, restore.stderr).toBe(0);
    expect(hashTree(recordings)).toBe(before);
    expect(cli(['log', 'verify', 'deletion-log.ndjson']).status).toBe(0);
  });
});

describe('purge and restore from the command line (issue 13)', () => {
  it('the same manifest run from another folder does not purge an archive with the same layout there', () => {
    const { dir, violations } = auditedCopy('elsewhere');
    const other = path.join(tmp, 'elsewhere-other');
    cpSync(dir, other, { recursive: true, preserveTimestamps: true });
    const before = hashTree(path.join(other, 'recordings'));
    const manifest = path.join(dir, 'report/deletion-manifest.csv');
    const run = runCli(['purge', manifest, '--root', 'recordings', '--execute', '--operator', 'DPO'], other);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not an archive root of the audit');
    expect(hashTree(path.join(other, 'recordings'))).toBe(before);
    expect(existsSync(path.join(other, 'recordings', violations[0]!))).toBe(true);
  });

  it('--quarantine naming a file is a clear error (exit 2), not an unexpected one', () => {
    const { dir, cli } = auditedCopy('quarantine-file');
    writeFileSync(path.join(dir, 'not-a-folder'), '');
    const run = cli([
      'purge',
      'report/deletion-manifest.csv',
      '--root',
      'recordings',
      '--quarantine',
      'not-a-folder',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is an existing file, not a folder');
    expect(run.stderr).not.toContain('unexpected');
  });

  it('restore lists quarantined files that are missing and exits 1', () => {
    const { dir, violations, cli } = auditedCopy('restore-missing');
    const args = ['--root', 'recordings', '--execute', '--operator', 'DPO'];
    expect(cli(['purge', 'report/deletion-manifest.csv', '--quarantine', 'quarantine', ...args]).status).toBe(
      0,
    );
    rmSync(path.join(dir, 'quarantine', violations[0]!));
    const run = cli(['restore', 'quarantine', ...args]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('missing from the quarantine: 1 file(s)');
    expect(run.stdout).toMatch(/log line \d+ {2}call C-\d+/);
    for (const file of violations.slice(1)) expect(existsSync(path.join(dir, 'recordings', file))).toBe(true);
  });
});

/** hashTree of everything except `excluded` (relative paths): proves the other files were untouched. */
function hashTreeExcept(root: string, excluded: string[]): string {
  const copy = path.join(tmp, `except-${Math.random().toString(36).slice(2)}`);
  cpSync(root, copy, { recursive: true, preserveTimestamps: true });
  for (const file of excluded) rmSync(path.join(copy, file), { force: true });
  return hashTree(copy);
}

// util-linux `script` gives the command a pseudo-terminal, so purge believes a person is there.
const SCRIPT = '/usr/bin/script';
describe('purge --execute on a terminal', () => {
  it.skipIf(!existsSync(SCRIPT))(
    orSkipped(
      'shows counts per reason, the paths and the full list before it asks',
      existsSync(SCRIPT) ? null : `util-linux script not found at ${SCRIPT}`,
    ),
    () => {
      const { dir, violations } = auditedCopy('terminal');
      const before = hashTree(path.join(dir, 'recordings'));
      const command = `${process.execPath} ${BIN} purge report/deletion-manifest.csv --root recordings --execute --operator DPO`;
      const run = spawnSync(SCRIPT, ['-qec', command, '/dev/null'], {
        cwd: dir,
        input: 'no\n',
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          XDG_CACHE_HOME: TEST_CACHE_HOME,
          NO_COLOR: '1',
          TERM: 'dumb',
        },
        timeout: 60_000,
      });
      const preview = run.stdout.slice(0, run.stdout.indexOf('Type "yes"'));
      expect(preview).toContain(`purge --execute will irreversibly delete ${violations.length} file(s)`);
      expect(preview).toMatch(/NON_QUALIFYING_ONLY {2}\d+ file\(s\), [\d.]+ kB/);
      for (const file of violations) expect(preview).toContain(`  ${file}`);
      expect(preview).toContain('the full list: report/deletion-manifest.csv');
      expect(run.stdout).toContain('not confirmed: nothing was touched');
      expect(hashTree(path.join(dir, 'recordings'))).toBe(before);
    },
  );
});
