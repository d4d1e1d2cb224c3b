/** Whole calendar units to add: what luxon's `DateTime#plus` does with them, step by step. */
export interface CalendarStep {
  years: number;
  months: number;
  /** Days, weeks included (luxon adds a week as 7 calendar days). */
  days: number;
}

/** The UTC offset, in minutes, of a zone at an instant (luxon's `Zone#offset`). */
export type OffsetOf = (ts: number) => number;

const MINUTE_MS = 60_000;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Days in a month that may lie outside 1–12 (luxon's `daysInMonth`, which normalises first). */
function daysInMonth(year: number, month: number): number {
  const modMonth = ((((month - 1) % 12) + 12) % 12) + 1;
  const modYear = year + (month - modMonth) / 12;
  return modMonth === 2 ? (isLeapYear(modYear) ? 29 : 28) : (MONTH_DAYS[modMonth - 1] as number);
}

/**
 * The instant for a local wall-clock time, given a guessed offset (luxon's `fixOffset`): in a
 * gap the wall time does not exist and the earlier offset is used, so the result lies after it.
 */
function fixOffset(localTs: number, guess: number, offsetOf: OffsetOf): number {
  let utc = localTs - guess * MINUTE_MS;
  const o2 = offsetOf(utc);
  if (o2 === guess) return utc;
  utc -= (o2 - guess) * MINUTE_MS;
  const o3 = offsetOf(utc);
  if (o2 === o3) return utc;
  return localTs - Math.min(o2, o3) * MINUTE_MS;
}

/**
 * `DateTime.fromMillis(ts, { zone }).plus(step).toMillis()` without building DateTimes: the local
 * date moves by whole years and months (the day clamped to the month's length), then by days, and
 * the same wall-clock time is looked up again in the zone. Only for local years 100 and later,
 * where `Date.UTC` needs none of luxon's two-digit-year repair; the caller checks the range.
 */
export function plusCalendar(ts: number, step: CalendarStep, offsetOf: OffsetOf): number {
  const offset = offsetOf(ts);
  const local = new Date(ts + offset * MINUTE_MS);
  const year = local.getUTCFullYear() + step.years;
  const month = local.getUTCMonth() + 1 + step.months;
  const day = Math.min(local.getUTCDate(), daysInMonth(year, month)) + step.days;
  const localTs = Date.UTC(
    year,
    month - 1,
    day,
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return fixOffset(localTs, offset, offsetOf);
}
