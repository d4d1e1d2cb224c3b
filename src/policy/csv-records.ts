import { parse, type Options } from 'csv-parse/sync';

/** A CSV record and the 1-based line of the file it starts on. */
export interface LocatedRecord {
  cells: string[];
  line: number;
}

/**
 * The records of a CSV text (holds, decisions, outcome map), each with the line it starts on, so
 * an id or an error names the right line across blank lines and quoted cells that span lines.
 * Line ends are made LF first: csv-parse's line count drifts on CRLF. Parse errors are thrown as
 * csv-parse's CsvError.
 */
export function locatedRecords(
  text: string,
  options: Omit<Options, 'info' | 'raw' | 'skip_empty_lines'> = {},
): LocatedRecord[] {
  const rows = parse(text.replace(/\r\n?/g, '\n'), {
    ...options,
    info: true,
    raw: true,
    skip_empty_lines: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number }; raw: string }>;
  return rows.map(({ record, info, raw }) => ({ cells: record, line: startLine(info.lines, raw) }));
}

/** csv-parse reports the line a record ends on; a quoted cell may span lines. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  let newlines = 0;
  for (const ch of body) if (ch === '\n') newlines++;
  return endLine - newlines;
}
