import { describe, expect, it } from 'vitest';
import { timeAxis } from '../../src/report/html/time-axis.js';

const DAY_MS = 86_400_000;
const dayAfter = (start: string, n: number) =>
  new Date(Date.parse(`${start}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** `n` days from `start`, each with `perDay` compliant recordings. */
function steady(start: string, n: number, perDay = 1): Map<string, Record<string, number>> {
  const days = new Map<string, Record<string, number>>();
  for (let i = 0; i < n; i++) days.set(dayAfter(start, i), { compliant: perDay });
  return days;
}

const total = (columns: Array<{ counts: Record<string, number> }>) =>
  columns.reduce((sum, c) => sum + Object.values(c.counts).reduce((a, b) => a + b, 0), 0);

describe('the per-day chart time axis', () => {
  it('plots a month day by day, every day between the first and last included', () => {
    const days = steady('2026-10-01', 31);
    days.delete('2026-10-15');
    const axis = timeAxis(days);
    expect(axis.bucket).toBe('day');
    expect(axis.columns).toHaveLength(31);
    expect(axis.columns[14]).toEqual({ day: '2026-10-15', counts: {} });
    expect(axis.before).toBeNull();
    expect(axis.after).toBeNull();
  });

  it('plots half a year by week starting on Monday and a few years by month, losing no recording', () => {
    const half = timeAxis(steady('2026-01-01', 180, 2));
    expect(half.bucket).toBe('week');
    // 2026-01-01 is a Thursday: its week starts on Monday 2025-12-29.
    expect(half.columns[0]!.day).toBe('2025-12-29');
    expect(half.columns.every((c) => new Date(`${c.day}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(total(half.columns)).toBe(360);

    const years = timeAxis(steady('2024-01-15', 3 * 365));
    expect(years.bucket).toBe('month');
    expect(years.columns[0]!.day).toBe('2024-01-01');
    expect(years.columns[1]!.day).toBe('2024-02-01');
    expect(years.columns.every((c) => c.day.endsWith('-01'))).toBe(true);
    expect(total(years.columns)).toBe(3 * 365);
  });

  it('counts a stray 1970 mtime and a 2099 clock in a note instead of stretching the axis', () => {
    const days = steady('2026-10-01', 10, 5);
    days.set('1970-01-01', { review: 1 });
    days.set('2099-12-31', { violation: 2 });
    const axis = timeAxis(days);
    expect(axis.bucket).toBe('day');
    expect(axis.columns[0]!.day).toBe('2026-10-01');
    expect(axis.columns.at(-1)!.day).toBe('2026-10-10');
    expect(total(axis.columns)).toBe(50);
    expect(axis.before).toEqual({ count: 1, first: '1970-01-01', last: '1970-01-01' });
    expect(axis.after).toEqual({ count: 2, first: '2099-12-31', last: '2099-12-31' });
  });

  it('keeps a recording a few weeks from a short bulk: not every gap is an outlier', () => {
    const days = steady('2026-10-01', 5, 10);
    days.set('2026-10-25', { compliant: 1 });
    const axis = timeAxis(days);
    expect(axis.after).toBeNull();
    expect(axis.columns.at(-1)!.day).toBe('2026-10-25');
  });

  it('leaves out a recording half a year after a ten-day bulk, but not from a year of recordings', () => {
    const days = steady('2026-03-01', 10, 5);
    days.set('2026-09-01', { compliant: 1 });
    expect(timeAxis(days).after).toEqual({ count: 1, first: '2026-09-01', last: '2026-09-01' });
    const year = steady('2026-01-01', 365);
    year.set('2027-06-30', { compliant: 1 });
    expect(timeAxis(year).after).toBeNull();
  });

  it('gives no columns for no recordings and ignores days that do not parse', () => {
    expect(timeAxis(new Map()).columns).toEqual([]);
    const axis = timeAxis(new Map([['not a day', { compliant: 1 }], ...steady('2026-10-01', 2)]));
    expect(total(axis.columns)).toBe(2);
  });
});
