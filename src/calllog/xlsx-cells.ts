/**
 * Excel cell values, as exceljs's streaming reader gives them, turned into the text a CSV export
 * of the same sheet would hold: times as local wall-clock text (read in --timezone like a CSV's),
 * numbers with the digits their number format shows, formulas as their cached results.
 */

/** The parts of an exceljs cell this module reads. */
export interface SheetCell {
  value: unknown;
  numFmt?: string;
}

const DATE_FORMAT_TOKENS = /[dmyhs]/i;
/** Format parts that are not date tokens: quoted text, escapes, colours and conditions. */
const NON_TOKEN_PARTS = /"[^"]*"|\\.|\[[^\]]*\]/g;
/** `0.000`, `#0.00`, `0.0`: a fixed number of decimals a call ID may depend on. */
const FIXED_DECIMALS = /^[#0,]*0\.(0+)$/;

function isDateFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined || numFmt === '' || /^general$/i.test(numFmt)) return false;
  return DATE_FORMAT_TOKENS.test(numFmt.replace(NON_TOKEN_PARTS, ''));
}

/** A date as `YYYY-MM-DD HH:MM:SS` from its UTC fields (exceljs puts the wall clock there). */
function wallClockText(date: Date): string {
  // Serials are binary fractions of a day: 09:15 may arrive as 09:14:59.9996.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  return rounded.toISOString().slice(0, 19).replace('T', ' ');
}

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 system, allowing for its phantom 29 Feb 1900, and of the 1904 system. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel date serial as wall-clock text. */
function serialText(serial: number, date1904: boolean): string {
  return wallClockText(new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + serial * MS_PER_DAY));
}

/** A number as its format shows it where that keeps digits (trailing zeros), else its shortest form. */
function numberText(value: number, numFmt: string | undefined): string {
  const fixed = numFmt === undefined ? null : FIXED_DECIMALS.exec(numFmt.replace(/,/g, ''));
  if (fixed) return value.toFixed(fixed[1]!.length);
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}

/** The text of one cell. */
export function cellText(cell: SheetCell, date1904: boolean): string {
  return valueText(cell.value, cell.numFmt, date1904);
}

function valueText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    return isDateFormat(numFmt) ? serialText(value, date1904) : numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return wallClockText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? '')).join('');
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) return valueText(v.result, numFmt, date1904);
    if (typeof v.text === 'string') return v.text;
    // An error value (#N/A, #REF!) holds no data.
    if ('error' in v) return '';
  }
  return String(value);
}
