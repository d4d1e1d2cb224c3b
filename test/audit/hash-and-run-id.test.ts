import { createHash } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashViolations } from '../../src/archive/hash-violations.js';
import { computeRunId } from '../../src/report/run-id.js';
import type { Finding } from '../../src/audit/types.js';
import { parseConfigText } from '../../src/config/config-file.js';
import { resolvePlan } from '../../src/config/resolve-plan.js';
import { rejectionOf } from '../support/error-of.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'callaudit-hash-'));
const finding = (file: string, verdict: Finding['verdict'], content: string): Finding => {
  writeFileSync(path.join(dir, file), content);
  const stats = statSync(path.join(dir, file));
  // Only the fields hashViolations reads; the rest of a Finding does not matter here.
  return { root: dir, path: file, verdict, size: stats.size, mtime: stats.mtime.toISOString() } as Finding;
};

const manyViolations = (count: number) =>
  Array.from({ length: count }, (_, i) => finding(`many-${i}.wav`, 'violation', `recording ${i}`));

describe('audit --hash', () => {
  it('hashes violations only, and only when the file is still as probed', async () => {
    const findings = [
      finding('v.wav', 'violation', 'delete me'),
      finding('c.wav', 'compliant', 'keep me'),
      finding('changed.wav', 'violation', 'grew'),
    ];
    writeFileSync(path.join(dir, 'changed.wav'), 'grew after the probe');
    await hashViolations(findings);
    expect(findings[0]!.sha256).toBe(createHash('sha256').update('delete me').digest('hex'));
    expect(findings[1]!.sha256).toBeUndefined();
    expect(findings[2]!.sha256).toBeUndefined();
  });

  it('stops with INTERRUPTED once the audit is aborted, before any file when it already was', async () => {
    const before = manyViolations(250);
    const error = await rejectionOf(hashViolations(before, AbortSignal.abort()));
    expect(error.code).toBe('INTERRUPTED');
    expect(error.message).toBe('stopped after hashing 0 of 250 violations; no report was written');
    expect(before.filter((f) => f.sha256 !== undefined)).toHaveLength(0);
  });

  it('gives the event loop a turn every 100 files, so a Ctrl-C while hashing stops it there', async () => {
    const during = [finding('kept.wav', 'compliant', 'keep'), ...manyViolations(250)];
    const interrupt = new AbortController();
    // Runs at the first turn hashing gives the event loop, as a SIGINT handler would.
    setImmediate(() => interrupt.abort());
    const error = await rejectionOf(hashViolations(during, interrupt.signal));
    expect(error.code).toBe('INTERRUPTED');
    expect(error.message).toBe('stopped after hashing 100 of 250 violations; no report was written');
    expect(during.filter((f) => f.sha256 !== undefined)).toHaveLength(100);
    expect(during[1]!.sha256).toBe(createHash('sha256').update('recording 0').digest('hex'));
  });

  it('is on by default and can be turned off by --no-hash or the config file (the flag wins)', () => {
    const clock = () => new Date('2026-11-28T08:00:00.000Z');
    expect(resolvePlan(['rec'], { crm: ['c.csv'] }, null, clock).hash).toBe(true);
    expect(resolvePlan(['rec'], { crm: ['c.csv'], hash: false }, null, clock).hash).toBe(false);
    const loaded = {
      file: 'callaudit.config.json',
      dir: '.',
      config: parseConfigText('{"hash": false}', 'x.json'),
    };
    expect(resolvePlan(['rec'], { crm: ['c.csv'] }, loaded, clock).hash).toBe(false);
    expect(resolvePlan(['rec'], { crm: ['c.csv'], hash: true }, loaded, clock).hash).toBe(true);
  });
});

describe('run ID', () => {
  it('is the same for the same content and changes with any of it', () => {
    const base = { generatedAt: '2026-11-28T12:00:00.000Z', recordings: [{ path: 'a.wav' }] } as never;
    const same = { generatedAt: '2026-11-28T12:00:00.000Z', recordings: [{ path: 'a.wav' }] } as never;
    const other = { generatedAt: '2026-11-28T12:00:00.001Z', recordings: [{ path: 'a.wav' }] } as never;
    expect(computeRunId(base)).toMatch(/^[0-9a-f]{32}$/);
    expect(computeRunId(base)).toBe(computeRunId(same));
    expect(computeRunId(base)).not.toBe(computeRunId(other));
  });
});
