import { describe, expect, it } from 'vitest';
import { isValidTimeZone, parseTime } from '../../src/calllog/parse-time.js';

const LJ = 'Europe/Ljubljana';

describe('parseTime', () => {
  it.each([
    ['2026-10-03T09:15:00Z', '2026-10-03T09:15:00.000Z'],
    ['2026-10-03T09:15:00+02:00', '2026-10-03T07:15:00.000Z'],
    ['2026-10-03T09:15:00-0130', '2026-10-03T10:45:00.000Z'],
    ['2026-10-03T09:15:00.5+02', '2026-10-03T07:15:00.500Z'],
    ['2026-10-03T09:15:00.123456Z', '2026-10-03T09:15:00.123Z'],
    ['2026-10-03 09:15:00 +00:00', '2026-10-03T09:15:00.000Z'],
  ])('reads %s with its own offset', (input, expected) => {
    expect(parseTime(input, LJ)).toBe(expected);
  });

  it.each([
    // 2026-10-03 is summer time in Ljubljana (UTC+2), 2026-01-15 winter time (UTC+1).
    ['2026-10-03T09:15', '2026-10-03T07:15:00.000Z'],
    ['2026-10-03T09:15:30', '2026-10-03T07:15:30.000Z'],
    ['2026-10-03 09:15', '2026-10-03T07:15:00.000Z'],
    ['2026-01-15 10:30:45', '2026-01-15T09:30:45.000Z'],
    ['2026-10-03', '2026-10-02T22:00:00.000Z'],
    ['03.10.2026 09:15', '2026-10-03T07:15:00.000Z'],
    ['03.10.2026 09:15:07', '2026-10-03T07:15:07.000Z'],
    ['3.10.2026', '2026-10-02T22:00:00.000Z'],
    ['3. 10. 2026', '2026-10-02T22:00:00.000Z'],
    ['03. 10. 2026 09:15', '2026-10-03T07:15:00.000Z'],
    ['15. 1. 2026 9:05', '2026-01-15T08:05:00.000Z'],
    ['  2026-10-03 09:15  ', '2026-10-03T07:15:00.000Z'],
  ])('reads %s as Ljubljana wall time', (input, expected) => {
    expect(parseTime(input, LJ)).toBe(expected);
  });

  it('uses the given zone for times without offset', () => {
    expect(parseTime('2026-10-03 09:15', 'UTC')).toBe('2026-10-03T09:15:00.000Z');
    expect(parseTime('2026-10-03 09:15', 'America/New_York')).toBe('2026-10-03T13:15:00.000Z');
  });

  it.each([
    '',
    'yesterday',
    '09:15',
    '2026-13-01',
    '2026-02-30 10:00',
    '31.02.2026',
    '0000-00-00 00:00:00',
    '2026-10-03 24:00',
    '2026-10-03 09:60',
    '2026-10-03T09:15:00+25:00',
    '10/03/2026',
    '2026-10-03T09:15:00Zjunk',
    '3.10.26',
  ])('returns null for %j', (input) => {
    expect(parseTime(input, LJ)).toBeNull();
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseTime('29.2.2028', 'UTC')).toBe('2028-02-29T00:00:00.000Z');
    expect(parseTime('29.2.2026', 'UTC')).toBeNull();
    expect(parseTime('2000-02-29', 'UTC')).toBe('2000-02-29T00:00:00.000Z');
    expect(parseTime('2100-02-29', 'UTC')).toBeNull();
  });

  describe('around the Europe/Ljubljana DST changes', () => {
    it('spring forward on 2026-03-29: 02:00 becomes 03:00', () => {
      expect(parseTime('2026-03-29 01:59', LJ)).toBe('2026-03-29T00:59:00.000Z');
      expect(parseTime('2026-03-29 03:00', LJ)).toBe('2026-03-29T01:00:00.000Z');
      expect(parseTime('29.3.2026 12:00', LJ)).toBe('2026-03-29T10:00:00.000Z');
      expect(parseTime('28.3.2026 12:00', LJ)).toBe('2026-03-28T11:00:00.000Z');
    });

    it('moves a wall time inside the spring gap forward by the gap', () => {
      expect(parseTime('2026-03-29 02:30', LJ)).toBe('2026-03-29T01:30:00.000Z');
      expect(parseTime('2026-03-29 02:00', LJ)).toBe('2026-03-29T01:00:00.000Z');
    });

    it('fall back on 2026-10-25: 03:00 becomes 02:00 again', () => {
      expect(parseTime('2026-10-25 01:59', LJ)).toBe('2026-10-24T23:59:00.000Z');
      expect(parseTime('2026-10-25 03:00', LJ)).toBe('2026-10-25T02:00:00.000Z');
      expect(parseTime('25. 10. 2026 12:00', LJ)).toBe('2026-10-25T11:00:00.000Z');
      expect(parseTime('24. 10. 2026 12:00', LJ)).toBe('2026-10-24T10:00:00.000Z');
    });

    it('resolves the repeated hour to the later, standard-time instant (luxon rule)', () => {
      expect(parseTime('2026-10-25 02:30', LJ)).toBe('2026-10-25T01:30:00.000Z');
      expect(parseTime('2026-10-25T02:30+02:00', LJ)).toBe('2026-10-25T00:30:00.000Z');
    });

    it('gives the same answer on repeated calls (the per-hour offset cache)', () => {
      const first = ['2026-03-29 02:15', '2026-03-29 03:15', '2026-10-25 02:15', '2026-10-25 03:15'].map(
        (t) => parseTime(t, LJ),
      );
      const second = ['2026-03-29 02:15', '2026-03-29 03:15', '2026-10-25 02:15', '2026-10-25 03:15'].map(
        (t) => parseTime(t, LJ),
      );
      expect(second).toEqual(first);
      expect(first).toEqual([
        '2026-03-29T01:15:00.000Z',
        '2026-03-29T01:15:00.000Z',
        '2026-10-25T01:15:00.000Z',
        '2026-10-25T02:15:00.000Z',
      ]);
    });
  });

  it('cannot place wall-clock times in an unknown zone, but still reads explicit offsets', () => {
    expect(parseTime('2026-10-03 09:15', 'Mars/Olympus')).toBeNull();
    expect(parseTime('2026-10-03T09:15:00Z', 'Mars/Olympus')).toBe('2026-10-03T09:15:00.000Z');
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA names and UTC, and rejects the rest', () => {
    expect(isValidTimeZone('Europe/Ljubljana')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
