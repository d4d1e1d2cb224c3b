import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUDIT } from '../support/demo-audit.js';
import { runCli } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-sample-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const report = path.join(tmp, 'audit', 'report.json');
beforeAll(() => {
  expect(runCli(['audit', ...DEMO_AUDIT, '--out', path.join(tmp, 'audit')]).status).toBe(0);
});

describe('callaudit sample', () => {
  it('draws the same sample for the same report and seed, with the run ID, and --check exits 1 on a contradicted compliant recording', () => {
    const draw = (out: string, seed: string) =>
      runCli(['sample', '--report', report, '--size', '8', '--seed', seed, '--out', path.join(tmp, out)]);
    expect(draw('a', '11').status).toBe(0);
    expect(draw('b', '11').status).toBe(0);
    const csv = readFileSync(path.join(tmp, 'a', 'sample.csv'), 'utf8');
    expect(readFileSync(path.join(tmp, 'b', 'sample.csv'), 'utf8')).toBe(csv);
    const runId = JSON.parse(readFileSync(report, 'utf8')).runId;
    expect(csv).toContain(`run ${runId}; seed 11; size 8`);
    expect(readFileSync(path.join(tmp, 'a', 'sample.html'), 'utf8')).toContain(`run ${runId}; seed 11`);

    const lines = csv.trimEnd().split('\n');
    const confirmed = lines.map((l) => (l.startsWith('C-') ? l.replace(/,,$/, ',confirmed,') : l));
    writeFileSync(path.join(tmp, 'ok.csv'), `${confirmed.join('\n')}\n`);
    const ok = runCli(['sample', '--check', path.join(tmp, 'ok.csv')]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^all\s/m);

    const firstCompliant = confirmed.findIndex((l) => l.includes(',compliant,'));
    confirmed[firstCompliant] = confirmed[firstCompliant]!.replace(/,confirmed,$/, ',contradicted,no order');
    writeFileSync(path.join(tmp, 'bad.csv'), `${confirmed.join('\n')}\n`);
    const bad = runCli(['sample', '--check', path.join(tmp, 'bad.csv')]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('1 sampled compliant recording(s) had no business event');
  });

  it('refuses a missing seed and an output folder inside the archive, with exit 2', () => {
    const noSeed = runCli(['sample', '--report', report, '--out', path.join(tmp, 'c')]);
    expect([noSeed.status, noSeed.stderr]).toEqual([2, expect.stringContaining('--seed')]);
    const inside = runCli([
      'sample',
      '--report',
      report,
      '--seed',
      '1',
      '--out',
      path.join(DEMO_AUDIT[0]!, 'sample'),
    ]);
    expect(inside.status).toBe(2);
  });
});
