// The masking rules exactly as they were before the fast paths in src/report/redact.ts: the
// reference the property tests hold the fast paths to. Do not optimise this copy.
/**
 * Masks phone numbers and e-mail addresses in text that leaves the DPO's hands (HTML, Markdown,
 * JUnit). Pure and deterministic. Over-masking is the safer error for personal data, but call IDs,
 * UUIDs, hashes, dates and times must survive, or the report cannot be acted on.
 */

const MASK = '•';

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
  const total = (text.match(/\d/g) ?? []).length;
  let seen = 0;
  // The last two digits stay, so a reader can tell two masked numbers apart without learning either.
  return text.replace(/\d/g, (d) => (++seen > total - 2 ? d : MASK));
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
  for (const match of text.matchAll(PROTECTED)) {
    out += maskPhones(text.slice(last, match.index));
    out += match[0];
    last = match.index + match[0].length;
  }
  return out + maskPhones(text.slice(last));
}

function maskPhones(text: string): string {
  // A run glued to letters on its right (a hash, `040111222abc`) is not a number a person dials.
  return text.replace(CANDIDATE, (candidate: string, offset: number) =>
    /[\p{L}\p{N}]/u.test(text.charAt(offset + candidate.length)) ? candidate : maskCandidate(candidate),
  );
}

/** In a FreePBX name the caller and destination are numbers even when too short to recognise. */
function maskFreePbxFields(text: string): string {
  return text.replace(
    FREEPBX_NAME,
    (_all, kind: string, destination: string, caller: string, rest: string) => {
      const field = (value: string) => (/^\+?\d{5,}$/.test(value) ? maskDigits(value) : value);
      return `${kind}${field(destination)}-${field(caller)}${rest}`;
    },
  );
}

/** Masks phone numbers and e-mail addresses in one piece of text. */
export function referenceRedactText(text: string): string {
  if (!/\d|@/.test(text)) return text;
  const withoutEmails = text.includes('@') ? text.replace(EMAIL, maskEmail) : text;
  return maskOutsideProtected(maskFreePbxFields(withoutEmails));
}
