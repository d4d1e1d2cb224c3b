import { MASK, digitsEnd, isDigit, isLetter } from './mask-chars.js';

/** FreePBX kinds, as FREEPBX_NAME lists them. */
const FREEPBX_KINDS = new Set([
  'in',
  'out',
  'internal',
  'external',
  'exten',
  'q',
  'rg',
  'force',
  'conf',
  'page',
  'generic',
  'ondemand',
]);

/**
 * A FreePBX MixMonitor name as FreePBX writes it, masked without regular expressions, or null for
 * any other text. Most recordings are named so, one name each, and the general rules take ~20
 * times longer. Only this exact shape qualifies:
 *   kind-DST-SRC-(19|20)YYMMDD-HHMMSS-UNIQUEID.EXT
 * DST and SRC are ASCII digits, at least one of them 5 or more (so masked); UNIQUEID is
 * \d{9,10}\.\d{1,9}; EXT is an ASCII letter and then letters or digits.
 * Why the general rules give the same, step by step (redactText): no `@`, so no e-mail. FREEPBX_NAME
 * matches once, at the start, with DST and SRC as its fields (they hold no `-`; the tail holds no
 * `-`, so no second match), and masks each of 5+ digits. PROTECTED then finds exactly two spans:
 * the date-time (a compact date-time starting 19 or 20, bounded by `-`) and the UNIQUEID (bounded by
 * `-` and by `.` + a letter); nothing before the date can start a span (no 8 hex digits, 9 digits,
 * `:`, `.`, and `DDDD-DD-DD` would need a `-` where the date has its third digit), and a letter
 * after the last dot stops a Slovenian date. Outside the spans, phones are sought in `kind-DST-SRC-`,
 * `-` and `.EXT`: a masked field keeps 2 digits and an unmasked one has at most 4, so no run of
 * digits and separators reaches the 7 digits a phone number needs; in `.EXT` a digit follows a
 * letter, which no candidate may.
 */
export function maskFreePbxName(text: string): string | null {
  const kindEnd = text.indexOf('-');
  if (kindEnd < 1 || !FREEPBX_KINDS.has(text.slice(0, kindEnd))) return null;
  const dstEnd = digitsEnd(text, kindEnd + 1);
  const srcEnd = digitsEnd(text, dstEnd + 1);
  const dateEnd = digitsEnd(text, srcEnd + 1);
  const timeEnd = digitsEnd(text, dateEnd + 1);
  const secondsEnd = digitsEnd(text, timeEnd + 1);
  const counterEnd = digitsEnd(text, secondsEnd + 1);
  const dst = dstEnd - kindEnd - 1;
  const src = srcEnd - dstEnd - 1;
  const century = text.slice(srcEnd + 1, srcEnd + 3);
  const counter = counterEnd - secondsEnd - 1;
  const fits =
    dst > 0 &&
    src > 0 &&
    (dst >= 5 || src >= 5) &&
    text.charCodeAt(dstEnd) === 45 && // -
    text.charCodeAt(srcEnd) === 45 &&
    dateEnd - srcEnd - 1 === 8 &&
    (century === '19' || century === '20') &&
    text.charCodeAt(dateEnd) === 45 &&
    timeEnd - dateEnd - 1 === 6 &&
    text.charCodeAt(timeEnd) === 45 &&
    (secondsEnd - timeEnd - 1 === 9 || secondsEnd - timeEnd - 1 === 10) &&
    text.charCodeAt(secondsEnd) === 46 && // .
    counter >= 1 &&
    counter <= 9 &&
    text.charCodeAt(counterEnd) === 46 &&
    isExtension(text, counterEnd + 1);
  if (!fits) return null;
  // maskDigits for a field of digits only: all but the last two become MASK.
  const field = (from: number, to: number) =>
    to - from >= 5 ? `${MASK.repeat(to - from - 2)}${text.slice(to - 2, to)}` : text.slice(from, to);
  return `${text.slice(0, kindEnd + 1)}${field(kindEnd + 1, dstEnd)}-${field(dstEnd + 1, srcEnd)}${text.slice(srcEnd)}`;
}

/** From `from` to the end: an ASCII letter, then ASCII letters or digits. */
function isExtension(text: string, from: number): boolean {
  if (from >= text.length || !isLetter(text.charCodeAt(from))) return false;
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isLetter(c) && !isDigit(c)) return false;
  }
  return true;
}
