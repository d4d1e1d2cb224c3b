import { DateTime } from 'luxon';

/*
 * A luxon conversion per row costs minutes on a large call log (docs/performance.md). Within one
 * wall-clock hour the zone offset is constant except around a DST change, so the offset is
 * cached per local hour; hours whose two ends disagree (or do not exist) are marked and always
 * go through luxon, which keeps the results identical to luxon's.
 */
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
/** Wider than any DST change: a zone whose offset holds this long either side has none near. */
const MARGIN_MS = 3 * MS_PER_HOUR;
const IRREGULAR = Number.NaN;
const HOURS_PER_DAY = 24;
const MAX_CACHED_HOURS = 200_000;
const offsetCache = new Map<string, Map<number, number>>();
/** A fixed locale: offsets do not depend on it, and luxon's default asks ICU for the system's. */
const LOCALE = 'en-US';

/** Rows come in time order more often than not: most lookups hit the hour before. */
let lastZone = '';
let lastHour = Number.NaN;
let lastOffset = Number.NaN;

/**
 * The UTC instant of a wall-clock time in `timezone`, given as the milliseconds it would be if
 * the wall clock were UTC (`Date.UTC(...)` of its fields); null when luxon cannot place it.
 */
export function localToUtc(utcGuess: number, timezone: string): number | null {
  const hourKey = Math.floor(utcGuess / MS_PER_HOUR);
  if (hourKey === lastHour && timezone === lastZone) return utcGuess - lastOffset * MS_PER_MINUTE;
  let zoneCache = offsetCache.get(timezone);
  if (zoneCache === undefined) {
    zoneCache = new Map();
    offsetCache.set(timezone, zoneCache);
  }
  let offset = zoneCache.get(hourKey);
  if (offset === undefined) {
    const computed = cacheOffsets(zoneCache, hourKey, timezone);
    if (computed === null) return null;
    offset = computed;
  }
  if (Number.isNaN(offset)) {
    const dt = DateTime.fromObject(wallFields(utcGuess), { zone: timezone, locale: LOCALE });
    return dt.isValid ? dt.toMillis() : null;
  }
  lastZone = timezone;
  lastHour = hourKey;
  lastOffset = offset;
  return utcGuess - offset * MS_PER_MINUTE;
}

/**
 * Caches the offset of the local day holding `hourKey` when one offset holds all day (one look
 * at the zone per day instead of per hour: luxon's first calls run unoptimised and cost
 * far more than later ones), else of that hour alone. Returns the hour's offset, NaN or null as regularOffset does.
 */
function cacheOffsets(zoneCache: Map<number, number>, hourKey: number, timezone: string): number | null {
  if (zoneCache.size >= MAX_CACHED_HOURS) zoneCache.clear();
  const firstHour = Math.floor(hourKey / HOURS_PER_DAY) * HOURS_PER_DAY;
  const dayOffset = regularOffset(firstHour * MS_PER_HOUR, HOURS_PER_DAY, timezone);
  if (dayOffset === null) return null;
  if (!Number.isNaN(dayOffset)) {
    for (let hour = firstHour; hour < firstHour + HOURS_PER_DAY; hour++) zoneCache.set(hour, dayOffset);
    return dayOffset;
  }
  const hourOffset = regularOffset(hourKey * MS_PER_HOUR, 1, timezone);
  if (hourOffset !== null) zoneCache.set(hourKey, hourOffset);
  return hourOffset;
}

/**
 * The zone offset (minutes) valid for `hours` whole local hours from `wallStart` (wall clock read
 * as UTC), NaN if any wall time in them is skipped or repeated, null for a bad zone. Both ends
 * must read back as written (a half-hour DST change, as on Lord Howe Island, moves 02:00 to
 * 02:30 within the same hour), and the offset must hold from three hours before to three hours
 * after, looked at every three hours, so no gap or overlap can sit inside unseen unless two
 * DST changes cancel out within three hours, which no zone has.
 */
function regularOffset(wallStart: number, hours: number, timezone: string): number | null {
  const fields = wallFields(wallStart);
  const last = wallFields(wallStart + hours * MS_PER_HOUR - 1);
  const start = DateTime.fromObject(fields, { zone: timezone, locale: LOCALE });
  const end = DateTime.fromObject(last, { zone: timezone, locale: LOCALE });
  if (!start.isValid || !end.isValid) return null;
  const offset = start.offset;
  const readsBack =
    start.day === fields.day &&
    start.hour === fields.hour &&
    start.minute === 0 &&
    end.day === last.day &&
    end.hour === last.hour &&
    end.minute === 59;
  if (!readsBack || end.offset !== offset) return IRREGULAR;
  const to = end.toMillis() + MARGIN_MS;
  for (let at = start.toMillis() - MARGIN_MS; ; at = Math.min(at + MARGIN_MS, to)) {
    if (DateTime.fromMillis(at, { zone: timezone, locale: LOCALE }).offset !== offset) return IRREGULAR;
    if (at === to) return offset;
  }
}

function wallFields(utcGuess: number) {
  const d = new Date(utcGuess);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}
