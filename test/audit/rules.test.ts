import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE, type EngineSettings } from '../../src/audit/engine-settings.js';
import { judge } from '../../src/audit/judge.js';
import type { CallEvent, Recording } from '../../src/audit/types.js';
import {
  CALL_AT,
  judgeCase,
  makeEvent,
  makeHold,
  makeRecording,
  NOW,
  OCTOBER,
  stubClassifier,
  testPack,
  type JudgeCase,
} from '../support/builders.js';
import { englishExplanation } from '../../src/report/messages/render.js';

const classify = stubClassifier({
  Order: 'order',
  Complaint: 'complaint',
  Info: 'information',
  Support: 'support',
  Quality: 'staff_monitoring',
  Threats: 'abuse_prevention',
  'Evidence of the sale': 'order',
});

const ACTIVE = makeHold();
const EXPIRED = makeHold({ id: 'holds.csv:3', until: '2026-11-01T22:59:59.999Z' });

type Case = JudgeCase;

const at = (iso: string): Partial<CallEvent> => ({ at: iso });
const unreadable: Partial<Recording> = { problems: [{ code: 'TRUNCATED', message: 'truncated' }] };
const noId: Partial<Recording> = { callId: null, idSource: 'none' };

const run = (c: Case) => judgeCase(c, classify);

describe('each rule on its own', () => {
  it.each<[string, Case, string, string]>([
    ['active legal hold', { engine: { holds: [ACTIVE] }, events: [['Info']] }, 'hold', 'LEGAL_HOLD'],
    ['unreadable file', { recording: unreadable, events: [['Order']] }, 'review', 'UNREADABLE_FILE'],
    ['no call ID', { recording: noId }, 'review', 'NO_CALL_ID'],
    ['no prior notice', { events: [['Order', { notice: 'ne' }]] }, 'review', 'NO_PRIOR_NOTICE'],
    [
      'no prior notice, the DPO chose deletion',
      { engine: { noticeMissing: 'violation' }, events: [['Order', { notice: 'ne' }]] },
      'violation',
      'NO_PRIOR_NOTICE',
    ],
    [
      'no prior notice, the pack chose deletion',
      { pack: { noticeMissing: 'violation' }, events: [['Order', { notice: 'not given' }]] },
      'violation',
      'NO_PRIOR_NOTICE',
    ],
    [
      'no prior notice, the config overrides the pack',
      {
        pack: { noticeMissing: 'violation' },
        engine: { noticeMissing: 'review' },
        events: [['Order', { notice: 'no' }]],
      },
      'review',
      'NO_PRIOR_NOTICE',
    ],
    [
      'unlawful stated purpose',
      { events: [['Order', { purpose: 'Quality' }]] },
      'review',
      'UNLAWFUL_STATED_PURPOSE',
    ],
    [
      'qualifying event in the window',
      { events: [['Order', at('2026-10-03T09:00:00Z')]] },
      'compliant',
      'QUALIFYING_EVENT',
    ],
    [
      'qualifying event past its retention',
      {
        recording: { startedAt: '2022-01-10T08:00:00.000Z' },
        events: [['Order', at('2022-01-10T09:00:00Z')]],
      },
      'violation',
      'RETENTION_EXPIRED',
    ],
    [
      'qualifying event a week later',
      { events: [['Order', at('2026-10-10T09:00:00Z')]] },
      'review',
      'EVENT_TIME_MISMATCH',
    ],
    ['unknown outcome', { events: [['Mystery']] }, 'review', 'UNKNOWN_OUTCOME'],
    ['ambiguous category', { events: [['Support']] }, 'review', 'AMBIGUOUS_CATEGORY'],
    ['non-qualifying only', { events: [['Info']] }, 'violation', 'NON_QUALIFYING_ONLY'],
    [
      'no event, outside the log period',
      { recording: { startedAt: '2026-09-15T08:00:00.000Z' } },
      'review',
      'OUTSIDE_LOG_COVERAGE',
    ],
    ['no event, inside the log period', {}, 'violation', 'NO_CALL_LOG_ENTRY'],
    ['expired hold, no event', { engine: { holds: [EXPIRED] } }, 'review', 'HOLD_EXPIRED'],
  ])('%s → %s / %s', (_name, c, verdict, reason) => {
    const finding = run(c);
    expect([finding.verdict, finding.reason]).toEqual([verdict, reason]);
  });
});

describe('precedence: the higher rule wins', () => {
  it.each<[string, Case, string, string]>([
    [
      'hold beats an unreadable file',
      { engine: { holds: [makeHold({ scope: 'path', value: '**' })] }, recording: unreadable },
      'hold',
      'LEGAL_HOLD',
    ],
    [
      'hold beats a missing call ID',
      { engine: { holds: [makeHold({ scope: 'path', value: '*.wav' })] }, recording: noId },
      'hold',
      'LEGAL_HOLD',
    ],
    [
      'hold beats no prior notice',
      { engine: { holds: [ACTIVE] }, events: [['Order', { notice: 'no' }]] },
      'hold',
      'LEGAL_HOLD',
    ],
    [
      'hold beats an unlawful purpose',
      { engine: { holds: [ACTIVE] }, events: [['Order', { purpose: 'Quality' }]] },
      'hold',
      'LEGAL_HOLD',
    ],
    [
      'hold beats expired retention',
      {
        engine: { holds: [ACTIVE] },
        recording: { startedAt: '2020-01-10T08:00:00.000Z' },
        events: [['Order', at('2020-01-10T09:00:00Z')]],
      },
      'hold',
      'LEGAL_HOLD',
    ],
    [
      'hold beats a time mismatch',
      { engine: { holds: [ACTIVE] }, events: [['Order', at('2026-10-20T09:00:00Z')]] },
      'hold',
      'LEGAL_HOLD',
    ],
    ['hold beats no call-log entry', { engine: { holds: [ACTIVE] } }, 'hold', 'LEGAL_HOLD'],
    [
      'hold by customer ID',
      {
        engine: { holds: [makeHold({ scope: 'customer_id', value: 'K-7' })] },
        events: [['Info', { customerId: 'K-7' }]],
      },
      'hold',
      'LEGAL_HOLD',
    ],
    [
      'unreadable beats no prior notice',
      { recording: unreadable, events: [['Order', { notice: 'no' }]] },
      'review',
      'UNREADABLE_FILE',
    ],
    [
      'notice beats a qualifying event',
      { events: [['Order', { notice: 'false' }]] },
      'review',
      'NO_PRIOR_NOTICE',
    ],
    [
      'notice beats an unlawful purpose',
      { events: [['Order', { notice: '0', purpose: 'Quality' }]] },
      'review',
      'NO_PRIOR_NOTICE',
    ],
    [
      'an unrecognised notice value is unknown, never missing',
      {
        engine: { noticeMissing: 'violation' },
        events: [
          ['Order', { notice: 'N' }],
          ['Info', { notice: 'ni' }],
        ],
      },
      'compliant',
      'QUALIFYING_EVENT',
    ],
    [
      'purpose beats a qualifying event',
      { events: [['Order', { purpose: 'Threats' }]] },
      'review',
      'UNLAWFUL_STATED_PURPOSE',
    ],
    [
      'purpose never softens a violation',
      { events: [['Info', { purpose: 'Quality' }]] },
      'violation',
      'NON_QUALIFYING_ONLY',
    ],
    [
      'a lawful purpose changes nothing',
      { events: [['Order', { purpose: 'Evidence of the sale' }]] },
      'compliant',
      'QUALIFYING_EVENT',
    ],
    [
      'notice given keeps nothing by itself',
      { events: [['Info', { notice: 'da' }]] },
      'violation',
      'NON_QUALIFYING_ONLY',
    ],
    [
      'empty notice is unknown, not missing',
      { events: [['Order', { notice: null }]] },
      'compliant',
      'QUALIFYING_EVENT',
    ],
    [
      'notice given on one row wins over no on another',
      {
        events: [
          ['Order', { notice: 'yes' }],
          ['Info', { notice: 'no' }],
        ],
      },
      'compliant',
      'QUALIFYING_EVENT',
    ],
    [
      'qualifying in the window beats one outside',
      {
        events: [
          ['Order', at('2026-10-20T09:00:00Z')],
          ['Complaint', at('2026-10-03T10:00:00Z')],
        ],
      },
      'compliant',
      'QUALIFYING_EVENT',
    ],
    ['qualifying beats unknown', { events: [['Mystery'], ['Order']] }, 'compliant', 'QUALIFYING_EVENT'],
    ['qualifying beats ambiguous', { events: [['Support'], ['Order']] }, 'compliant', 'QUALIFYING_EVENT'],
    ['qualifying beats non-qualifying', { events: [['Info'], ['Order']] }, 'compliant', 'QUALIFYING_EVENT'],
    [
      'time mismatch beats unknown',
      { events: [['Mystery'], ['Order', at('2026-09-01T09:00:00Z')]] },
      'review',
      'EVENT_TIME_MISMATCH',
    ],
    [
      'time mismatch beats non-qualifying',
      { events: [['Info'], ['Order', at('2026-10-20T09:00:00Z')]] },
      'review',
      'EVENT_TIME_MISMATCH',
    ],
    ['unknown beats ambiguous', { events: [['Support'], ['Mystery']] }, 'review', 'UNKNOWN_OUTCOME'],
    ['ambiguous beats non-qualifying', { events: [['Support'], ['Info']] }, 'review', 'AMBIGUOUS_CATEGORY'],
    [
      'non-qualifying only outside the window may be another call: review',
      { events: [['Info', at('2026-12-01T09:00:00Z')]] },
      'review',
      'EVENT_TIME_MISMATCH',
    ],
    [
      'one non-qualifying event inside the window is evidence enough',
      {
        events: [
          ['Info', at('2026-12-01T09:00:00Z')],
          ['Info', at('2026-10-03T10:00:00Z')],
        ],
      },
      'violation',
      'NON_QUALIFYING_ONLY',
    ],
    [
      'coverage turns a missing entry into review',
      { recording: { startedAt: '2026-11-05T08:00:00.000Z' } },
      'review',
      'OUTSIDE_LOG_COVERAGE',
    ],
    [
      'unknown recording time is not known to be covered',
      { recording: { startedAt: null, timeSource: null } },
      'review',
      'COVERAGE_UNKNOWN',
    ],
    [
      'no coverage data proves nothing by absence',
      {
        engine: { coverage: { basis: 'none', spans: [] } },
        recording: { startedAt: '2025-01-01T08:00:00.000Z' },
      },
      'review',
      'COVERAGE_UNKNOWN',
    ],
    [
      'coverage from the span of event times decides',
      { engine: { coverage: { ...OCTOBER, basis: 'event-times' } } },
      'violation',
      'NO_CALL_LOG_ENTRY',
    ],
    [
      'expired hold never deletes: non-qualifying',
      { engine: { holds: [EXPIRED] }, events: [['Info']] },
      'review',
      'HOLD_EXPIRED',
    ],
    [
      'expired hold never deletes: no notice',
      { engine: { holds: [EXPIRED], noticeMissing: 'violation' }, events: [['Order', { notice: 'no' }]] },
      'review',
      'HOLD_EXPIRED',
    ],
    [
      'expired hold never deletes: retention expired',
      {
        engine: { holds: [EXPIRED] },
        recording: { startedAt: '2020-01-10T08:00:00.000Z' },
        events: [['Order', at('2020-01-10T09:00:00Z')]],
      },
      'review',
      'HOLD_EXPIRED',
    ],
    [
      'expired hold leaves a compliant recording compliant',
      { engine: { holds: [EXPIRED] }, events: [['Order']] },
      'compliant',
      'QUALIFYING_EVENT',
    ],
    [
      'expired hold leaves review alone',
      { engine: { holds: [EXPIRED] }, events: [['Mystery']] },
      'review',
      'UNKNOWN_OUTCOME',
    ],
    [
      'active hold beats an expired one',
      { engine: { holds: [EXPIRED, ACTIVE] }, events: [['Info']] },
      'hold',
      'LEGAL_HOLD',
    ],
  ])('%s → %s / %s', (_name, c, verdict, reason) => {
    const finding = run(c);
    expect([finding.verdict, finding.reason]).toEqual([verdict, reason]);
  });
});

describe('the time window', () => {
  it.each<[string, string | null, Partial<EngineSettings>, string]>([
    ['30 minutes before the recording (clock skew)', '2026-10-03T07:30:00Z', {}, 'QUALIFYING_EVENT'],
    ['2 hours before the recording', '2026-10-03T06:00:00Z', {}, 'EVENT_TIME_MISMATCH'],
    ['exactly 72 hours after', '2026-10-06T08:00:00Z', {}, 'QUALIFYING_EVENT'],
    ['73 hours after', '2026-10-06T09:00:00Z', {}, 'EVENT_TIME_MISMATCH'],
    [
      '73 hours after with --max-event-lag 96',
      '2026-10-06T09:00:00Z',
      { maxEventLagHours: 96 },
      'QUALIFYING_EVENT',
    ],
    ['event time unknown', null, {}, 'QUALIFYING_EVENT'],
  ])('%s → %s', (_name, eventAt, engine, reason) => {
    expect(run({ events: [['Order', { at: eventAt }]], engine }).reason).toBe(reason);
  });

  it('counts every event when the recording time is unknown', () => {
    const finding = run({
      recording: { startedAt: null, timeSource: null },
      events: [['Order', at('2026-01-01T00:00:00Z')]],
    });
    expect(finding.events[0]?.window).toBe('unknown-time');
    expect(finding.reason).toBe('QUALIFYING_EVENT');
  });
});

describe('retention deadlines', () => {
  it('anchors on the qualifying event and adds the period and grace days', () => {
    const finding = run({ events: [['Order', at('2026-10-03T09:00:00Z')]] });
    expect(finding.deleteBy).toBe('2029-10-03T09:00:00.000Z');
    const graced = judge(
      makeRecording({ startedAt: CALL_AT }),
      [makeEvent('Order', at('2026-10-03T09:00:00Z'))],
      { pack: testPack({ graceDays: 30 }), classify, engine: { ...DEFAULT_ENGINE, now: NOW } },
    );
    expect(graced.deleteBy).toBe('2029-11-02T10:00:00.000Z');
  });

  it('falls back to the recording time when the event has none', () => {
    expect(run({ events: [['Order']] }).deleteBy).toBe('2029-10-03T08:00:00.000Z');
  });

  it('takes the latest deadline when a longer-kept category is among the events', () => {
    const pack = testPack({ periods: { order: 'P3Y', complaint: 'P5Y' } });
    const finding = judge(
      makeRecording({ startedAt: CALL_AT }),
      [makeEvent('Order', at(CALL_AT)), makeEvent('Complaint', at(CALL_AT))],
      { pack, classify, engine: { ...DEFAULT_ENGINE, now: NOW } },
    );
    expect(finding.deleteBy).toBe('2031-10-03T08:00:00.000Z');
  });

  it('is not expired on the deadline itself, only after it', () => {
    const engine = (now: string) => ({ ...DEFAULT_ENGINE, now });
    const args = [makeRecording({ startedAt: CALL_AT }), [makeEvent('Order', at(CALL_AT))]] as const;
    expect(
      judge(...args, { pack: testPack(), classify, engine: engine('2029-10-03T08:00:00.000Z') }).reason,
    ).toBe('QUALIFYING_EVENT');
    expect(
      judge(...args, { pack: testPack(), classify, engine: engine('2029-10-03T08:00:00.001Z') }).reason,
    ).toBe('RETENTION_EXPIRED');
  });

  it('names the deciding holds on the finding', () => {
    expect(run({ engine: { holds: [ACTIVE] } }).holdIds).toEqual(['holds.csv:2']);
    expect(run({ engine: { holds: [EXPIRED] } }).holdIds).toEqual(['holds.csv:3']);
  });
});

describe('outcome labels in explanations', () => {
  it('quotes each label once, in the order of the events', () => {
    const finding = run({
      events: [
        ['Info', at(CALL_AT)],
        ['Info', at(CALL_AT)],
      ],
    });
    expect(englishExplanation(finding.message)).toContain('non-qualifying ("Info")');
    const mixed = run({ events: [['Info'], ['Quality'], ['Info']] });
    expect(englishExplanation(mixed.message)).toContain('non-qualifying ("Info", "Quality")');
  });

  it('takes the latest deadline whichever event comes first', () => {
    const pack = testPack({ periods: { order: 'P3Y', complaint: 'P5Y' } });
    const engine = { ...DEFAULT_ENGINE, now: NOW };
    const late = makeEvent('Complaint', at(CALL_AT));
    const early = makeEvent('Order', at(CALL_AT));
    const recording = makeRecording({ startedAt: CALL_AT });
    for (const events of [
      [late, early],
      [early, late],
    ])
      expect(judge(recording, events, { pack, classify, engine }).deleteBy).toBe('2031-10-03T08:00:00.000Z');
  });
});

describe('a recording dated only by its modification time', () => {
  // The call started at or before the mtime: copies, restores and conversions only move it later.
  const MTIME = '2026-10-20T08:00:00.000Z';
  const byMtime = (startedAt = MTIME): Partial<Recording> => ({ startedAt, timeSource: 'mtime' });

  it.each<[string, Case, string, string]>([
    ['no event, mtime inside the log period', { recording: byMtime() }, 'review', 'COVERAGE_UNKNOWN'],
    [
      'no event, mtime after the log period (the call may have started inside it)',
      { recording: byMtime('2026-11-20T08:00:00.000Z') },
      'review',
      'COVERAGE_UNKNOWN',
    ],
    [
      'no event, mtime before the log period starts',
      { recording: byMtime('2026-09-20T08:00:00.000Z') },
      'review',
      'OUTSIDE_LOG_COVERAGE',
    ],
    [
      'a qualifying event more than the lag after the mtime',
      { recording: byMtime(), events: [['Order', at('2026-10-23T08:00:01Z')]] },
      'review',
      'EVENT_TIME_MISMATCH',
    ],
    [
      'a qualifying event exactly the lag after the mtime',
      { recording: byMtime(), events: [['Order', at('2026-10-23T08:00:00Z')]] },
      'compliant',
      'QUALIFYING_EVENT',
    ],
    [
      'a qualifying event weeks before the mtime still counts',
      { recording: byMtime(), events: [['Order', at('2026-10-01T09:00:00Z')]] },
      'compliant',
      'QUALIFYING_EVENT',
    ],
    [
      'a qualifying event of unknown time counts',
      { recording: byMtime(), events: [['Order', { at: null }]] },
      'compliant',
      'QUALIFYING_EVENT',
    ],
    [
      'a late qualifying event does not beat an earlier one',
      {
        recording: byMtime(),
        events: [
          ['Order', at('2026-11-30T08:00:00Z')],
          ['Complaint', at('2026-10-19T08:00:00Z')],
        ],
      },
      'compliant',
      'QUALIFYING_EVENT',
    ],
  ])('%s → %s / %s', (_name, c, verdict, reason) => {
    const finding = run(c);
    expect([finding.verdict, finding.reason]).toEqual([verdict, reason]);
  });

  it('says why a late event is no evidence', () => {
    const finding = run({ recording: byMtime(), events: [['Order', at('2026-11-01T08:00:00Z')]] });
    expect(englishExplanation(finding.message)).toMatch(
      /more than 72 hours after the file's modification time/,
    );
    expect(finding.events[0]?.window).toBe('after');
  });
});
