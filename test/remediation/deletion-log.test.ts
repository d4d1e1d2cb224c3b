import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeletionLogWriter } from '../../src/remediation/log-writer.js';
import { summariseLog } from '../../src/remediation/log-summary.js';
import { verifyLogText } from '../../src/remediation/log-verify.js';
import type { UnsealedEntry } from '../../src/remediation/log-entry.js';
import { scratch } from './helpers.js';

const entry = (overrides: Partial<UnsealedEntry> = {}): UnsealedEntry => ({
  at: '2026-11-28T10:00:00.000Z',
  session: 's-1',
  action: 'deleted',
  skip: null,
  operator: 'DPO',
  mode: 'delete',
  instruction: {
    run_id: 'a'.repeat(32),
    manifest_sha256: 'b'.repeat(64),
    policy_id: 'si-ip-akos',
    policy_version: '1.0.0',
  },
  manifest_line: 2,
  call_id: 'C-1',
  reason: 'NON_QUALIFYING_ONLY',
  size: 100,
  sha256: 'c'.repeat(64),
  path_sha256: 'd'.repeat(64),
  root_sha256: 'e'.repeat(64),
  note: null,
  ...overrides,
});

function writeLog(entries: UnsealedEntry[]): string {
  const { log } = scratch();
  const writer = DeletionLogWriter.open(log);
  for (const e of entries) writer.append(e);
  writer.close();
  return log;
}

const five = () =>
  writeLog([
    entry(),
    entry({ call_id: 'C-2', size: 200, at: '2026-11-28T23:30:00.000Z' }),
    entry({ call_id: 'C-3', reason: 'NO_CALL_LOG_ENTRY', size: 50 }),
    entry({ call_id: 'C-4', action: 'skipped', skip: { code: 'HELD', detail: 'dsar hold' }, size: null }),
    entry({ call_id: 'C-5' }),
  ]);

describe('the deletion log chain', () => {
  it('verifies a log written by the writer, also across separate appends', () => {
    const log = five();
    const writer = DeletionLogWriter.open(log);
    writer.append(entry({ session: 's-2' }));
    writer.close();
    const check = verifyLogText(readFileSync(log, 'utf8'));
    expect(check).toMatchObject({ ok: true, lines: 6, broken: null });
    expect(check.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  const tamper = (edit: (lines: string[]) => string[]) => {
    const log = five();
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    writeFileSync(log, `${edit(lines).join('\n')}\n`);
    return verifyLogText(readFileSync(log, 'utf8'));
  };

  it.each([
    ['a changed call ID', (l: string[]) => l.map((x, i) => (i === 1 ? x.replace('"C-2"', '"C-7"') : x)), 2],
    [
      'a changed size in the last line',
      (l: string[]) => l.map((x, i) => (i === 4 ? x.replace('"size":100', '"size":1') : x)),
      5,
    ],
    ['a deleted line', (l: string[]) => l.filter((_, i) => i !== 2), 3],
    ['two swapped lines', (l: string[]) => [l[0]!, l[2]!, l[1]!, l[3]!, l[4]!], 2],
    [
      'a reformatted line',
      (l: string[]) => l.map((x, i) => (i === 3 ? x.replace('{"v":1', '{ "v": 1') : x)),
      4,
    ],
    [
      'a skipped row turned into a deletion',
      (l: string[]) => l.map((x, i) => (i === 3 ? x.replace('"skipped"', '"deleted"') : x)),
      4,
    ],
  ])('fails verification on %s, naming the line', (_name, edit, line) => {
    const check = tamper(edit);
    expect(check.ok).toBe(false);
    expect(check.broken?.line).toBe(line);
  });

  it('reports a torn last line (a crash mid-write) as broken, and the writer refuses to append to it', () => {
    const log = five();
    writeFileSync(log, `${readFileSync(log, 'utf8')}{"v":1,"seq":6`);
    expect(verifyLogText(readFileSync(log, 'utf8')).ok).toBe(false);
    expect(() => DeletionLogWriter.open(log)).toThrow(/does not verify/);
  });
});

describe('log summary', () => {
  it('totals files and bytes per local day, action and reason', () => {
    const check = verifyLogText(readFileSync(five(), 'utf8'));
    expect(summariseLog(check.entries, 'Europe/Ljubljana')).toEqual([
      { day: '2026-11-28', action: 'deleted', reason: 'NON_QUALIFYING_ONLY', files: 2, bytes: 200 },
      { day: '2026-11-28', action: 'deleted', reason: 'NO_CALL_LOG_ENTRY', files: 1, bytes: 50 },
      { day: '2026-11-28', action: 'skipped', reason: 'HELD', files: 1, bytes: 0 },
      // 23:30 UTC is already the next day in Ljubljana.
      { day: '2026-11-29', action: 'deleted', reason: 'NON_QUALIFYING_ONLY', files: 1, bytes: 200 },
    ]);
  });
});
