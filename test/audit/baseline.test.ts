import { describe, expect, it } from 'vitest';
import {
  compareWithBaseline,
  findingKey,
  policyDifference,
  summaryForExitCode,
} from '../../src/audit/baseline.js';
import type { AuditResult } from '../../src/audit/result.js';
import { summarise } from '../../src/audit/summarise.js';
import type { Finding } from '../../src/audit/types.js';

function finding(
  path: string,
  verdict: Finding['verdict'],
  reason: Finding['reason'],
  callId: string | null,
): Finding {
  return {
    root: 'archive',
    path,
    callId,
    idSource: 'filename',
    verdict,
    reason,
    message: { code: 'TEXT', args: { text: '' } },
    categories: [],
    events: [],
    legalBasis: [],
    size: 1,
    mtime: '2026-10-01T00:00:00.000Z',
    format: null,
    codec: null,
    durationSec: null,
    startedAt: null,
    problems: [],
  };
}

function result(recordings: Finding[], version = '1.0.0'): AuditResult {
  return {
    schemaVersion: 1,
    tool: { name: 'callaudit', version: 'test' },
    generatedAt: '2026-11-28T12:00:00.000Z',
    runId: '0123456789abcdef0123456789abcdef',
    policy: { id: 'si-ip-akos', version, sha256: 'a'.repeat(64) },
    settings: {},
    inputs: { roots: [], callLogs: [], outcomeMap: null },
    problems: [],
    summary: summarise(recordings),
    recordings,
  };
}

describe('compareWithBaseline', () => {
  const old = result([
    finding('a.wav', 'violation', 'NO_CALL_LOG_ENTRY', 'C-1'),
    finding('b.wav', 'review', 'UNKNOWN_OUTCOME', 'C-2'),
    finding('c.wav', 'violation', 'NON_QUALIFYING_ONLY', 'C-3'),
    finding('d.wav', 'compliant', 'QUALIFYING_EVENT', 'C-4'),
  ]);
  const now = result([
    finding('a.wav', 'violation', 'NO_CALL_LOG_ENTRY', 'C-1'), // persisting
    finding('b.wav', 'violation', 'NON_QUALIFYING_ONLY', 'C-2'), // reason changed: new, and the old one resolved
    finding('d.wav', 'violation', 'NO_CALL_LOG_ENTRY', 'C-4'), // was compliant: new
    finding('e.wav', 'compliant', 'QUALIFYING_EVENT', 'C-5'), // not a finding
  ]);
  const compared = compareWithBaseline(now, old, 'old.json');

  it('marks findings new or persisting by (call ID, reason, path)', () => {
    expect(compared.recordings.map((f) => f.baseline)).toEqual(['persisting', 'new', 'new', undefined]);
    expect(compared.baseline).toMatchObject({ file: 'old.json', new: 2, persisting: 1 });
  });

  it('lists the baseline findings that are gone as resolved', () => {
    expect(compared.baseline!.resolved.map((r) => [r.path, r.reason])).toEqual([
      ['b.wav', 'UNKNOWN_OUTCOME'],
      ['c.wav', 'NON_QUALIFYING_ONLY'],
    ]);
  });

  it('judges the exit code on new findings only', () => {
    expect(summaryForExitCode(compared)).toMatchObject({ violation: 2, review: 0, recordings: 2 });
    expect(summaryForExitCode(now)).toBe(now.summary);
  });

  it('does not depend on the order of the findings', () => {
    const reversed = compareWithBaseline(now, result([...old.recordings].reverse()), 'old.json');
    expect(reversed.recordings.map((f) => f.baseline)).toEqual(compared.recordings.map((f) => f.baseline));
  });

  it('keys on the path inside the root, so a re-mounted archive still matches', () => {
    const moved = { ...finding('a.wav', 'violation', 'NO_CALL_LOG_ENTRY', 'C-1'), root: '/mnt/other' };
    expect(findingKey(moved)).toBe(findingKey(finding('a.wav', 'violation', 'NO_CALL_LOG_ENTRY', 'C-1')));
  });
});

describe('policyDifference', () => {
  it('names both versions, or nothing when they match', () => {
    expect(policyDifference(result([]).policy, result([], '0.9.0').policy)).toBe(
      'the baseline was made with policy version 0.9.0, this audit uses 1.0.0',
    );
    expect(policyDifference(result([]).policy, result([]).policy)).toBeNull();
  });
});
