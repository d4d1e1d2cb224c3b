/**
 * Cells starting with these characters are run as formulas by Excel and LibreOffice
 * (OWASP "CSV injection"); recording paths and CRM labels are attacker-controllable text.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export function neutraliseFormula(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]!) ? `'${value}` : value;
}

/** RFC 4180 quoting: only when needed, doubling embedded quotes. */
export function quoteCsv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(
  cells: ReadonlyArray<string | number | null>,
  { neutralise }: { neutralise: boolean },
): string {
  return cells
    .map((cell) => {
      const text = cell === null ? '' : String(cell);
      return quoteCsv(neutralise ? neutraliseFormula(text) : text);
    })
    .join(',');
}

/**
 * Like neutraliseFormula, but reversible, for files a program reads back (the deletion
 * manifest): a cell that starts with a trigger or with the `'` itself gets a `'` in front, so
 * restoreNeutralised takes exactly one `'` off and every value round-trips.
 */
function neutraliseReversibly(value: string): string {
  return value.length > 0 && (FORMULA_TRIGGERS.has(value[0]!) || value[0] === "'") ? `'${value}` : value;
}

export function restoreNeutralised(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** A CSV line of reversibly neutralised cells (see neutraliseReversibly). */
export function reversibleCsvLine(cells: ReadonlyArray<string | number | null>): string {
  return cells.map((cell) => quoteCsv(neutraliseReversibly(cell === null ? '' : String(cell)))).join(',');
}
