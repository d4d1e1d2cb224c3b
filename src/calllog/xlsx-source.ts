import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { CallauditError, isCallauditError } from '../errors.js';
import { findColumn } from './columns.js';
import { sha256OfPath } from '../archive/sha256-file.js';
import { RecordFeed } from './record-feed.js';
import { cellText, type SheetCell } from './xlsx-cells.js';
import { MergeFiller, readMergedRanges } from './xlsx-merges.js';
import type { CallLogOptions, CallLogResult } from './types.js';

/** Rows searched for the header when --header-row is not given (report exports put titles above). */
const HEADER_SEARCH_ROWS = 50;
/** Columns read past the header's last named column are ignored; this bounds a sparse row. */
const MAX_COLUMNS = 16_384;

interface SheetRow {
  number: number;
  eachCell(options: { includeEmpty: boolean }, visit: (cell: SheetCell, column: number) => void): void;
}
interface SheetReader extends AsyncIterable<SheetRow> {
  /** The number in the sheet's part name (xl/worksheets/sheetN.xml). */
  id?: string | number;
  name?: string;
  state?: string;
}

/** How a workbook is read: which sheet, where its header is. */
export interface WorkbookChoice {
  /** A sheet name, or its 1-based position among all sheets. */
  sheet?: string;
  /** 1-based row of the header; default: the first row that names the ID column. */
  headerRow?: number;
}

/**
 * Reads a call log from an Excel workbook (.xlsx/.xlsm), streaming with exceljs so a sheet of
 * half a million rows is not held as a whole. Events name `file#Sheet` and the Excel row number.
 */
export async function readXlsxCallLog(
  path: string,
  displayName: string,
  options: CallLogOptions,
  choice: WorkbookChoice = {},
): Promise<CallLogResult> {
  // The reader stops after the sheet it needs, so the file is hashed in a read of its own.
  const digest = sha256OfPath(path);
  digest.catch(() => {});
  // Without its merges a row under a merged call-ID cell would lose its ID and its outcomes: a
  // workbook whose merges cannot be read is not read at all.
  const merges = await readMergedRanges(path).catch((error: unknown) => {
    throw unreadable(displayName, error);
  });
  const input = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const seen: string[] = [];
  let position = 0;
  try {
    for await (const sheet of reader as unknown as AsyncIterable<SheetReader>) {
      position++;
      const name = sheet.name ?? `Sheet${position}`;
      if (!wanted(choice.sheet, name, position, sheet.state)) {
        await drain(sheet);
        continue;
      }
      const date1904 = Boolean(
        (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model
          ?.date1904,
      );
      const filler = new MergeFiller(merges.get(String(sheet.id)) ?? []);
      const feed = await readSheet(sheet, name, displayName, options, choice, date1904, filler);
      if (feed !== null) return feed.result(displayName, await digest, 'xlsx', name);
      seen.push(name);
    }
  } catch (error) {
    if (isCallauditError(error)) throw error;
    throw unreadable(displayName, error);
  } finally {
    input.destroy();
  }
  throw noSheetError(displayName, options, choice, seen);
}

function unreadable(displayName: string, error: unknown): CallauditError {
  return new CallauditError(
    'XLSX_UNREADABLE',
    `cannot read the workbook ${displayName}: ${error instanceof Error ? error.message : String(error)}`,
    'Open it in Excel and save it again as .xlsx, or export the sheet as CSV UTF-8.',
    displayName,
  );
}

function wanted(asked: string | undefined, name: string, position: number, state: string | undefined) {
  if (asked !== undefined) return name === asked || String(position) === asked;
  return state !== 'hidden' && state !== 'veryHidden';
}

/**
 * Reads one sheet: finds the header (a given row, else the first row naming the ID column),
 * then feeds every row after it. Null when the sheet has no such header.
 */
async function readSheet(
  sheet: SheetReader,
  name: string,
  displayName: string,
  options: CallLogOptions,
  choice: WorkbookChoice,
  date1904: boolean,
  filler: MergeFiller,
): Promise<RecordFeed | null> {
  const idNames = [options.columns.id, ...options.columns.idFallbacks];
  let feed: RecordFeed | null = null;
  let width = 0;
  let gaveUp = false;
  // Read to the end even when the header is not found: the workbook reader needs the sheet consumed.
  for await (const row of sheet) {
    if (gaveUp) continue;
    const cells = rowCells(row, feed === null ? MAX_COLUMNS : width, date1904);
    filler.fill(row.number, cells);
    if (feed !== null && cells.length > width) cells.length = width;
    if (feed === null) {
      const isHeader =
        choice.headerRow !== undefined
          ? row.number === choice.headerRow
          : idNames.some((id) => id !== '' && findColumn(cells, id) >= 0);
      if (!isHeader) {
        gaveUp = row.number >= (choice.headerRow ?? HEADER_SEARCH_ROWS);
        continue;
      }
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      width = cells.length;
      feed = new RecordFeed(`${displayName}#${name}`, options);
    }
    while (cells.length < width) cells.push('');
    feed.row(cells, row.number);
  }
  return feed;
}

function rowCells(row: SheetRow, width: number, date1904: boolean): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (column > width) return;
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = cellText(cell, date1904);
  });
  return cells;
}

async function drain(sheet: SheetReader): Promise<void> {
  for await (const row of sheet) void row;
}

function noSheetError(
  displayName: string,
  options: CallLogOptions,
  choice: WorkbookChoice,
  seen: string[],
): CallauditError {
  if (choice.sheet !== undefined && seen.length === 0) {
    return new CallauditError(
      'XLSX_NO_SHEET',
      `the workbook ${displayName} has no sheet "${choice.sheet}"`,
      'Name a sheet by its tab name or its position (1 = the first) with --sheet.',
      displayName,
    );
  }
  const where =
    choice.headerRow !== undefined ? `in row ${choice.headerRow}` : `in its first ${HEADER_SEARCH_ROWS} rows`;
  return new CallauditError(
    'XLSX_NO_HEADER',
    `no sheet of ${displayName} has a column "${options.columns.id}" ${where} (sheets read: ${
      seen.length === 0 ? 'none' : seen.map((s) => `"${s}"`).join(', ')
    }; hidden sheets are read only when named)`,
    'Name the call-ID column with --id-column, the sheet with --sheet, or the header row with --header-row.',
    displayName,
  );
}
