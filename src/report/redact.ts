/**
 * Masks phone numbers and e-mail addresses in text that leaves the DPO's hands (HTML, Markdown,
 * JUnit). Pure and deterministic. Over-masking is the safer error for personal data, but call IDs,
 * UUIDs, hashes, dates and times must survive, or the report cannot be acted on.
 */

import { MASK, isDigit } from './mask-chars.js';
import { maskFreePbxName } from './freepbx-name-mask.js';

/** Spans that look numeric but are never phone numbers; they are skipped before phones are sought. */
const PROTECTED = new RegExp(
  [
    // UUIDs (Amazon Connect contact IDs, HubSpot dispositions).
    '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
    // Asterisk UNIQUEID: epoch seconds and a counter (1729512345.123).
    '(?<![\\p{L}\\p{N}.])\\d{9,10}\\.\\d{1,9}(?![\\p{L}\\p{N}]|\\.\\d)',
    // ISO dates and times: 2026-10-03, 2026-10-03T09:15:00.000Z, 09:15, 09:15:00.
    '\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?',
    '(?<![\\p{N}])\\d{1,2}:\\d{2}(?::\\d{2})?',
    // Compact date-times in PBX file names: 20261003-091500, 20261003T091500, 20261007101500.
    '(?<![\\p{N}])(?:19|20)\\d{6}(?:[-T_]?\\d{6})?(?![\\p{N}])',
    // Slovenian dates: 03.10.2026, 3. 10. 2026.
    '(?<![\\p{N}])\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{4}(?![\\p{N}])',
  ].join('|'),
  'gu',
);

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/**
 * A run of digit groups joined by one separator each, optionally opened by `+`, `00` or a
 * parenthesised area code, e.g. `+386 (0)40 111-222`, `(01) 234 56 78`, `040/111 222`.
 */
const CANDIDATE = /(?<![\p{L}\p{N}])\+?(?:\(\d{1,4}\)|\d+)(?:[ ./-]?(?:\(\d{1,4}\)|\d+))*/gu;

/** A FreePBX/Asterisk MixMonitor file name: kind-destination-caller-date-time-uniqueid. */
const FREEPBX_NAME =
  /(?<![\p{L}\p{N}])((?:in|out|internal|external|exten|q|rg|force|conf|page|generic|ondemand)-)([^-/\s]+)-([^-/\s]+)(-\d{8}-\d{6}-)/gu;

/** Whether a digit string (after removing separators and a `(0)` trunk prefix) is a phone number. */
function isPhoneNumber(raw: string): boolean {
  const international = raw.startsWith('+') || /^00[1-9]/.test(raw.replace(/[^\d]/g, ''));
  const digits = raw.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (raw.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  if (international) return digits.length >= 10 && digits.length <= 17; // 00 + 8..15 digits
  // Slovenian numbers written without the plus, as PBXs log them (38640111222), maybe after an
  // outside-line 0 (3CX: 038640111222).
  if (/^0?386\d{8}$/.test(digits)) return true;
  // National form: trunk 0 + 8 digits in Slovenia (040 111 222, 01 234 56 78); neighbours use 9–11.
  if (/^0[1-9]\d{7,10}$/.test(digits)) return true;
  // Local form without the area code (234 56 78): only when grouped, because a bare 7-digit run is
  // as often an order or ticket number.
  return /^[2-8]\d{6}$/.test(digits) && /[ ./-]/.test(raw);
}

function maskDigits(text: string): string {
  // The last two digits stay, so a reader can tell two masked numbers apart without learning either.
  const masked = countDigits(text, 0, text.length) - 2;
  let out = '';
  let seen = 0;
  let last = 0;
  for (let i = 0; i < text.length && seen < masked; i++) {
    if (isDigit(text.charCodeAt(i))) {
      out += `${text.slice(last, i)}${MASK}`;
      last = i + 1;
      seen++;
    }
  }
  return out + text.slice(last);
}

function maskEmail(address: string): string {
  const tld = address.slice(address.lastIndexOf('.'));
  return `${address[0]}${MASK.repeat(3)}@${MASK.repeat(3)}${tld}`;
}

/**
 * Splits a candidate run into its digit groups and masks the longest run of groups, from the left,
 * that reads as a phone number, then moves on; so `100-038640111222` masks only the second group.
 */
function maskCandidate(candidate: string): string {
  const parts = candidate.match(/\+?(?:\(\d{1,4}\)|\d+)|[^\d(+]+/g) ?? [candidate];
  const groups = parts.map((p, i) => (/\d/.test(p) ? i : -1)).filter((i) => i >= 0);
  const out = [...parts];
  let g = 0;
  while (g < groups.length) {
    let end = Math.min(groups.length, g + 6);
    while (end > g && !isPhoneNumber(parts.slice(groups[g], groups[end - 1]! + 1).join(''))) end--;
    if (end === g) {
      g += 1;
      continue;
    }
    const from = groups[g]!;
    const to = groups[end - 1]!;
    out[from] = maskDigits(parts.slice(from, to + 1).join(''));
    for (let i = from + 1; i <= to; i++) out[i] = '';
    g = end;
  }
  return out.join('');
}

function maskOutsideProtected(text: string): string {
  let out = '';
  let last = 0;
  PROTECTED.lastIndex = 0;
  for (let match = PROTECTED.exec(text); match !== null; match = PROTECTED.exec(text)) {
    out += maskPhones(text.slice(last, match.index));
    out += match[0];
    last = match.index + match[0].length;
    // No alternative matches the empty string, but a zero-length match must never stall the loop.
    if (match[0].length === 0) PROTECTED.lastIndex++;
  }
  return out + maskPhones(text.slice(last));
}

function maskPhones(text: string): string {
  return text.replace(CANDIDATE, (candidate: string, offset: number) =>
    // Fewer than MIN_PHONE_DIGITS digits: no group of it can be a phone number (most runs in file
    // names: dates, extensions, counters). A run glued to letters on its right (a hash,
    // `040111222abc`) is not a number a person dials.
    countDigits(candidate, 0, candidate.length) < MIN_PHONE_DIGITS ||
    /[\p{L}\p{N}]/u.test(text.charAt(offset + candidate.length))
      ? candidate
      : maskCandidate(candidate),
  );
}

/** What every FreePBX name holds (the date and time); texts without it skip FREEPBX_NAME. */
const FREEPBX_DATE_TIME = /-\d{8}-\d{6}-/;

/** In a FreePBX name the caller and destination are numbers even when too short to recognise. */
function maskFreePbxFields(text: string): string {
  if (!FREEPBX_DATE_TIME.test(text)) return text;
  return text.replace(
    FREEPBX_NAME,
    (_all, kind: string, destination: string, caller: string, rest: string) => {
      const field = (value: string) => (/^\+?\d{5,}$/.test(value) ? maskDigits(value) : value);
      return `${kind}${field(destination)}-${field(caller)}${rest}`;
    },
  );
}

/** The fewest digits isPhoneNumber accepts: a grouped local number (234 56 78). */
const MIN_PHONE_DIGITS = 7;

function countDigits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isDigit(text.charCodeAt(i))) n++;
  return n;
}

/** Characters a phone candidate (CANDIDATE) is made of: ASCII digits, `+`, `(`, `)`, ` `, `.`, `/`, `-`. */
function inCandidateRun(c: number): boolean {
  return isDigit(c) || c === 43 || c === 40 || c === 41 || c === 32 || c === 46 || c === 47 || c === 45;
}

/**
 * Whether text certainly holds nothing to mask, found in one pass without regular expressions.
 * Exact, not a guess: an e-mail needs `@`; a phone number is a run of candidate characters with at
 * least MIN_PHONE_DIGITS digits; a FreePBX name needs `-` + 8 digits + `-` + 6 digits. So text
 * without `@` whose every run of candidate characters has fewer than 7 digits comes out unchanged.
 */
function nothingToMask(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 64) return false; // @
    if (!inCandidateRun(c)) digits = 0;
    else if (isDigit(c) && ++digits >= MIN_PHONE_DIGITS) return false;
  }
  return true;
}

// Whole texts that are one protected span (see PROTECTED): a timestamp as toISOString writes it
// (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z) and an Asterisk UNIQUEID (\d{9,10}\.\d{1,9}).
// Call IDs, deadlines and event times are mostly these. Checked by hand: every text masked is checked
// first, and two anchored regular expressions cost more than the loop.
const ISO_INSTANT = 'dddd-dd-ddTdd:dd:dd.dddZ';
const DIGIT_SLOT = 100; // 'd' in ISO_INSTANT

function isIsoInstant(text: string): boolean {
  if (text.length !== ISO_INSTANT.length) return false;
  for (let i = 0; i < ISO_INSTANT.length; i++) {
    const slot = ISO_INSTANT.charCodeAt(i);
    const c = text.charCodeAt(i);
    if (slot === DIGIT_SLOT ? !isDigit(c) : c !== slot) return false;
  }
  return true;
}

function isUniqueId(text: string): boolean {
  const dot = text.indexOf('.');
  if ((dot !== 9 && dot !== 10) || text.length - dot - 1 < 1 || text.length - dot - 1 > 9) return false;
  for (let i = 0; i < text.length; i++) if (i !== dot && !isDigit(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether the text is a timestamp or call ID that redactText returns as it is: most unique texts
 * are, and checking is cheaper than remembering them.
 */
export function isProtectedShape(text: string): boolean {
  return isIsoInstant(text) || isUniqueId(text);
}

/** Masks phone numbers and e-mail addresses in one piece of text. */
export function redactText(text: string): string {
  if (nothingToMask(text) || isProtectedShape(text)) return text;
  const freePbxName = maskFreePbxName(text);
  if (freePbxName !== null) return freePbxName;
  const withoutEmails = text.includes('@') ? text.replace(EMAIL, maskEmail) : text;
  const masked = maskOutsideProtected(maskFreePbxFields(withoutEmails));
  // Nothing masked: the text itself, so a memo keeps no second copy pieced together from slices.
  return masked === text ? text : masked;
}

/**
 * Where text may be cut in two and each part masked alone with the same result: the last `/` that
 * no phone candidate can span (not both a digit or `)` before it and a digit or `(` after it).
 * No other pattern crosses a `/` or looks past one (e-mails, FreePBX fields and protected spans
 * exclude it; their look-arounds treat it like the start or end of the text). Paths share their
 * folders, so a folder cut off this way is masked once per run. -1 when there is no such `/`.
 */
export function maskingCut(text: string): number {
  for (let i = text.lastIndexOf('/'); i > 0; i = text.lastIndexOf('/', i - 1)) {
    const before = text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + 1);
    const spans = (isDigit(before) || before === 41) && (isDigit(after) || after === 40);
    if (!spans) return i;
  }
  return -1;
}
