import { DateTime } from 'luxon';

/*
 * Call-log times as CRMs and PBXs write them. Every accepted shape is anchored and checked
 * field by field, so `31.02.2026` or a MySQL zero date `0000-00-00 00:00:00` yields null rather
 * than a silently rolled-over date.
 */
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const SLOVENIAN = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\.?(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const MS_PER_MINUTE = 60_000;

/**
 * Parses one time value to ISO 8601 UTC (`YYYY-MM-DDTHH:mm:ss.SSSZ`), or null when it is not a
 * time this reader understands. Accepted: ISO 8601 with or without seconds, fraction and offset
 * (`T` or a space between date and time), `YYYY-MM-DD`, and the Slovenian `d.m.yyyy`,
 * `d. m. yyyy`, each optionally followed by `H:MM[:SS]`. Values without an offset are wall-clock
 * time in `timezone`; a wall time skipped by a DST change moves forward by the gap, and one
 * that occurs twice resolves as luxon does (to the later, standard-time instant).
 */
export function parseTime(value: string, timezone: string): string | null {
  const text = value.trim();
  if (text.length < 8) return null;
  // One cheap character test picks the shape, so each value meets at most one regex.
  if (text.charCodeAt(4) === 45 /* - */) return parseIsoLike(text, timezone);
  return parseSlovenian(text, timezone);
}

function parseIsoLike(text: string, timezone: string): string | null {
  const m = ISO_LIKE.exec(text);
  if (!m) return null;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const wall = wallClock(m[1], m[2], m[3], m[4], m[5], m[6], ms);
  if (wall === null) return null;
  const offset = m[8];
  if (offset === undefined) return toIso(localToUtc(wall, timezone));
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === null) return null;
  return toIso(wall.utcGuess - offsetMinutes * MS_PER_MINUTE);
}

function parseSlovenian(text: string, timezone: string): string | null {
  const m = SLOVENIAN.exec(text);
  if (!m) return null;
  const wall = wallClock(m[3], m[2], m[1], m[4], m[5], m[6], 0);
  return wall === null ? null : toIso(localToUtc(wall, timezone));
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** The wall-clock fields read as if they were UTC. */
  utcGuess: number;
}

function wallClock(
  y: string | undefined,
  mo: string | undefined,
  d: string | undefined,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  millisecond: number,
): WallClock | null {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  // Date.UTC maps two-digit years to 19xx; call logs never predate the year 1000.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const utcGuess = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return { year, month, day, hour, minute, second, millisecond, utcGuess };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

function parseOffset(offset: string): number | null {
  if (offset === 'Z' || offset === 'z') return 0;
  const sign = offset.charCodeAt(0) === 45 ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

function toIso(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms)) return null;
  return new Date(ms).toISOString();
}

/*
 * luxon costs about 13 µs per conversion, which is a minute per five million rows. Within one
 * wall-clock hour the zone offset is constant except around a DST change, so the offset is
 * cached per local hour; hours whose two ends disagree (or do not exist) are marked and always
 * go through luxon, which keeps the results identical to luxon's.
 */
const IRREGULAR_HOUR = Number.NaN;
const MAX_CACHED_HOURS = 200_000;
const offsetCache = new Map<string, Map<number, number>>();

function localToUtc(wall: WallClock, timezone: string): number | null {
  let zoneCache = offsetCache.get(timezone);
  if (zoneCache === undefined) {
    zoneCache = new Map();
    offsetCache.set(timezone, zoneCache);
  }
  const key = ((wall.year * 100 + wall.month) * 100 + wall.day) * 100 + wall.hour;
  let offset = zoneCache.get(key);
  if (offset === undefined) {
    const computed = hourOffset(wall, timezone);
    if (computed === null) return null;
    if (zoneCache.size >= MAX_CACHED_HOURS) zoneCache.clear();
    zoneCache.set(key, computed);
    offset = computed;
  }
  if (Number.isNaN(offset)) {
    const dt = DateTime.fromObject(fields(wall, wall.minute, wall.second, wall.millisecond), {
      zone: timezone,
    });
    return dt.isValid ? dt.toMillis() : null;
  }
  return wall.utcGuess - offset * MS_PER_MINUTE;
}

/** The zone offset (minutes) valid for the whole local hour, NaN if it changes, null for a bad zone. */
function hourOffset(wall: WallClock, timezone: string): number | null {
  const start = DateTime.fromObject(fields(wall, 0, 0, 0), { zone: timezone });
  const end = DateTime.fromObject(fields(wall, 59, 59, 999), { zone: timezone });
  if (!start.isValid || !end.isValid) return null;
  if (start.offset !== end.offset || start.hour !== wall.hour || end.hour !== wall.hour)
    return IRREGULAR_HOUR;
  return start.offset;
}

function fields(wall: WallClock, minute: number, second: number, millisecond: number) {
  return { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute, second, millisecond };
}

/** True when luxon knows `timezone` (an IANA name such as `Europe/Ljubljana`, or `UTC`). */
export function isValidTimeZone(timezone: string): boolean {
  return timezone.trim() !== '' && DateTime.now().setZone(timezone).isValid;
}
