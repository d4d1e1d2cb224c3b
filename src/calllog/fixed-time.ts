import { formatIsoUtc } from './iso-time.js';
import { localToUtc } from './zone-offset.js';

/*
 * The layouts CRM exports write on every row, read by character code: the general reader's
 * regex, its capture strings and its Date cost several times more. Anything else, and any value
 * that fails a check here (a month 13, a 30 February), is left to the general reader, so this
 * can only ever agree with it (test/calllog/fixed-time.test.ts checks that it does).
 */
const NOT_FIXED = undefined;
const ZERO = 48;

/**
 * `text` (trimmed) read as one of
 * `yyyy-MM-ddTHH:mm:ss.SSSZ` (what Date#toISOString writes), `yyyy-MM-dd HH:mm[:ss]` and
 * `dd.MM.yyyy HH:mm[:ss]` (local time, `T` or a space between date and time): the ISO UTC text,
 * null when the wall time cannot be placed in `timezone`, or undefined for any other text.
 */
export function readFixedLayout(text: string, timezone: string): string | null | undefined {
  const length = text.length;
  if (length !== 16 && length !== 19 && length !== 24) return NOT_FIXED;
  const separator = text.charCodeAt(10);
  let year: number;
  let month: number;
  let day: number;
  if (text.charCodeAt(4) === 45 /* - */ && text.charCodeAt(7) === 45) {
    if (separator !== 32 && separator !== 84 /* T */) return NOT_FIXED;
    year = digits4(text, 0);
    month = digits2(text, 5);
    day = digits2(text, 8);
  } else if (text.charCodeAt(2) === 46 /* . */ && text.charCodeAt(5) === 46) {
    if (separator !== 32 || length === 24) return NOT_FIXED;
    day = digits2(text, 0);
    month = digits2(text, 3);
    year = digits4(text, 6);
  } else {
    return NOT_FIXED;
  }
  if (text.charCodeAt(13) !== 58 /* : */) return NOT_FIXED;
  const hour = digits2(text, 11);
  const minute = digits2(text, 14);
  let second = 0;
  if (length >= 19) {
    if (text.charCodeAt(16) !== 58) return NOT_FIXED;
    second = digits2(text, 17);
  }
  // NaN (a non-digit) fails every comparison, so one range check covers the digits too.
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)))
    return NOT_FIXED;
  if (!(hour <= 23 && minute <= 59 && second <= 59)) return NOT_FIXED;
  if (length === 24) return readIsoUtc(text, year, month, day, hour, minute, second);
  const utc = localToUtc(Date.UTC(year, month - 1, day, hour, minute, second), timezone);
  return utc === null ? null : formatIsoUtc(utc);
}

/**
 * Whether `text` is a valid `yyyy-MM-ddTHH:mm:ss.SSSZ` in the years 1000–9999: exactly the text
 * readFixedLayout (and so parseTime) returns for it, as Date#toISOString writes every instant one
 * way. A reader holding `text` as a string of its own may then keep it instead of writing a copy.
 */
export function isCanonicalIsoUtc(text: string): boolean {
  if (text.length !== 24) return false;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return false;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return false;
  if (text.charCodeAt(19) !== 46 || text.charCodeAt(23) !== 90) return false;
  const year = digits4(text, 0);
  const month = digits2(text, 5);
  const day = digits2(text, 8);
  const milli = digit(text, 20) * 100 + digits2(text, 21);
  // NaN (a non-digit) fails every comparison, as in readFixedLayout.
  return (
    year >= 1000 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    digits2(text, 11) <= 23 &&
    digits2(text, 14) <= 59 &&
    digits2(text, 17) <= 59 &&
    milli >= 0
  );
}

/** The rest of `yyyy-MM-ddTHH:mm:ss.SSSZ` once date and time have been read. */
function readIsoUtc(
  text: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): string | undefined {
  if (text.charCodeAt(10) !== 84 || text.charCodeAt(19) !== 46 /* . */ || text.charCodeAt(23) !== 90 /* Z */)
    return NOT_FIXED;
  const milli = digit(text, 20) * 100 + digits2(text, 21);
  if (!(milli >= 0)) return NOT_FIXED;
  return formatIsoUtc(Date.UTC(year, month - 1, day, hour, minute, second, milli));
}

function digit(text: string, at: number): number {
  const code = text.charCodeAt(at) - ZERO;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

function digits2(text: string, at: number): number {
  return digit(text, at) * 10 + digit(text, at + 1);
}

function digits4(text: string, at: number): number {
  return digits2(text, at) * 100 + digits2(text, at + 2);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}
