import { DateTime } from 'luxon';

/*
 * luxon costs about 13 µs per conversion, which is a minute per five million rows. Within one
 * wall-clock hour the zone offset is constant except around a DST change, so the offset is
 * cached per local hour; hours whose two ends disagree (or do not exist) are marked and always
 * go through luxon, which keeps the results identical to luxon's.
 */
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
/** Wider than any DST change: a zone whose offset holds this long either side has none near. */
const MARGIN_MS = 3 * MS_PER_HOUR;
const IRREGULAR_HOUR = Number.NaN;
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
    const computed = hourOffset(hourKey * MS_PER_HOUR, timezone);
    if (computed === null) return null;
    if (zoneCache.size >= MAX_CACHED_HOURS) zoneCache.clear();
    zoneCache.set(hourKey, computed);
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
 * The zone offset (minutes) valid for the whole local hour, NaN if any wall time in it is skipped
 * or repeated, null for a bad zone. Both ends must read back as written (a half-hour DST change,
 * as on Lord Howe Island, moves 02:00 to 02:30 within the same hour), and the offset must hold
 * for three hours either side, so no gap or overlap can sit inside the hour unseen.
 */
function hourOffset(hourStart: number, timezone: string): number | null {
  const fields = wallFields(hourStart);
  const start = DateTime.fromObject(fields, { zone: timezone, locale: LOCALE });
  const end = DateTime.fromObject(
    { ...fields, minute: 59, second: 59, millisecond: 999 },
    { zone: timezone, locale: LOCALE },
  );
  if (!start.isValid || !end.isValid) return null;
  const offset = start.offset;
  const readsBack =
    start.hour === fields.hour && start.minute === 0 && end.hour === fields.hour && end.minute === 59;
  if (!readsBack || end.offset !== offset) return IRREGULAR_HOUR;
  const before = DateTime.fromMillis(start.toMillis() - MARGIN_MS, { zone: timezone, locale: LOCALE }).offset;
  const after = DateTime.fromMillis(end.toMillis() + MARGIN_MS, { zone: timezone, locale: LOCALE }).offset;
  return before === offset && after === offset ? offset : IRREGULAR_HOUR;
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
