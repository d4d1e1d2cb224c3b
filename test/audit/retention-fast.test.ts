import fc from 'fast-check';
import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { deleteByOf, deleteByOfLuxon } from '../../src/audit/retention.js';

// Zones with unusual changes: half-hour DST (Lord_Howe), midnight gaps (Sao_Paulo, Santiago),
// a skipped day (Apia, 2011), negative DST (Dublin), two-hour DST (Troll), Ramadan (Casablanca).
const ZONES = [
  'Europe/Ljubljana',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'UTC',
  'America/Sao_Paulo',
  'America/Santiago',
  'Pacific/Apia',
  'Pacific/Chatham',
  'America/St_Johns',
  'Africa/Casablanca',
  'Europe/Dublin',
  'Antarctica/Troll',
  'Asia/Tehran',
  'Pacific/Kiritimati',
];

/** A wall-clock time in the zone, biased to the small hours and months where clocks change. */
const localAnchor = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    year: fc.integer({ min: 1900, max: 2060 }),
    month: fc.oneof(fc.constantFrom(3, 4, 9, 10, 11), fc.integer({ min: 1, max: 12 })),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constantFrom(1, 28, 29, 30, 31)),
    hour: fc.oneof(fc.constantFrom(0, 1, 2, 3, 23), fc.integer({ min: 0, max: 23 })),
    minute: fc.constantFrom(0, 1, 15, 30, 45, 59),
    ms: fc.constantFrom(0, 1, 999),
  })
  .map(({ zone, year, month, day, hour, minute, ms }) => {
    const t = DateTime.fromObject({ year, month, hour, minute, millisecond: ms }, { zone });
    return {
      zone,
      anchor: t
        .set({ day: Math.min(day, t.daysInMonth!) })
        .toUTC()
        .toISO()!,
    };
  });

const anyAnchor = fc.record({
  zone: fc.constantFrom(...ZONES),
  anchor: fc
    .integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) })
    .map((ms) => new Date(ms).toISOString()),
});

const wholePeriod = fc
  .record({
    years: fc.integer({ min: -5, max: 12 }),
    months: fc.integer({ min: -30, max: 30 }),
    weeks: fc.integer({ min: 0, max: 8 }),
    days: fc.integer({ min: -40, max: 400 }),
  })
  .map((parts) => Duration.fromObject(parts).toISO()!);

const otherPeriod = fc.constantFrom('P3Y', 'P0D', 'PT72H', 'P1Y2M3DT4H', 'P1.5Y', 'P2W');

describe('deleteByOf without DateTime objects', () => {
  it('gives exactly the luxon deadline for any zone, anchor, period and grace', () => {
    fc.assert(
      fc.property(
        fc.oneof(localAnchor, anyAnchor),
        fc.oneof(wholePeriod, otherPeriod),
        fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constant(0.5)),
        ({ zone, anchor }, period, grace) => {
          expect(deleteByOf(anchor, period, grace, zone)).toBe(deleteByOfLuxon(anchor, period, grace, zone));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it.each([
    // Anchor wall time, zone, period: each deadline lands in a gap, an overlap or a skipped day.
    ['2023-03-29T02:30', 'Europe/Ljubljana', 'P3Y'],
    ['2023-10-25T02:30', 'Europe/Ljubljana', 'P3Y'],
    ['2017-11-04T00:30', 'America/Sao_Paulo', 'P1Y'],
    ['2010-12-30T12:00', 'Pacific/Apia', 'P1Y'],
    ['2010-12-29T12:00', 'Pacific/Apia', 'P1D'],
    ['2024-02-29T23:59', 'Europe/Ljubljana', 'P1Y'],
    ['2024-01-31T12:00', 'America/New_York', 'P1M'],
    ['2022-10-02T02:15', 'Australia/Lord_Howe', 'P1Y'],
  ])('%s in %s plus %s', (wall, zone, period) => {
    const anchor = DateTime.fromISO(wall, { zone }).toUTC().toISO()!;
    for (const grace of [0, 1, 30]) {
      const fast = deleteByOf(anchor, period, grace, zone);
      expect(fast).toBe(deleteByOfLuxon(anchor, period, grace, zone));
      const plain = DateTime.fromISO(anchor, { zone }).plus(Duration.fromISO(period)).plus({ days: grace });
      expect(fast).toBe(plain.toUTC().toISO());
    }
  });

  it('falls back to luxon for an unreadable anchor or zone', () => {
    expect(deleteByOf('not a time', 'P3Y', 0, 'Europe/Ljubljana')).toBe(
      deleteByOfLuxon('not a time', 'P3Y', 0, 'Europe/Ljubljana'),
    );
    expect(deleteByOf('2024-01-01T00:00:00.000Z', 'P3Y', 0, 'Mars/Olympus')).toBe(
      deleteByOfLuxon('2024-01-01T00:00:00.000Z', 'P3Y', 0, 'Mars/Olympus'),
    );
  });
});
