import { Info } from 'luxon';
import { daysInMonth, readFixedLayout } from './fixed-time.js';
import { formatIsoUtc } from './iso-time.js';
import { localToUtc } from './zone-offset.js';

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
  const fixed = readFixedLayout(text, timezone);
  return fixed !== undefined ? fixed : parseTimeByPattern(text, timezone);
}

/** parseTime without the fixed-layout shortcut: the reference that shortcut must agree with. */
export function parseTimeByPattern(text: string, timezone: string): string | null {
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
  return toIso(wall - offsetMinutes * MS_PER_MINUTE);
}

function parseSlovenian(text: string, timezone: string): string | null {
  const m = SLOVENIAN.exec(text);
  if (!m) return null;
  const wall = wallClock(m[3], m[2], m[1], m[4], m[5], m[6], 0);
  return wall === null ? null : toIso(localToUtc(wall, timezone));
}

/** The wall-clock fields read as if they were UTC, or null when one is out of range. */
function wallClock(
  y: string | undefined,
  mo: string | undefined,
  d: string | undefined,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  millisecond: number,
): number | null {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  // Date.UTC maps two-digit years to 19xx; call logs never predate the year 1000.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
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
  return formatIsoUtc(ms);
}

/**
 * True when luxon knows `timezone` (an IANA name such as `Europe/Ljubljana`, or `UTC`): what
 * `DateTime#setZone` accepts, without building a DateTime, whose first one costs tens of
 * milliseconds looking up the system locale.
 */
export function isValidTimeZone(timezone: string): boolean {
  return timezone.trim() !== '' && Info.normalizeZone(timezone).isValid;
}
