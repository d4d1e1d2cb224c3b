import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InjectedFault, purge } from '../../src/remediation/purge.js';
import { hashTree, REPO, runCli } from '../support/run-cli.js';

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

describe('audit --hash and the run ID', () => {
  it('writes a SHA-256 per violation, the run ID and the policy into the manifest', () => {
    const { manifest, report, violations } = auditedCopy('hash', '--hash');
    const rows = manifest.trim().split('\n').slice(1);
    expect(rows).toHaveLength(violations.length);
    for (const row of rows) {
      const cells = row.split(',');
      expect(cells[7]).toMatch(/^[0-9a-f]{64}$/);
      expect(cells.slice(8)).toEqual([report.runId, 'si-ip-akos', report.policy.version, 'yes']);
    }
    expect(report.runId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('leaves the hash empty without --hash, and the run ID names the content', () => {
    const plain = auditedCopy('plain');
    const hashed = auditedCopy('hashed', '--hash');
    expect(plain.manifest.trim().split('\n')[1]!.split(',')[7]).toBe('');
    expect(plain.report.runId).not.toBe(hashed.report.runId);
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
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^2,/m, '9,'));
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
    // `dir`: give the rows the absolute root so both runs see the same archive.
    const manifest = path.join(dir, 'report/deletion-manifest.csv');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(/^2,recordings,/gm, `2,${path.join(dir, 'recordings')},`),
    );
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
    for (const file of violations) expect(existsSync(path.join(dir, 'quarantine', file))).toBe(true);
    const restore = cli(['restore', 'quarantine', '--root', 'recordings', '--execute', '--operator', 'DPO']);
    expect(restore.status, restore.stderr).toBe(0);
    expect(hashTree(recordings)).toBe(before);
    expect(cli(['log', 'verify', 'deletion-log.ndjson']).status).toBe(0);
  });
});

/** hashTree of everything except `excluded` (relative paths): proves the other files were untouched. */
function hashTreeExcept(root: string, excluded: string[]): string {
  const copy = path.join(tmp, `except-${Math.random().toString(36).slice(2)}`);
  cpSync(root, copy, { recursive: true, preserveTimestamps: true });
  for (const file of excluded) rmSync(path.join(copy, file), { force: true });
  return hashTree(copy);
}
