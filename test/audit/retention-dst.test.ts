import fc from 'fast-check';
import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { deleteByOf, isPast } from '../../src/audit/retention.js';

const ZONE = 'Europe/Ljubljana';
const local = (iso: string) =>
  DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm");

describe('retention deadlines across daylight-saving changes in Europe/Ljubljana', () => {
  it.each([
    // Anchor local time, period → deadline local time: the same wall-clock time, never a day off.
    [
      'late evening in winter, deadline in summer (March change between)',
      '2026-03-28T23:30:00+01:00',
      'P6M',
      '2026-09-28T23:30',
    ],
    [
      'just after midnight in summer, deadline in winter (October change between)',
      '2026-10-24T00:30:00+02:00',
      'P1M',
      '2026-11-24T00:30',
    ],
    ['on the night of the March change', '2026-03-29T01:30:00+01:00', 'P1D', '2026-03-30T01:30'],
    ['on the night of the October change', '2026-10-25T23:30:00+01:00', 'P3Y', '2029-10-25T23:30'],
    ['three years from a summer evening', '2026-07-31T23:45:00+02:00', 'P3Y', '2029-07-31T23:45'],
  ])('%s', (_name, anchorLocal, period, expectedLocal) => {
    const anchor = DateTime.fromISO(anchorLocal).toUTC().toISO()!;
    expect(local(deleteByOf(anchor, period, 0, ZONE))).toBe(expectedLocal);
  });

  it('adds grace days as calendar days across the change', () => {
    const anchor = DateTime.fromISO('2026-03-20T23:30:00+01:00').toUTC().toISO()!;
    expect(local(deleteByOf(anchor, 'P0D', 10, ZONE))).toBe('2026-03-30T23:30');
  });

  it('would be a day off with UTC arithmetic, which is why the zone is used', () => {
    const anchor = DateTime.fromISO('2026-03-28T23:30:00+01:00').toUTC();
    const utcDeadline = anchor.plus({ months: 6 }).toISO()!;
    expect(local(utcDeadline)).toBe('2026-09-29T00:30');
    expect(local(deleteByOf(anchor.toISO()!, 'P6M', 0, ZONE))).toBe('2026-09-28T23:30');
  });

  it('counts a recording as expired only strictly after its deadline', () => {
    expect(isPast('2029-10-03T08:00:00.000Z', '2029-10-03T08:00:00.000Z')).toBe(false);
    expect(isPast('2029-10-03T08:00:00.001Z', '2029-10-03T08:00:00.000Z')).toBe(true);
  });
});

describe('the cached zone offsets', () => {
  it('give the same deadline as plain luxon for any anchor, period and zone, transitions included', () => {
    const transitions = [
      '2026-03-29T01:00:00Z',
      '2026-10-25T01:00:00Z',
      '2027-03-28T01:00:00Z',
      '2025-10-26T01:00:00Z',
    ].map(Date.parse);
    const nearTransition = fc
      .tuple(fc.constantFrom(...transitions), fc.integer({ min: -7_200_000, max: 7_200_000 }))
      .map(([t, d]) => t + d);
    const anywhere = fc.integer({ min: Date.parse('2015-01-01'), max: Date.parse('2035-01-01') });
    fc.assert(
      fc.property(
        fc.oneof(nearTransition, anywhere),
        fc.constantFrom('P3Y', 'P6M', 'P1D', 'PT72H', 'P1Y2M3DT4H', 'P0D'),
        fc.integer({ min: 0, max: 45 }),
        fc.constantFrom(ZONE, 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'),
        (ms, period, grace, zone) => {
          const anchor = new Date(ms).toISOString();
          const expected = DateTime.fromISO(anchor, { zone })
            .plus(Duration.fromISO(period))
            .plus({ days: grace })
            .toUTC()
            .toISO();
          expect(deleteByOf(anchor, period, grace, zone)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
