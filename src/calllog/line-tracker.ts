/**
 * Start lines of CSV records, counted from the records themselves. After CRLF/CR are turned into
 * LF (see LineEndNormaliser), every line break inside a record sits inside a quoted field, so a
 * record spans one line plus the line breaks in its fields. This avoids csv-parse's per-record
 * info objects, which cost about as much as the parsing, and its CRLF miscount.
 */
export class LineTracker {
  constructor(private nextLine = 1) {}

  /**
   * Records one record, given or counting the line breaks in its fields; returns its start line.
   * `endLine` is then the line it ends on.
   */
  advance(record: readonly string[], lineBreaks = lineBreaksIn(record)): number {
    const start = this.nextLine;
    this.nextLine = start + 1 + lineBreaks;
    return start;
  }

  /** For a reader that numbers its own records (a sheet row, an NDJSON line): the next record's line. */
  moveTo(line: number): void {
    this.nextLine = line;
  }

  /** Line on which the last record ended (0 before any record). */
  get endLine(): number {
    return this.nextLine - 1;
  }

  /** First line not yet covered by a record. */
  get next(): number {
    return this.nextLine;
  }
}

export function lineBreaksIn(record: readonly string[]): number {
  let breaks = 0;
  for (const field of record) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) breaks++;
  }
  return breaks;
}
