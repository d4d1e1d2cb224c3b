import { CallLogCollector } from './collector.js';
import type { CallLogOptions, CallLogResult } from './types.js';

/** How a non-CSV source is described in the report instead of an encoding and a delimiter. */
export type SourceFormat = 'xlsx' | 'json' | 'ndjson' | 'sql';

/**
 * Feeds rows of a workbook, a JSON file or a database into the same collector the CSV path
 * uses, so columns, presets, times and problems behave alike. Each record carries its own number
 * (sheet row, NDJSON line, record or query row), which the collector takes as its line, so
 * several records may share one number (one event per wrap-up code of a conversation).
 */
export class RecordFeed {
  private readonly collector: CallLogCollector;
  private readonly onRows: ((rows: number) => void) | undefined;

  /** `location` is what events and problems name: `calls.xlsx#Sheet1`, a file, a query. */
  constructor(location: string, options: CallLogOptions) {
    this.collector = new CallLogCollector(location, options, 1, false);
    this.onRows = options.onRows;
  }

  /** The header's columns the collector reads, once the header is in; null before. */
  get wantedColumns(): boolean[] | null {
    return this.collector.wantedColumns;
  }

  /** One record (the header first) at its source line. */
  row(cells: string[], line: number): void {
    this.collector.moveTo(line);
    this.collector.onRecord(cells, 0);
    const rows = this.collector.rows;
    if (rows > 0 && (rows & 0x1fff) === 0) this.onRows?.(rows);
  }

  /** A record that could not be read at all (a malformed JSON line). */
  unreadable(line: number, code: string, message: string): void {
    this.collector.moveTo(line);
    this.collector.onUnreadable(code, message);
  }

  /** Checks the collected rows (header present, bad rows under the limit) and builds the result. */
  result(file: string, sha256: string, format: SourceFormat, source?: string): CallLogResult {
    const c = this.collector;
    c.finish();
    this.onRows?.(c.rows);
    return {
      file,
      sha256,
      encoding: 'utf-8',
      encodingDetected: false,
      delimiter: 'none',
      format,
      ...(source !== undefined ? { source } : {}),
      headers: c.headers ?? [],
      rows: c.rows,
      events: c.events,
      problems: c.problems,
      firstAt: c.firstAt,
      lastAt: c.lastAt,
    };
  }
}
