import { DateTime, Duration } from 'luxon';

/**
 * The instant after which a recording must be gone: anchor + period + grace, counted in calendar
 * terms in `zone`, so that "3 years" ends on the same local date and time whatever daylight-saving
 * changes lie in between.
 */
export function deleteByOf(anchor: string, period: string, graceDays: number, zone: string): string {
  return DateTime.fromISO(anchor, { zone })
    .plus(Duration.fromISO(period))
    .plus({ days: graceDays })
    .toUTC()
    .toISO()!;
}

/** The retention period has passed when `now` lies strictly after the deadline. */
export function isPast(now: string, deadline: string): boolean {
  return Date.parse(now) > Date.parse(deadline);
}
