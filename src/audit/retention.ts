import { DateTime, Duration, IANAZone } from 'luxon';

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

/**
 * The instant after which a recording must be gone: anchor + period + grace, counted in calendar
 * terms in `zone`, so that "3 years" ends on the same local date and time whatever daylight-saving
 * changes lie in between.
 */
export function deleteByOf(anchor: string, period: string, graceDays: number, zone: string): string {
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
