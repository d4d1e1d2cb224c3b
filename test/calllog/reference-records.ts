import { parse } from 'csv-parse/sync';
import { csvParseOptions } from '../../src/calllog/csv-options.js';
import type { CallLogDelimiter } from '../../src/calllog/types.js';

/** csv-parse with the reader's options, the reference the splitters are held to: records, and how many rows it skipped. */
export function parseAsReference(text: string, delimiter: CallLogDelimiter) {
  let skipped = 0;
  const records = parse(
    text,
    csvParseOptions(delimiter, () => {
      skipped++;
    }),
  ) as string[][];
  return { records, skipped };
}

/**
 * Reference records as a splitter told to keep only `wanted` columns gives them: the header
 * whole, and in later records the other columns empty (column 0, the first, is always kept).
 */
export function withOnlyWanted(records: string[][], wanted: boolean[] | null): string[][] {
  const keep = (column: number) => wanted === null || column === 0 || wanted[column] === true;
  return records.map((record, index) =>
    index === 0 ? record : record.map((field, column) => (keep(column) ? field : '')),
  );
}
