import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { CallauditError } from './errors.js';
import { kindOfHead } from './calllog/source-kind.js';
import { kindOf } from './file-kind.js';

const MIB = 1 << 20;
/** Config, policy pack, holds, outcome map and recording map: hand-made files, never this large. */
const SETTINGS_FILE_LIMIT = 10 * MIB;
/**
 * report.json for `render` and `--baseline` grows with the archive (about 1 KiB a recording);
 * V8 cannot hold a string much longer than 512 MiB, so a larger file could not be parsed anyway.
 */
export const REPORT_FILE_LIMIT = 500 * MIB;

export interface InputFileRole {
  /** Error code when the file cannot be read, e.g. HOLDS_UNREADABLE. */
  code: string;
  /** What the file is, for the message: "the legal holds file". */
  what: string;
  /** What to do, e.g. "check the --holds path". */
  hint: string;
  /** The largest file read; default SETTINGS_FILE_LIMIT. */
  maxBytes?: number;
  /** A CSV file: an Excel workbook given instead is refused by its bytes, not parsed as text. */
  csv?: true;
}

/** The file's stats (links followed), or null when there is nothing there to stat. */
export function statIfExists(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * Refuses a file that is not a regular file, naming its kind: reading a FIFO blocks for ever and
 * a device such as /dev/zero never ends.
 */
export function refuseIrregular(file: string, stats: Stats, what: string, hint: string): void {
  if (stats.isFile()) return;
  throw new CallauditError(
    'NOT_A_REGULAR_FILE',
    `${what} is ${kindOf(stats)}, not a regular file`,
    hint,
    file,
  );
}

/**
 * The bytes of an input file, or a CallauditError that names the file, the reason and what to do.
 * The kind and size are checked before opening (opening a FIFO for reading waits for a writer),
 * the file is opened without blocking, and checked again on the open descriptor, in case it was
 * swapped in between; the read stops one byte past the limit, whatever the file claims.
 */
export function readInputFile(file: string, role: InputFileRole): Buffer {
  const limit = role.maxBytes ?? SETTINGS_FILE_LIMIT;
  checkInput(file, statOrThrow(file, role), role, limit);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw cannotRead(file, role, error);
  }
  try {
    checkInput(file, fstatSync(fd), role, limit);
    const bytes = readUpTo(fd, file, role, limit);
    if (role.csv) refuseWorkbook(file, bytes, role);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** An input file as UTF-8 text without a byte-order mark (Excel adds one). */
export function readInputText(file: string, role: InputFileRole): string {
  return readInputFile(file, role)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

function statOrThrow(file: string, role: InputFileRole): Stats {
  try {
    return statSync(file);
  } catch (error) {
    throw cannotRead(file, role, error);
  }
}

function checkInput(file: string, stats: Stats, role: InputFileRole, limit: number): void {
  refuseIrregular(file, stats, role.what, role.hint);
  if (stats.size > limit) throw tooLarge(file, role, limit);
}

function readUpTo(fd: number, file: string, role: InputFileRole, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(limit + 1 - total, MIB));
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      throw cannotRead(file, role, error);
    }
    if (read === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > limit) throw tooLarge(file, role, limit);
  }
}

function cannotRead(file: string, role: InputFileRole, error: unknown): CallauditError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new CallauditError(role.code, `cannot read ${role.what} (${reason})`, role.hint, file);
}

function tooLarge(file: string, role: InputFileRole, limit: number): CallauditError {
  return new CallauditError(
    'INPUT_TOO_LARGE',
    `${role.what} is larger than ${limit % MIB === 0 ? `${limit / MIB} MiB` : `${limit} bytes`}, the most callaudit reads of it`,
    `${role.hint}; docs/input-limits.md lists the limits`,
    file,
  );
}

/**
 * An Excel workbook saved under a CSV's name would otherwise be parsed as text and fail with a
 * quote or delimiter message that sends the user the wrong way.
 */
function refuseWorkbook(file: string, bytes: Buffer, role: InputFileRole): void {
  const kind = kindOfHead(bytes.subarray(0, 4096), file);
  if (kind === 'zip') {
    throw new CallauditError(
      'CSV_IS_ZIP',
      `this is a ZIP archive, not a CSV file: ${role.what} is read as CSV only`,
      'Unpack it and give the CSV file inside.',
      file,
    );
  }
  if (kind !== 'xlsx' && kind !== 'xls') return;
  throw new CallauditError(
    'CSV_IS_WORKBOOK',
    `this is an Excel workbook (${kind === 'xlsx' ? 'a ZIP with [Content_Types].xml' : 'an OLE2 .xls file'}), not a CSV file: ${role.what} is read as CSV only`,
    'Open it in Excel and save the sheet as "CSV UTF-8 (comma delimited)", then give that .csv file. ' +
      'Only call logs (--crm, --cdr) are read from .xlsx workbooks directly.',
    file,
  );
}
