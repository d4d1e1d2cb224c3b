import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../src/audit/coverage.js';
import { idShape, joinFailed, measureJoin } from '../../src/audit/join-rate.js';
import { indexEventsByCallId } from '../../src/audit/join.js';
import { splitTelephony } from '../../src/audit/link.js';
import type { CallEvent, Recording } from '../../src/audit/types.js';
import { mergeEngineReports } from '../../src/audit/merge-engine.js';
import { buildEngineReport } from '../../src/audit/engine-report.js';
import { loadBuiltinPack } from '../../src/policy/load-pack.js';
import { makeEvent } from '../support/builders.js';
import { joinFailedError } from '../../src/join-failure.js';
import { columns } from '../support/call-log-options.js';

const NONE: Coverage = { basis: 'none', spans: [] };
const OCTOBER: Coverage = {
  basis: 'declared',
  spans: [{ source: '--log-period', from: '2026-10-01T00:00:00.000Z', to: '2026-10-31T23:59:59.999Z' }],
};

type Rec = Pick<Recording, 'callId' | 'startedAt' | 'timeSource'>;
const rec = (
  callId: string | null,
  startedAt: string | null = null,
  timeSource: Rec['timeSource'] = null,
): Rec => ({
  callId,
  startedAt,
  timeSource: startedAt === null ? null : (timeSource ?? 'filename'),
});
const log = (...ids: string[]) => ids.map((id) => makeEvent('Order', { callId: id }));

function measure(recordings: Rec[], events: CallEvent[], coverage = NONE, min = 0.5) {
  const { business, links } = splitTelephony(events);
  return measureJoin(recordings, indexEventsByCallId(business), links, coverage, min);
}

describe('the join rate', () => {
  it('counts both sides: recordings that found a row, call-log IDs that found a recording', () => {
    const { rate } = measure(
      [rec('C-1'), rec('c-2'), rec('C-9'), rec(null)],
      log('C-1', 'C-2', 'C-2', 'C-3'),
    );
    expect(rate).toEqual({
      recordingsWithId: 3,
      recordingsJoined: 2,
      recordingsConsidered: 3,
      consideredJoined: 2,
      rate: 2 / 3,
      callLogIds: 3,
      callLogIdsJoined: 2,
      minJoinRate: 0.5,
    });
    expect(joinFailed(rate)).toBe(false);
  });

  it('fails below the minimum and shows the first three unjoined IDs of each side in sorted order', () => {
    const { rate, samples } = measure(
      ['4.1', '1.1', '3.1', '2.1'].map((id) => rec(`172951234${id}`)),
      log('C-0004', 'C-0001', 'C-0003', 'C-0002'),
    );
    expect(rate.rate).toBe(0);
    expect(joinFailed(rate)).toBe(true);
    expect(samples).toEqual({
      recordings: ['1729512341.1', '1729512342.1', '1729512343.1'],
      callLogs: ['C-0001', 'C-0002', 'C-0003'],
    });
  });

  it('never divides by zero and never stops an archive without call IDs; 0 disables the check', () => {
    const { rate } = measure([rec(null), rec(null)], log('C-1'));
    expect(rate.rate).toBeNull();
    expect(joinFailed(rate)).toBe(false);
    expect(joinFailed(measure([rec('X')], log('C-1'), NONE, 0).rate)).toBe(false);
  });

  it('leaves out recordings whose time lies outside the coverage, taking an mtime as the call time', () => {
    const { rate } = measure(
      [
        rec('C-1', '2026-10-05T08:00:00.000Z'),
        rec('S-1', '2026-09-05T08:00:00.000Z'), // before October: left out
        rec('S-2', '2026-09-06T08:00:00.000Z'),
        rec('N-1', '2026-11-06T08:00:00.000Z', 'mtime'), // e.g. a copy made in November: left out
        rec('M-1', '2026-10-20T08:00:00.000Z', 'mtime'), // counts
        rec('U-1'), // unknown time: counts
      ],
      log('C-1'),
      OCTOBER,
    );
    expect(rate).toMatchObject({ recordingsWithId: 6, recordingsConsidered: 3, consideredJoined: 1 });
  });

  it('counts every recording when none lies inside the coverage (a copied archive, a wrong pattern)', () => {
    const copied = (id: string) => rec(id, '2026-12-07T08:00:00.000Z', 'mtime');
    const { rate } = measure([copied('X-1'), copied('X-2'), copied('C-1')], log('C-1'), OCTOBER);
    expect(rate).toMatchObject({ recordingsConsidered: 3, consideredJoined: 1, rate: 1 / 3 });
    expect(joinFailed(rate)).toBe(true);
  });

  it('follows CDR links: a recording joined through a linked ID found its row', () => {
    const cdr = makeEvent('ANSWERED', {
      callId: '1729512345.1',
      telephony: true,
      linkedIds: ['1729512345.0'],
    });
    const { rate } = measure([rec('1729512345.1')], [cdr, ...log('1729512345.0')]);
    expect(rate).toMatchObject({ recordingsJoined: 1, callLogIds: 1, callLogIdsJoined: 1 });
  });

  it('adds up over shards: recordings summed, call-log IDs capped at the log’s count', () => {
    const pack = loadBuiltinPack();
    const part = (recordings: Rec[]) =>
      buildEngineReport({
        findings: [],
        pack,
        now: '2026-11-28T12:00:00.000Z',
        noticeColumn: null,
        maxEventLagHours: 72,
        coverage: NONE,
        dueWithinDays: 30,
        holds: null,
        join: measure(recordings, log('C-1', 'C-2')).rate,
      });
    const merged = mergeEngineReports([part([rec('C-1'), rec('X')]), part([rec('C-2'), rec('C-1')])]);
    expect(merged?.join).toMatchObject({
      recordingsWithId: 4,
      recordingsJoined: 3,
      rate: 3 / 4,
      callLogIds: 2,
      callLogIdsJoined: 2,
    });
  });
});

describe('ID shapes', () => {
  it.each([
    ['1729512345.123', '9999999999.999'],
    ['C-1001', 'A-9999'],
    ['pbx1-1729512345.12', 'aaa9-9999999999.99'],
    ['a1B2-ž', 'a9A9-a'],
  ])('%s → %s', (id, shape) => {
    expect(idShape(id)).toBe(shape);
  });
});

describe('the JOIN_FAILED error', () => {
  const archive = {
    root: 'rec',
    preset: null,
    idPattern: '_(?<id>\\d+)\\.wav$',
    include: null,
    idFrom: ['filename' as const],
    idTag: null,
    sidecarField: null,
    recordingMap: null,
    timezone: 'Europe/Ljubljana',
  };
  const callLog = {
    files: ['crm.csv'],
    preset: null,
    idColumn: null,
    outcomeColumn: null,
    timeColumn: null,
    encoding: 'auto' as const,
    delimiter: 'auto' as const,
    dateFormat: null,
    timezone: null,
    columns: columns(),
  };

  it('masks sample IDs that look like phone numbers, keeps the others, and names pattern and column', () => {
    const { rate, samples } = measure([rec('040111222'), rec('1729512345.12')], log('C-0001'));
    const error = joinFailedError(rate, samples, [archive], [callLog]);
    expect(error.code).toBe('JOIN_FAILED');
    expect(error.message).not.toContain('040111222');
    expect(error.message).toMatch(/"•+22" \(999999999\)/);
    expect(error.message).toContain('"1729512345.12" (9999999999.99)');
    expect(error.message).toContain('"C-0001" (A-9999)');
    expect(error.message).toContain('rec: --id-pattern _(?<id>\\d+)\\.wav$ (IDs from filename)');
    expect(error.message).toContain('crm.csv: column "call_id"');
    expect(error.format()).toMatch(/\n {2}→ Compare the two shapes/);
  });
});
