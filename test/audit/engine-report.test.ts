import { describe, expect, it } from 'vitest';
import { buildEngineReport, NOTICE_NOT_VERIFIED, staleHolds } from '../../src/audit/engine-report.js';
import type { Finding } from '../../src/audit/types.js';
import type { Hold } from '../../src/policy/holds.js';
import { loadBuiltinPack } from '../../src/policy/load-pack.js';

function finding(overrides: Partial<Finding>): Finding {
  return {
    root: 'a',
    path: 'x.wav',
    callId: 'C-1',
    idSource: 'filename',
    verdict: 'compliant',
    reason: 'QUALIFYING_EVENT',
    message: { code: 'TEXT', args: { text: '' } },
    categories: [],
    events: [],
    legalBasis: [],
    size: 1,
    mtime: '2026-10-01T00:00:00.000Z',
    format: null,
    codec: null,
    durationSec: null,
    startedAt: '2026-10-01T00:00:00.000Z',
    problems: [],
    timeSource: 'mtime',
    deleteBy: null,
    holdIds: [],
    ...overrides,
  };
}

const NOW = '2026-11-28T12:00:00.000Z';
const base = {
  pack: loadBuiltinPack(),
  now: NOW,
  noticeColumn: null,
  maxEventLagHours: 72,
  coverage: { basis: 'none' as const, spans: [] },
  dueWithinDays: 30,
  holds: null,
};

describe('the engine section of report.json', () => {
  it('lists compliant recordings due within the horizon, earliest first, the horizon included', () => {
    const report = buildEngineReport({
      ...base,
      findings: [
        finding({ path: 'late.wav', deleteBy: '2026-12-28T12:00:00.001Z' }),
        finding({ path: 'edge.wav', deleteBy: '2026-12-28T12:00:00.000Z' }),
        finding({ path: 'soon.wav', deleteBy: '2026-12-01T00:00:00.000Z' }),
        finding({
          path: 'gone.wav',
          verdict: 'violation',
          reason: 'RETENTION_EXPIRED',
          deleteBy: '2026-11-01T00:00:00.000Z',
        }),
        finding({ path: 'held.wav', verdict: 'hold', reason: 'LEGAL_HOLD', deleteBy: null }),
      ],
    });
    expect(report.retention.dueSoon.map((d) => d.path)).toEqual(['soon.wav', 'edge.wav']);
  });

  it('says prior notice was not verified without a notice column, and counts recordings of undecided coverage', () => {
    const report = buildEngineReport({
      ...base,
      findings: [
        finding({ path: 'a.wav', verdict: 'violation', reason: 'NO_CALL_LOG_ENTRY' }),
        finding({
          path: 'b.wav',
          startedAt: null,
          timeSource: null,
          verdict: 'violation',
          reason: 'NO_CALL_LOG_ENTRY',
        }),
      ],
    });
    expect(report.priorNotice).toMatchObject({
      verified: false,
      column: null,
      statement: NOTICE_NOT_VERIFIED,
      unrecognised: [],
    });
    expect(report.coverage).toMatchObject({ coverageUnknown: 2, recordingsOfUnknownTime: 1 });
    expect(report.join).toBeNull();
    expect(report.recordingTime).toEqual({ mtime: 1, unknown: 1 });
  });

  it('never says notice was verified for recordings whose value it did not recognise', () => {
    const report = buildEngineReport({
      ...base,
      noticeColumn: 'Obvestilo',
      unrecognisedNotices: [
        { value: 'N', rows: 3 },
        { value: 'ni', rows: 1 },
      ],
      unverifiedNoticeRecordings: 4,
      findings: [finding({})],
    });
    expect(report.priorNotice.statement).toBe(
      'prior notice checked against the call-log column "Obvestilo", but not verified for 4 recording(s) whose rows hold values the tool does not recognise: "N" (3), "ni" (1)',
    );
    expect(report.priorNotice).toMatchObject({
      verified: true,
      noticeMissing: 'review',
      unverifiedRecordings: 4,
    });
  });

  it('lists the cited citations that are unconfirmed', () => {
    const report = buildEngineReport({
      ...base,
      findings: [finding({ legalBasis: ['CIT_ZEKOM', 'CIT_IP_AKOS', 'CIT_OZ_99'] })],
    });
    expect(report.unconfirmedCitations.map((c) => c.id)).toEqual(['CIT_OZ_99', 'CIT_ZEKOM']);
  });

  it('finds stale holds by call ID (any case), customer ID and path glob', () => {
    const hold = (scope: Hold['scope'], value: string): Hold => ({
      id: `${scope}:${value}`,
      type: 'litigation',
      scope,
      value,
      reference: 'r',
      reason: 'r',
      until: null,
      period: null,
    });
    const holds = [
      hold('call_id', 'c-1'),
      hold('call_id', 'C-404'),
      hold('customer_id', 'K-1'),
      hold('customer_id', 'K-404'),
      hold('path', 'desk/**'),
      hold('path', 'other/**'),
    ];
    const subjects = [{ callId: 'C-1', customerIds: ['K-1'], path: 'desk/x.wav', callAt: null }];
    expect(staleHolds(holds, subjects).map((h) => h.id)).toEqual([
      'call_id:C-404',
      'customer_id:K-404',
      'path:other/**',
    ]);
  });
});
