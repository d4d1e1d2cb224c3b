import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_AUDIT } from '../support/demo-audit.js';
import { runCli } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-decisions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const C1011 = '2026/10/04/in_38641888999_20261004-1510_C-1011.wav';
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function audit(out: string, ...extra: string[]) {
  const run = runCli(['audit', ...DEMO_AUDIT, '--out', out, ...extra]);
  expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  return { run, report: JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) };
}

type Finding = { path: string; verdict: string; reason: string; decision?: { reviewer: string } };
const byCall = (report: { recordings: Finding[] }, id: string) =>
  report.recordings.find((f) => f.path.includes(`_${id}.`))!;

describe('audit --decisions on the demo archive', () => {
  it('keeps, deletes, voids a decision on changed bytes and lists stale decisions', () => {
    const file = path.join(tmp, 'decisions.csv');
    writeFileSync(
      file,
      [
        'call_id,path,decision,category,reason,reviewer,decided_at,evidence,recording_sha256',
        `,${C1011},keep,order,"caller ordered a router, agent mislabelled",DPO Ana,2026-11-20,listened 00:05-00:40,${sha256(path.join(DEMO, 'recordings', C1011))}`,
        `C-1012,,delete,,opening hours only,DPO Ana,2026-11-20,,${'0'.repeat(64)}`,
        'C-1013,,delete,,technical help only,DPO Ana,2026-11-21,,',
        'C-9999,,delete,,typo,DPO Ana,2026-11-21,,',
      ].join('\n'),
    );
    const { report } = audit(path.join(tmp, 'out'), '--decisions', file);
    expect([byCall(report, 'C-1011').verdict, byCall(report, 'C-1011').reason]).toEqual([
      'compliant',
      'REVIEWED_KEEP',
    ]);
    expect(byCall(report, 'C-1011').decision?.reviewer).toBe('DPO Ana');
    expect(byCall(report, 'C-1012').reason).toBe('UNKNOWN_OUTCOME');
    expect([byCall(report, 'C-1013').verdict, byCall(report, 'C-1013').reason]).toEqual([
      'violation',
      'REVIEWED_DELETE',
    ]);
    expect(report.engine.decisions).toMatchObject({ file, count: 4, applied: 2 });
    expect(report.engine.decisions.stale.map((d: { id: string }) => d.id)).toEqual([`${file}:5`]);
    expect(report.engine.decisions.void.map((d: { id: string }) => d.id)).toEqual([`${file}:3`]);
    const manifest = readFileSync(path.join(tmp, 'out', 'deletion-manifest.csv'), 'utf8');
    expect(manifest).toContain('C-1013');
  });

  it('refuses a keep decision for a category that does not qualify, naming file and line', () => {
    const file = path.join(tmp, 'bad.csv');
    writeFileSync(
      file,
      'call_id,decision,category,reason,reviewer,decided_at\nC-1011,keep,information,r,DPO,2026-11-20\n',
    );
    const { status, stderr } = runCli([
      'audit',
      ...DEMO_AUDIT,
      '--out',
      path.join(tmp, 'bad'),
      '--decisions',
      file,
    ]);
    expect(status).toBe(2);
    expect(stderr).toContain(`${file}:2`);
    expect(stderr).toContain('does not qualify');
  });
});
