import type { ColumnMapping } from '../config/column-mapping.js';
import { CallauditError } from '../errors.js';

/** Position of each wanted column in a record; -1 for an optional column that is absent. */
export interface ColumnIndexes {
  id: number;
  outcome: number;
  time: number;
  customer: number;
  notice: number;
  purpose: number;
  /** The mapping's ID fallbacks present in the header (not the ID column itself), in order. */
  idFallbacks: number[];
  /** The link columns present in the header (not the ID column). */
  links: number[];
}

/**
 * Index of `name` among `headers`: an exact match wins, then a case-insensitive match on trimmed
 * text (Excel users retype headers, and a stray BOM or space is invisible to them).
 */
export function findColumn(headers: readonly string[], name: string): number {
  const exact = headers.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = name.trim().toLowerCase();
  return headers.findIndex((header) => header.trim().toLowerCase() === wanted);
}

/**
 * Two columns answering to the name of one the audit reads: which one holds the call IDs (or
 * outcomes, or times) is a guess, and a wrong guess decides about deletions, so it is an error.
 */
function refuseDuplicate(headers: readonly string[], column: Wanted, file: string, headerLine: number): void {
  const wanted = column.name!.trim().toLowerCase();
  const positions: number[] = [];
  headers.forEach((header, index) => {
    if (header.trim().toLowerCase() === wanted) positions.push(index + 1);
  });
  if (positions.length < 2) return;
  throw new CallauditError(
    'CSV_DUPLICATE_COLUMN',
    `${file} has ${positions.length} columns named "${column.name}" (columns ${positions.join(' and ')}), ` +
      `so it is not clear which one ${column.flag} means.`,
    `Rename all but one of them in the export (header names match case-insensitively), or name another column with ${column.flag}.`,
    file,
    headerLine,
  );
}

type SingleColumn = 'id' | 'outcome' | 'time' | 'customer' | 'notice' | 'purpose';

interface Wanted {
  key: SingleColumn;
  name: string | null;
  flag: string;
  required: boolean;
}

/**
 * The column `name` names when the header has it, else the first alternative the header has
 * (Salesforce report exports say "Call Result" where Data Loader says CallDisposition), else
 * `name`, which is then reported missing.
 */
export function pickColumn(
  headers: readonly string[],
  name: string | null,
  alternatives: readonly string[],
): string | null {
  if (name !== null && name !== '' && findColumn(headers, name) >= 0) return name;
  return alternatives.find((alt) => findColumn(headers, alt) >= 0) ?? name;
}

/** Maps a source's column mapping onto `headers`, or explains which columns are missing. */
export function resolveColumns(
  headers: readonly string[],
  mapping: ColumnMapping,
  file: string,
  headerLine = 1,
): ColumnIndexes {
  const wanted: Wanted[] = [
    {
      key: 'id',
      name: pickColumn(headers, mapping.id, mapping.idFallbacks),
      flag: '--id-column',
      required: true,
    },
    {
      key: 'outcome',
      name: pickColumn(headers, mapping.outcome, mapping.outcomeAlternatives),
      flag: '--outcome-column',
      required: true,
    },
    {
      key: 'time',
      name: pickColumn(headers, mapping.time, mapping.timeAlternatives),
      flag: '--time-column',
      required: true,
    },
    { key: 'customer', name: mapping.customer, flag: '--customer-column', required: false },
    { key: 'notice', name: mapping.notice, flag: '--notice-column', required: true },
    { key: 'purpose', name: mapping.purpose, flag: '--purpose-column', required: true },
  ];
  const indexes: ColumnIndexes = {
    id: -1,
    outcome: -1,
    time: -1,
    customer: -1,
    notice: -1,
    purpose: -1,
    idFallbacks: [],
    links: [],
  };
  const missing: Wanted[] = [];
  for (const column of wanted) {
    if (column.name === null || column.name === '') continue;
    indexes[column.key] = findColumn(headers, column.name);
    if (indexes[column.key] < 0 && column.required) missing.push(column);
    if (indexes[column.key] >= 0) refuseDuplicate(headers, column, file, headerLine);
  }
  if (missing.length === 0) {
    const present = (names: readonly string[]) =>
      names.map((name) => findColumn(headers, name)).filter((i) => i >= 0 && i !== indexes.id);
    indexes.idFallbacks = present(mapping.idFallbacks);
    indexes.links = present(mapping.links);
    return indexes;
  }

  const names = missing.map((m) => `"${m.name}"`).join(', ');
  const found = headers.length === 0 ? '(none)' : headers.map((h) => `"${h}"`).join(', ');
  const flags = [...new Set(['--id-column', '--outcome-column', ...missing.map((m) => m.flag)])].join(' / ');
  const oneColumn =
    headers.length === 1
      ? ' The header was read as a single column, so the delimiter or encoding is probably wrong: try --delimiter ";" or --encoding.'
      : '';
  throw new CallauditError(
    'CSV_MISSING_COLUMN',
    `${file} has no ${missing.length === 1 ? 'column' : 'columns'} ${names}. Columns found: ${found}.`,
    `Name the columns this file uses with ${flags} (header names match case-insensitively).${oneColumn}`,
    file,
    headerLine,
  );
}
