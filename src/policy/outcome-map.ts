import { CsvError } from 'csv-parse/sync';
import { locatedRecords, type LocatedRecord } from './csv-records.js';
import type { Category } from '../audit/types.js';
import { CallauditError } from '../errors.js';
import { normaliseLabel } from './classify.js';
import { CATEGORY_CODES } from './pack-schema.js';

/** The upper-case codes of the legal briefing, accepted so a DPO can copy them from it. */
const CATEGORY_ALIASES: Readonly<Record<string, Category>> = {
  info: 'information',
  no_outcome: 'no_sale',
  staff_qa: 'staff_monitoring',
  abusive: 'abuse_prevention',
  support_no_change: 'support',
};

const VALID_CATEGORIES = new Set<string>(CATEGORY_CODES);

function readCategory(value: string): Category | undefined {
  const code = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (VALID_CATEGORIES.has(code)) return code as Category;
  return CATEGORY_ALIASES[code];
}

const HINT_CATEGORIES = `Valid categories: ${CATEGORY_CODES.join(', ')}.`;

/** An outcome map as read: categories by normalised label, and the labels no one has confirmed yet. */
export interface OutcomeMap {
  categories: Map<string, Category>;
  /** Labels whose `confirmed` column does not say yes (a draft from `callaudit labels --write-map`). */
  unconfirmed: Set<string>;
}

const CONFIRMED_YES = new Set(['yes', 'y', 'da', 'ja', 'true', '1', 'x']);
const CONFIRMED_NO = new Set(['no', 'n', 'ne', 'false', '0', '']);

/**
 * Reads a company's outcome map: a CSV with the header `label,category` (or `label;category`)
 * that pins exact CRM labels to categories, ahead of the vocabulary. Keys are normalised labels.
 * Extra columns (e.g. a comment, `count`) are allowed and ignored.
 */
export function parseOutcomeMap(text: string, file: string): Map<string, Category> {
  return readOutcomeMap(text, file).categories;
}

/**
 * Like parseOutcomeMap, and reads the optional `confirmed` column (yes/no): a row counts as
 * confirmed when it says yes; a map without the column was written by a human, so all its rows are.
 */
export function readOutcomeMap(text: string, file: string): OutcomeMap {
  const fail = (message: string, hint: string, line?: number): never => {
    throw new CallauditError('OUTCOME_MAP_INVALID', message, hint, file, line);
  };

  // Line numbers from csv-parse drift on CRLF input; with LF only they are exact.
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const headerLine = source.split('\n').find((line) => line.trim() !== '');
  if (headerLine === undefined) {
    return fail('outcome map is empty', 'The first line must be the header label,category.');
  }
  const delimiter = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';

  let located: LocatedRecord[];
  try {
    located = locatedRecords(source, { delimiter, relax_column_count: true });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : undefined;
      return fail(`outcome map is not valid CSV: ${error.message}`, 'Check quotes and delimiters.', line);
    }
    throw error;
  }

  const header = located.find((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (!header) return fail('outcome map is empty', 'The first line must be the header label,category.');
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const labelAt = columns.indexOf('label');
  const categoryAt = columns.indexOf('category');
  const confirmedAt = columns.indexOf('confirmed');
  if (labelAt < 0 || categoryAt < 0) {
    return fail(
      `outcome map header must name the columns "label" and "category", found "${header.cells.join(delimiter)}"`,
      'Start the file with the line label,category (or label;category).',
      header.line,
    );
  }

  const map = new Map<string, Category>();
  const unconfirmed = new Set<string>();
  const definedAt = new Map<string, number>();
  for (const { cells: record, line } of located.slice(located.indexOf(header) + 1)) {
    if (record.every((cell) => cell.trim() === '')) continue;
    const label = record[labelAt] ?? '';
    const rawCategory = record[categoryAt] ?? '';
    const key = normaliseLabel(label);
    if (key === '') {
      fail(`label is empty`, 'Every row needs a CRM outcome label in the label column.', line);
    }
    const category = readCategory(rawCategory);
    if (category === undefined) {
      fail(
        rawCategory.trim() === ''
          ? `no category for label "${label.trim()}"`
          : `unknown category "${rawCategory.trim()}" for label "${label.trim()}"`,
        HINT_CATEGORIES,
        line,
      );
    }
    const previous = map.get(key);
    if (previous !== undefined && previous !== category) {
      fail(
        `label "${label.trim()}" is mapped to ${category} here but to ${previous} on line ${definedAt.get(key)}`,
        'Labels are compared after folding case, diacritics and punctuation; keep one row per label.',
        line,
      );
    }
    map.set(key, category as Category);
    if (!definedAt.has(key)) definedAt.set(key, line);
    if (confirmedAt >= 0) {
      const said = (record[confirmedAt] ?? '').trim().toLowerCase();
      if (!CONFIRMED_YES.has(said) && !CONFIRMED_NO.has(said)) {
        fail(
          `confirmed is "${said}" for label "${label.trim()}"`,
          'Write yes once the DPO has confirmed the row, no (or nothing) while it is a draft.',
          line,
        );
      }
      // One unconfirmed row of a label is enough to leave it unconfirmed.
      if (!CONFIRMED_YES.has(said)) unconfirmed.add(key);
    }
  }
  return { categories: map, unconfirmed };
}
