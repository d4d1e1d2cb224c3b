import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditDemo, DEMO, DEMO_AUDIT_FLAGS } from '../support/demo-audit.js';
import { runCli, stderrBeyondSummary } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-shards-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const audit = (out: string, ...extra: string[]) => auditDemo(out, '--format', 'json,csv,manifest', ...extra);
const out = (name: string) => path.join(tmp, name);
const withoutGeneratedAt = (file: string) =>
  readFileSync(file, 'utf8').replace(/"generatedAt": "[^"]*"/, '"generatedAt": ""');

describe('audit --shard i/n and merge', () => {
  const whole = audit(out('whole'), '--no-cache');
  const shards = [1, 2, 3].map((i) => audit(out(`shard${i}`), '--shard', `${i}/3`));

  it('writes a partial report per shard and splits the recordings among them', () => {
    expect(whole.status).toBe(1);
    for (const run of shards) {
      expect(run.stderr).not.toMatch(/error|warning/i);
      expect(run.stdout).toMatch(/Shard \d\/3: \d+ recording\(s\)/);
    }
    const counts = [1, 2, 3].map(
      (i) =>
        JSON.parse(readFileSync(path.join(out(`shard${i}`), 'partial-report.json'), 'utf8')).result.recordings
          .length,
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it('merges three shards into the same reports as one run, byte for byte apart from generatedAt', () => {
    const merged = runCli(['merge', out('shard3'), out('shard1'), out('shard2'), '--out', out('merged')]);
    expect(stderrBeyondSummary(merged)).toBe('');
    expect(merged.status).toBe(whole.status);
    expect(withoutGeneratedAt(path.join(out('merged'), 'report.json'))).toBe(
      withoutGeneratedAt(path.join(out('whole'), 'report.json')),
    );
    for (const file of ['findings.csv', 'deletion-manifest.csv']) {
      expect(readFileSync(path.join(out('merged'), file))).toEqual(
        readFileSync(path.join(out('whole'), file)),
      );
    }
  });

  it('reports a missing and a duplicated shard', () => {
    const missing = runCli(['merge', out('shard1'), out('shard3'), '--out', out('m2')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('shard 2/3 missing');
    const twice = runCli(['merge', out('shard1'), out('shard2'), out('shard2'), '--out', out('m3')]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('shard 2/3 is given twice');
  });

  it('refuses partials of audits with another --now', () => {
    const laterNow = DEMO_AUDIT_FLAGS.map((a) => (a === '2026-11-28T12:00:00Z' ? '2026-12-01T12:00:00Z' : a));
    const other = runCli([
      'audit',
      path.join(DEMO, 'recordings'),
      ...laterNow,
      '--out',
      out('other2'),
      '--shard',
      '2/3',
    ]);
    expect(other.status).toBe(0);
    const run = runCli(['merge', out('shard1'), out('other2'), out('shard3'), '--out', out('m4')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/another settings/);
  });

  it('refuses a malformed --shard', () => {
    const run = audit(out('bad'), '--shard', '4/3');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--shard must look like i/n');
  });
});
