import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditDemo, DEMO } from '../support/demo-audit.js';
import { hashTree } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('callaudit audit on the demo archive', () => {
  const before = hashTree(path.join(DEMO, 'recordings'));
  const first = auditDemo(path.join(tmp, 'a'));
  const report = JSON.parse(readFileSync(path.join(tmp, 'a/report.json'), 'utf8'));

  it('exits 1 because the demo has violations, and prints a summary', () => {
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.status).toBe(1);
    expect(first.stdout).toContain('violation');
    expect(first.stdout).toContain(`Audited ${report.summary.recordings} recording(s)`);
  });

  it('gives every recording the verdict and reason listed in fixtures/demo/expected.json', () => {
    const expected: Record<string, { verdict: string; reason: string }> = JSON.parse(
      readFileSync(path.join(DEMO, 'expected.json'), 'utf8'),
    );
    const actual = Object.fromEntries(
      report.recordings.map((r: { path: string; verdict: string; reason: string }) => [
        r.path,
        { verdict: r.verdict, reason: r.reason },
      ]),
    );
    expect(actual).toEqual(expected);
    for (const verdict of ['compliant', 'violation', 'review'])
      expect(report.summary[verdict]).toBeGreaterThan(0);
  });

  it('records the evidence: call-log file, line, label and category', () => {
    const compliant = report.recordings.find((r: { reason: string }) => r.reason === 'QUALIFYING_EVENT');
    expect(compliant.events[0]).toMatchObject({
      file: expect.stringContaining('calls.csv'),
      line: expect.any(Number),
    });
    expect(compliant.events[0].line).toBeGreaterThan(1);
    expect(compliant.legalBasis.length).toBeGreaterThan(0);
    expect(report.inputs.callLogs[0]).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    expect(report.inputs.callLogs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes a manifest with the violations only', () => {
    const manifest = readFileSync(path.join(tmp, 'a/deletion-manifest.csv'), 'utf8').trim().split('\n');
    expect(manifest[0]).toBe(
      'manifest_version,root,root_real_path,root_device,root_inode,path,call_id,reason,size,mtime,sha256,policy_id,policy_version,personal_data,object_key,object_version_id,object_etag',
    );
    expect(manifest.length - 1).toBe(report.summary.violation);
  });

  it('writes findings.csv for Excel: BOM, one row per recording', () => {
    const csv = readFileSync(path.join(tmp, 'a/findings.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFroot,path,call_id,verdict')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(report.summary.recordings + 1);
  });

  it('is deterministic: the same inputs and --now give byte-identical files', () => {
    auditDemo(path.join(tmp, 'b'));
    for (const file of ['report.json', 'findings.csv', 'deletion-manifest.csv']) {
      expect(
        readFileSync(path.join(tmp, 'b', file)).equals(readFileSync(path.join(tmp, 'a', file))),
        file,
      ).toBe(true);
    }
  });

  it('never changes the archive', () => {
    expect(hashTree(path.join(DEMO, 'recordings'))).toBe(before);
  });

  it('exits 0 with --fail-on never and prints a JSON summary with --json', () => {
    const run = auditDemo(path.join(tmp, 'c'), '--fail-on', 'never', '--json');
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({
      recordings: report.summary.recordings,
      violation: report.summary.violation,
    });
  });

  it('exits 1 with --fail-on review when only reviews would count', () => {
    expect(auditDemo(path.join(tmp, 'd'), '--fail-on', 'review').status).toBe(1);
  });
});
