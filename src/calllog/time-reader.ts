import { DateTime } from 'luxon';
import { isCanonicalIsoUtc } from './fixed-time.js';
import { parseTime } from './parse-time.js';

/** A `d/m/yyyy` or `m/d/yyyy` date whose day and month both fit either way. */
export interface AmbiguousTime {
  ambiguous: true;
  readings: [string, string];
}

export type TimeReading = string | null | AmbiguousTime;

const SLASHED =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?$/;
const EPOCH_MS = /^\d{12,13}$/;
const EPOCH_SEC = /^\d{10}$/;
const RFC_2822 = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}/;

/**
 * Reads call-log times. With `dateFormat` (luxon tokens, e.g. `dd/MM/yyyy HH:mm`) only that
 * format is accepted; otherwise the shapes of parseTime, plus epoch seconds/milliseconds
 * (HubSpot), RFC 2822 (Twilio) and slashed dates, which are read only when one reading exists.
 * `ownsText`: the values passed in are strings of their own, not views into a larger text, so a
 * value that is already the ISO UTC text of its instant may be returned as it is.
 */
export function makeTimeReader(
  timezone: string,
  dateFormat?: string,
  ownsText = false,
): (raw: string) => TimeReading {
  if (dateFormat) {
    return (raw) => {
      const dt = DateTime.fromFormat(raw.trim(), dateFormat, { zone: timezone, setZone: true });
      return dt.isValid ? dt.toUTC().toISO() : null;
    };
  }
  return (raw) => {
    const text = raw.trim();
    if (ownsText && isCanonicalIsoUtc(text)) return text;
    const common = parseTime(text, timezone);
    if (common !== null) return common;
    if (EPOCH_MS.test(text)) return new Date(Number(text)).toISOString();
    if (EPOCH_SEC.test(text)) return new Date(Number(text) * 1000).toISOString();
    if (RFC_2822.test(text)) {
      const dt = DateTime.fromRFC2822(text, { zone: timezone });
      return dt.isValid ? dt.toUTC().toISO() : null;
    }
    const slashed = SLASHED.exec(text);
    return slashed ? readSlashed(slashed, timezone) : null;
  };
}

function readSlashed(m: RegExpExecArray, timezone: string): TimeReading {
  const [a, b] = [Number(m[1]), Number(m[2])];
  let hour = m[4] === undefined ? 0 : Number(m[4]);
  const meridiem = m[7]?.toLowerCase();
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  const at = (day: number, month: number) => {
    const dt = DateTime.fromObject(
      { year: Number(m[3]), month, day, hour, minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0) },
      { zone: timezone },
    );
    return dt.isValid ? dt.toUTC().toISO() : null;
  };
  const dayFirst = a <= 31 && b <= 12 ? at(a, b) : null;
  const monthFirst = a <= 12 && b <= 31 ? at(b, a) : null;
  if (dayFirst && monthFirst && dayFirst !== monthFirst) {
    const label = (day: number, month: number) =>
      DateTime.fromObject({ year: Number(m[3]), month, day }).toFormat('d LLLL yyyy');
    return { ambiguous: true, readings: [label(a, b), label(b, a)] };
  }
  return dayFirst ?? monthFirst;
}

export function isAmbiguous(reading: TimeReading): reading is AmbiguousTime {
  return typeof reading === 'object' && reading !== null;
}
