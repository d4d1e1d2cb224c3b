import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isCanonicalIsoUtc, readFixedLayout } from '../../src/calllog/fixed-time.js';
import { formatIsoUtc } from '../../src/calllog/iso-time.js';
import { isValidTimeZone, parseTime, parseTimeByPattern } from '../../src/calllog/parse-time.js';

// Zones with DST on either hemisphere, half-hour DST (Lord Howe), odd offsets and none at all.
const ZONES = [
  'Europe/Ljubljana',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'UTC',
];
const zoneArb = fc.constantFrom(...ZONES);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Wall-clock fields, mostly valid, crowded around the March/April and October DST changes. */
const fieldsArb = fc.record({
  year: fc.oneof(fc.integer({ min: 1995, max: 2040 }), fc.integer({ min: 990, max: 9999 })),
  month: fc.oneof(fc.constantFrom(3, 4, 9, 10, 11), fc.integer({ min: 0, max: 13 })),
  day: fc.oneof(
    fc.integer({ min: 1, max: 7 }),
    fc.integer({ min: 24, max: 31 }),
    fc.integer({ min: 0, max: 32 }),
  ),
  hour: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 24 })),
  minute: fc.oneof(fc.constantFrom(0, 29, 30, 59), fc.integer({ min: 0, max: 60 })),
  second: fc.integer({ min: 0, max: 60 }),
  milli: fc.integer({ min: 0, max: 999 }),
});
type Fields = typeof fieldsArb extends fc.Arbitrary<infer T> ? T : never;

const LAYOUTS: Record<string, (f: Fields) => string> = {
  isoUtc: (f) =>
    `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}T${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}.${pad(f.milli, 3)}Z`,
  isoSeconds: (f) =>
    `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)} ${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}`,
  isoMinutesT: (f) =>
    `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}T${pad(f.hour, 2)}:${pad(f.minute, 2)}`,
  slovenian: (f) =>
    `${pad(f.day, 2)}.${pad(f.month, 2)}.${pad(f.year, 4)} ${pad(f.hour, 2)}:${pad(f.minute, 2)}`,
  slovenianSeconds: (f) =>
    `${pad(f.day, 2)}.${pad(f.month, 2)}.${pad(f.year, 4)} ${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}`,
};
const layoutArb = fc.constantFrom(...Object.keys(LAYOUTS));

const hasSeconds = (layout: string) => layout !== 'isoMinutesT' && layout !== 'slovenian';

function isValid(f: Fields, layout: string): boolean {
  const probe = DateTime.fromObject({ year: f.year, month: f.month, day: f.day }, { zone: 'UTC' });
  const second = hasSeconds(layout) ? f.second : 0;
  return f.year >= 1000 && probe.isValid && f.hour <= 23 && f.minute <= 59 && second <= 59;
}

/** luxon alone, as the general reader would use it without its per-hour offset cache. */
function luxonReading(f: Fields, layout: string, zone: string): string | null {
  const seconds = hasSeconds(layout) ? f.second : 0;
  const fields = {
    year: f.year,
    month: f.month,
    day: f.day,
    hour: f.hour,
    minute: f.minute,
    second: seconds,
  };
  if (layout === 'isoUtc')
    return DateTime.fromObject({ ...fields, millisecond: f.milli }, { zone: 'UTC' }).toISO();
  const dt = DateTime.fromObject(fields, { zone });
  return dt.isValid ? dt.toUTC().toISO() : null;
}

describe('formatIsoUtc', () => {
  it('writes what Date#toISOString writes', () => {
    const msArb = fc.oneof(
      fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(10000, 0, 1) - 1 }),
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
    );
    fc.assert(
      fc.property(msArb, (ms) => {
        expect(formatIsoUtc(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('readFixedLayout', () => {
  it('agrees with the general reader and with luxon, DST changes included, or defers to them', () => {
    fc.assert(
      fc.property(fieldsArb, layoutArb, zoneArb, (f, layout, zone) => {
        const text = LAYOUTS[layout]!(f);
        const fast = readFixedLayout(text, zone);
        const general = parseTimeByPattern(text, zone);
        if (!isValid(f, layout)) {
          expect(fast).toBeUndefined();
          return;
        }
        expect(fast).not.toBeUndefined();
        expect(fast).toBe(general);
        expect(fast).toBe(luxonReading(f, layout, zone));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads every minute of the Ljubljana DST days as luxon does', () => {
    for (const day of ['2026-03-29', '2026-10-25', '2024-03-31', '2024-10-27']) {
      for (let minute = 0; minute < 5 * 60; minute++) {
        const text = `${day} ${pad(Math.floor(minute / 60), 2)}:${pad(minute % 60, 2)}`;
        const expected = DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone: 'Europe/Ljubljana' })
          .toUTC()
          .toISO();
        expect(readFixedLayout(text, 'Europe/Ljubljana')).toBe(expected);
      }
    }
  });

  it('leaves other shapes and untidy text to the general reader', () => {
    for (const text of [
      '2026-10-03T09:15:00+02:00',
      '2026-10-03t09:15',
      '2026-10-03 09:15:00.000Z',
      '2026-10-03T09:15:00.000z',
      '3.10.2026 09:15',
      '03.10.2026T09:15',
      '2026-10-03 9:15',
      '2026-1a-03 09:15',
      '0000-00-00 00:00:00',
      '2026-02-30 10:00',
    ]) {
      expect(readFixedLayout(text, 'Europe/Ljubljana')).toBeUndefined();
    }
  });

  it('cannot place a wall time in an unknown zone, like the general reader', () => {
    expect(readFixedLayout('2026-10-03 09:15', 'Mars/Olympus')).toBeNull();
    expect(parseTime('2026-10-03 09:15', 'Mars/Olympus')).toBeNull();
  });

  it('text with junk around a fixed layout is not mistaken for it', () => {
    fc.assert(
      fc.property(fieldsArb, layoutArb, fc.string({ maxLength: 3 }), fc.nat(30), (f, layout, junk, at) => {
        const base = LAYOUTS[layout]!(f);
        const cut = at % (base.length + 1);
        const text = (base.slice(0, cut) + junk + base.slice(cut)).trim();
        const fast = readFixedLayout(text, 'Europe/Ljubljana');
        if (fast !== undefined) expect(fast).toBe(parseTimeByPattern(text, 'Europe/Ljubljana'));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('isCanonicalIsoUtc', () => {
  it('holds exactly for the texts the general reader reads back as themselves', () => {
    const textArb = fc.oneof(
      fc.tuple(fieldsArb, layoutArb).map(([f, layout]) => LAYOUTS[layout]!(f)),
      fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms).toISOString()),
      // One character changed anywhere in a valid one.
      fc
        .tuple(
          fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }),
          fc.nat(23),
          fc.string({ minLength: 1, maxLength: 1 }),
        )
        .map(([ms, at, ch]) => {
          const iso = new Date(ms).toISOString();
          return iso.slice(0, at) + ch + iso.slice(at + 1);
        }),
    );
    fc.assert(
      fc.property(textArb, zoneArb, (text, zone) => {
        expect(isCanonicalIsoUtc(text)).toBe(parseTime(text, zone) === text);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('isValidTimeZone', () => {
  it('accepts exactly what DateTime#setZone accepts', () => {
    const names = [
      'Europe/Ljubljana',
      'europe/ljubljana',
      'UTC',
      'gmt',
      'local',
      'system',
      'UTC+3',
      'UTC-05:30',
    ];
    for (const zone of [...names, 'Etc/GMT+2', 'EST5EDT', 'Mars/Olympus', '+02:00', 'Z', ' ', '']) {
      expect(isValidTimeZone(zone)).toBe(zone.trim() !== '' && DateTime.now().setZone(zone).isValid);
    }
  });
});
