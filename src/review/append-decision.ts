import {
  closeSync,
  constants,
  fsyncSync,
  linkSync,
  openSync,
  readSync,
  fstatSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { DECISION_COLUMNS } from '../policy/decisions-file.js';
import { neutraliseFormula } from '../report/csv-cell.js';
import { temporaryNameFor } from '../temporary-name.js';
import { CallauditError } from '../errors.js';

export type DecisionRow = Partial<Record<(typeof DECISION_COLUMNS)[number], string>>;

const FREE_TEXT = new Set(['reason', 'reviewer', 'evidence']);
const HEADER = `${DECISION_COLUMNS.join(',')}\n`;

/** Creates the file with its header, atomically: a second writer racing us finds it complete. */
function createWithHeader(file: string): void {
  const temporary = temporaryNameFor(file);
  const fd = openSync(temporary, 'wx');
  try {
    writeSync(fd, HEADER);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
}

/** The header line and whether the file ends with a line break, read from the open descriptor. */
function shapeOf(fd: number): { header: string[]; delimiter: string; endsWithNewline: boolean } {
  const size = fstatSync(fd).size;
  const head = Buffer.alloc(Math.min(size, 64 * 1024));
  readSync(fd, head, 0, head.length, 0);
  const last = Buffer.alloc(1);
  if (size > 0) readSync(fd, last, 0, 1, size - 1);
  const firstLine =
    head
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  return {
    delimiter,
    header: firstLine.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase()),
    endsWithNewline: size === 0 || last[0] === 0x0a,
  };
}

/**
 * Appends one decision to the decisions file, the audit trail: earlier rows are never rewritten.
 * The row is laid out by the file's own header (a filled-in to-do file has more columns), written
 * in one O_APPEND write, so concurrent writers interleave whole rows, and fsynced before returning.
 */
export function appendDecision(file: string, row: DecisionRow): void {
  try {
    createWithHeader(file);
  } catch (error) {
    throw cannotWrite(file, error);
  }
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDWR | constants.O_APPEND | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    throw cannotWrite(file, error);
  }
  try {
    if (!fstatSync(fd).isFile())
      throw new CallauditError(
        'CANNOT_WRITE',
        'the decisions file is not a regular file',
        'name a CSV file',
        file,
      );
    const { header, delimiter, endsWithNewline } = shapeOf(fd);
    const missing = DECISION_COLUMNS.filter((c) => c !== 'path' && c !== 'call_id' && !header.includes(c));
    if (missing.length > 0)
      throw new CallauditError(
        'DECISIONS_INVALID',
        `the decisions file's header lacks ${missing.join(', ')}; appending would misplace the decision`,
        'append to a decisions file written by callaudit review, or start a new one',
        `${file}:1`,
      );
    const cells = header.map((column) => {
      const value = (row as Record<string, string>)[column] ?? '';
      // Free text is what a spreadsheet could run as a formula; names and dates must stay exact.
      return quote(FREE_TEXT.has(column) ? neutraliseFormula(value) : value, delimiter);
    });
    writeSync(fd, `${endsWithNewline ? '' : '\n'}${cells.join(delimiter)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function quote(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cannotWrite(file: string, error: unknown): CallauditError {
  if (error instanceof CallauditError) return error;
  return new CallauditError(
    'CANNOT_WRITE',
    `cannot append to the decisions file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    'check that the folder exists and is writable',
    file,
  );
}
