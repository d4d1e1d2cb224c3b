import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import unzipper, { type Entry } from 'unzipper';

/** A merged range, 1-based rows and columns, both ends included. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const SHEET_ENTRY = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const MERGE_REF = /<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
const END_OF_ROWS = '</sheetData>';

/**
 * The merged ranges of every sheet, by the sheet's number in its part name (exceljs's sheet id).
 * exceljs's streaming reader ignores <mergeCells>, which follows the rows in the sheet's XML, so
 * this pass inflates each sheet once more and keeps only the text after </sheetData>: memory stays
 * bounded by the merge list, not by the rows. Rejects on any damage: rows under a merged call ID
 * would otherwise lose it.
 */
export function readMergedRanges(path: string): Promise<Map<string, MergedRange[]>> {
  const input = createReadStream(path);
  const zip = input.pipe(unzipper.Parse({ forceStream: true }));
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.destroy();
      input.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    // A truncated workbook ends the parser inside an entry: it reports FILE_ENDED on itself, not
    // on the entry being read, whose reader would otherwise wait for bytes that never come.
    zip.on('error', fail);
    input.on('error', fail);
    // The parser also stops, without an error, when the file ends between two parts: only a file
    // that ends with its end-of-directory record is whole.
    Promise.all([collect(zip), endsWithZipDirectory(path)]).then(([merges, whole]) => {
      if (whole) resolve(merges);
      else fail(new Error('the file ends before its last part (truncated)'));
    }, fail);
  });
}

const END_OF_DIRECTORY = 0x06054b50;
const END_OF_DIRECTORY_SIZE = 22;
const MAX_ZIP_COMMENT = 0xffff;

/** True when the file's last bytes are a ZIP end-of-central-directory record (with its comment). */
async function endsWithZipDirectory(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const length = Math.min(size, END_OF_DIRECTORY_SIZE + MAX_ZIP_COMMENT);
    const tail = Buffer.alloc(length);
    await file.read(tail, 0, length, size - length);
    for (let at = length - END_OF_DIRECTORY_SIZE; at >= 0; at--) {
      if (tail.readUInt32LE(at) !== END_OF_DIRECTORY) continue;
      if (at + END_OF_DIRECTORY_SIZE + tail.readUInt16LE(at + 20) === length) return true;
    }
    return false;
  } finally {
    await file.close();
  }
}

async function collect(zip: AsyncIterable<unknown>): Promise<Map<string, MergedRange[]>> {
  const merges = new Map<string, MergedRange[]>();
  for await (const item of zip) {
    const entry = item as Entry;
    const sheet = SHEET_ENTRY.exec(entry.path)?.[1];
    if (sheet === undefined) {
      await entry.autodrain().promise();
      continue;
    }
    const ranges = await rangesOf(entry);
    if (ranges.length > 0) merges.set(sheet, ranges);
  }
  return merges;
}

async function rangesOf(entry: Entry): Promise<MergedRange[]> {
  let tail = '';
  let afterRows = false;
  for await (const chunk of entry) {
    // latin1 keeps one character per byte, so a multi-byte character split across chunks is harmless here.
    const text = tail + (chunk as Buffer).toString('latin1');
    if (afterRows) {
      tail = text;
      continue;
    }
    const end = text.indexOf(END_OF_ROWS);
    if (end >= 0) {
      afterRows = true;
      tail = text.slice(end);
    } else {
      tail = text.slice(-END_OF_ROWS.length);
    }
  }
  const ranges: MergedRange[] = [];
  for (const m of tail.matchAll(MERGE_REF)) {
    const [top, bottom] = [Number(m[2]), Number(m[4])];
    const [left, right] = [columnNumber(m[1]!), columnNumber(m[3]!)];
    ranges.push({
      top: Math.min(top, bottom),
      bottom: Math.max(top, bottom),
      left: Math.min(left, right),
      right: Math.max(left, right),
    });
  }
  return ranges.sort((a, b) => a.top - b.top || a.left - b.left);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/**
 * Fills the cells a merge hides: the top-left cell's value applies to every row of the range, in
 * the range's first column (a call ID or date merged over several outcome rows). The other columns
 * of a wider range stay empty, as Excel shows them: copying a value sideways would put it under
 * another heading. Rows must come in ascending order, as a sheet's rows do.
 */
export class MergeFiller {
  private next = 0;
  private active: Array<{ range: MergedRange; value: string }> = [];

  constructor(private readonly ranges: readonly MergedRange[]) {}

  fill(rowNumber: number, cells: string[]): void {
    if (this.ranges.length === 0) return;
    this.active = this.active.filter((a) => a.range.bottom >= rowNumber);
    while (this.next < this.ranges.length && this.ranges[this.next]!.top <= rowNumber) {
      const range = this.ranges[this.next++]!;
      if (range.top === rowNumber && range.bottom > range.top)
        this.active.push({ range, value: cells[range.left - 1] ?? '' });
    }
    for (const { range, value } of this.active) {
      if (range.top === rowNumber || value === '') continue;
      while (cells.length < range.left) cells.push('');
      if (cells[range.left - 1] === '') cells[range.left - 1] = value;
    }
  }
}
