import { describe, expect, it } from 'vitest';
import { coverageFromLogs, coverageOf } from '../../src/audit/coverage.js';
import { countUnverifiedNotice, readNotice, unrecognisedNotices } from '../../src/audit/notice.js';
import { withRecordingTime } from '../../src/audit/recording-time.js';
import type { EnginePlan } from '../../src/config/engine-plan.js';
import { engineInputWarnings } from '../../src/engine-inputs.js';
import { judgeCase, makeRecording, stubClassifier } from '../support/builders.js';

const classifyNothing = stubClassifier({});

describe('prior-notice values', () => {
  it.each([
    ['yes', 'given'],
    ['TRUE', 'given'],
    ['1', 'given'],
    [' Da ', 'given'],
    ['no', 'not-given'],
    ['False', 'not-given'],
    ['0', 'not-given'],
    ['NE', 'not-given'],
    ['', 'unknown'],
    [null, 'unknown'],
    ['played', 'unknown'],
    ['Not  Given', 'not-given'],
    ['given', 'given'],
    ['ni obveščen', 'not-given'],
    // Short or ambiguous spellings stay unknown: never read as "not given", so never a deletion.
    ['ni', 'unknown'],
    ['N', 'unknown'],
    ['Y', 'unknown'],
    ['?', 'unknown'],
  ])('%o reads as %s', (value, reading) => {
    expect(readNotice(value)).toBe(reading);
  });
});

describe('notice values the tool does not recognise', () => {
  const rows = [
    { notice: 'ni' },
    { notice: 'N' },
    { notice: 'yes' },
    { notice: 'ni' },
    { notice: null },
    { notice: '?' },
    { notice: 'no' },
    {},
  ];

  it('are counted per value, sorted, with empty cells named; rows without the column are not', () => {
    expect(unrecognisedNotices(rows)).toEqual([
      { value: '(empty)', rows: 1 },
      { value: '?', rows: 1 },
      { value: 'N', rows: 1 },
      { value: 'ni', rows: 2 },
    ]);
  });

  it('are warned about, except empty cells, at most five named', () => {
    const plan = (noticeColumn: string | null): EnginePlan => ({
      holds: null,
      customerColumn: 'customer_id',
      noticeColumn,
      purposeColumn: null,
      maxEventLagHours: 72,
      logPeriod: null,
      dueWithinDays: 30,
      retention: {},
      minJoinRate: 0.5,
      noticeMissing: null,
    });
    const [warning, ...more] = engineInputWarnings([], unrecognisedNotices(rows), [], plan('obvestilo'));
    expect(more).toEqual([]);
    expect(warning).toMatch(
      /^notice values "\?" \(1 row\(s\)\), "N" \(1 row\(s\)\), "ni" \(2 row\(s\)\) in column "obvestilo"/,
    );
    // The warning names every spelling readNotice accepts, so the DPO can see what to write instead.
    for (const spelling of ['obveščen', 'not given', 'ni obveščen']) expect(warning).toContain(spelling);
    expect(engineInputWarnings([], [{ value: '(empty)', rows: 3 }], [], plan('obvestilo'))).toEqual([]);
  });

  it('leave a recording unverified unless another of its rows says notice was given', () => {
    const events: Record<string, Array<{ notice?: string | null }>> = {
      A: [{ notice: 'ni' }],
      B: [{ notice: 'ni' }, { notice: 'da' }],
      C: [{ notice: 'da' }],
      D: [{ notice: null }, { notice: 'ne' }],
      E: [{}],
    };
    const findings = ['A', 'B', 'C', 'D', 'E', null].map((callId) => ({ callId }));
    expect(countUnverifiedNotice(findings, (id) => (id === null ? [] : (events[id] ?? [])))).toBe(2);
  });
});

describe('log coverage', () => {
  const coverage = coverageFromLogs(
    [
      { file: 'oct.csv', firstAt: '2026-10-01T07:12:00.000Z', lastAt: '2026-10-31T15:00:00.000Z' },
      { file: 'notimes.csv', firstAt: null, lastAt: null },
    ],
    'Europe/Ljubljana',
  );

  it('spans each log’s event times, widened to whole local days', () => {
    expect(coverage).toEqual({
      basis: 'event-times',
      spans: [{ source: 'oct.csv', from: '2026-09-30T22:00:00.000Z', to: '2026-10-31T22:59:59.999Z' }],
    });
  });

  it.each([
    ['2026-10-31T20:00:00.000Z', 'inside'],
    ['2026-09-30T21:59:59.000Z', 'outside'],
    ['2026-11-02T08:00:00.000Z', 'outside'],
    [null, 'unknown-time'],
  ])('a recording at %s is %s', (at, verdict) => {
    expect(coverageOf(at, coverage)).toBe(verdict);
  });

  const period = { from: '2026-10-03T06:15:00.000Z', to: '2026-10-07T09:00:00.000Z' };

  it('gives a table read for a period no coverage when it returned no rows: its absence proves nothing', () => {
    const read = coverageFromLogs(
      [{ file: 'mysql://pbx/cdr', firstAt: null, lastAt: null, period }],
      'Europe/Ljubljana',
    );
    expect(read).toEqual({ basis: 'none', spans: [] });
    expect(coverageOf('2026-10-05T09:00:00.000Z', read)).toBe('no-coverage-data');
    const finding = judgeCase(
      { recording: { startedAt: '2026-10-05T09:00:00.000Z' }, engine: { coverage: read } },
      classifyNothing,
    );
    expect([finding.verdict, finding.reason]).toEqual(['review', 'COVERAGE_UNKNOWN']);
  });

  it('covers a table read for a period only as far as its rows go, in whole local days', () => {
    // The table stops on 4 October: a call on the 6th is not shown to be missing from it.
    const read = coverageFromLogs(
      [
        {
          file: 'mysql://pbx/cdr',
          firstAt: '2026-10-03T07:00:00.000Z',
          lastAt: '2026-10-04T10:00:00.000Z',
          period,
        },
      ],
      'Europe/Ljubljana',
    );
    expect(read).toEqual({
      basis: 'event-times',
      spans: [{ source: 'mysql://pbx/cdr', from: period.from, to: '2026-10-04T21:59:59.999Z' }],
    });
    expect(coverageOf('2026-10-04T20:00:00.000Z', read)).toBe('inside');
    expect(coverageOf('2026-10-06T09:00:00.000Z', read)).toBe('outside');
    const later = judgeCase(
      { recording: { startedAt: '2026-10-06T09:00:00.000Z' }, engine: { coverage: read } },
      classifyNothing,
    );
    expect([later.verdict, later.reason]).toEqual(['review', 'OUTSIDE_LOG_COVERAGE']);
  });

  it('has no coverage data when no log has event times', () => {
    const none = coverageFromLogs([{ file: 'a.csv', firstAt: null, lastAt: null }], 'UTC');
    expect(coverageOf('2020-01-01T00:00:00.000Z', none)).toBe('no-coverage-data');
  });
});

describe('recording time', () => {
  it('falls back to the modification time, marked as such', () => {
    const r = withRecordingTime(makeRecording({ mtime: '2026-10-03T08:00:00.000Z' }));
    expect(r).toMatchObject({ startedAt: '2026-10-03T08:00:00.000Z', timeSource: 'mtime' });
  });

  it('keeps a time from a preset, tag or sidecar, and leaves an unreadable file of unknown time', () => {
    const tagged = makeRecording({ startedAt: '2026-10-03T07:00:00.000Z', timeSource: 'tag' });
    expect(withRecordingTime(tagged)).toBe(tagged);
    expect(withRecordingTime(makeRecording({ mtime: '' }))).toMatchObject({
      startedAt: null,
      timeSource: null,
    });
  });
});
