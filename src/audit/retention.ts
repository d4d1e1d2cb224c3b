import { DateTime, Duration, IANAZone } from 'luxon';
import { plusCalendar, type CalendarStep } from './zoned-calendar.js';

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const OFFSET_CACHE_LIMIT = 100_000;

/**
 * An IANA zone whose UTC offsets are remembered per quarter hour. Luxon asks Intl for the offset
 * several times per calculation, which made deadlines the slowest part of judging; zone
 * transitions fall on quarter hours in UTC, so every instant of a quarter hour shares its offset.
 */
class CachedOffsetZone extends IANAZone {
  private readonly offsets = new Map<number, number>();

  override offset(ts: number): number {
    const key = Math.floor(ts / QUARTER_HOUR_MS);
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      offset = super.offset(ts);
      if (this.offsets.size >= OFFSET_CACHE_LIMIT) this.offsets.clear();
      this.offsets.set(key, offset);
    }
    return offset;
  }
}

const zones = new Map<string, IANAZone>();
function zoneFor(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new CachedOffsetZone(name);
    zones.set(name, zone);
  }
  return zone;
}

const durations = new Map<string, Duration>();
function durationOf(period: string): Duration {
  let duration = durations.get(period);
  if (!duration) {
    duration = Duration.fromISO(period);
    durations.set(period, duration);
  }
  return duration;
}

const steps = new Map<string, CalendarStep | null>();
/** The period as whole years, months and days, or null when it has time or fractional parts. */
function stepOf(period: string): CalendarStep | null {
  let step = steps.get(period);
  if (step === undefined) {
    const d = durationOf(period);
    const whole = [d.years, d.quarters, d.months, d.weeks, d.days].every(Number.isInteger);
    const noTime = d.hours === 0 && d.minutes === 0 && d.seconds === 0 && d.milliseconds === 0;
    step =
      d.isValid && whole && noTime
        ? { years: d.years, months: d.months + d.quarters * 3, days: d.days + d.weeks * 7 }
        : null;
    steps.set(period, step);
  }
  return step;
}

// Inside these bounds local years have four digits with any offset, so `Date.UTC` needs no
// two-digit-year repair and `toISOString` prints exactly what luxon's `toISO` prints.
const FAST_FROM = Date.UTC(1001, 0, 1);
const FAST_TO = Date.UTC(9998, 11, 31);
const inFastRange = (ts: number) => ts >= FAST_FROM && ts <= FAST_TO;

/**
 * The instant after which a recording must be gone: anchor + period + grace, counted in calendar
 * terms in `zone`, so that "3 years" ends on the same local date and time whatever daylight-saving
 * changes lie in between. Judging computes one per kept recording, so whole-unit periods (all a
 * pack uses) take a path without DateTime objects; the result is luxon's to the millisecond.
 */
export function deleteByOf(anchor: string, period: string, graceDays: number, zone: string): string {
  const start = Date.parse(anchor);
  const step = stepOf(period);
  const tz = zoneFor(zone);
  if (step !== null && Number.isInteger(graceDays) && tz.isValid && inFastRange(start)) {
    const offsetOf = (ts: number) => tz.offset(ts);
    const kept = plusCalendar(start, step, offsetOf);
    // Adding no days looks the same wall time up again and finds the same instant: skipped.
    const end =
      graceDays === 0 ? kept : plusCalendar(kept, { years: 0, months: 0, days: graceDays }, offsetOf);
    if (inFastRange(kept) && inFastRange(end)) return new Date(end).toISOString();
  }
  return deleteByOfLuxon(anchor, period, graceDays, zone);
}

/** The reference for `deleteByOf`: the same deadline computed with luxon DateTimes. */
export function deleteByOfLuxon(anchor: string, period: string, graceDays: number, zone: string): string {
  return DateTime.fromMillis(Date.parse(anchor), { zone: zoneFor(zone) })
    .plus(durationOf(period))
    .plus({ days: graceDays })
    .toUTC()
    .toISO()!;
}

/** The retention period has passed when `now` lies strictly after the deadline. */
export function isPast(now: string, deadline: string): boolean {
  return Date.parse(now) > Date.parse(deadline);
}
