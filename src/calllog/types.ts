import type { CallEvent } from '../audit/types.js';
import type { ColumnMapping } from '../config/column-mapping.js';
import type { SqlChoice } from './sql-source.js';
import type { WorkbookChoice } from './xlsx-source.js';

/** Encodings the reader can decode; `auto` is resolved to one of these. */
export type CallLogEncoding = 'utf-8' | 'windows-1250' | 'utf-16le';
export type CallLogDelimiter = ',' | ';' | '\t';

export interface CallLogOptions {
  /** Which columns to read, resolved with the source (src/config/column-mapping.ts). */
  columns: ColumnMapping;
  encoding: 'auto' | CallLogEncoding;
  delimiter: 'auto' | CallLogDelimiter;
  /** IANA zone for times written without an offset, e.g. `Europe/Ljubljana`. */
  timezone: string;
  /**
   * The run's reference time (`--now`, else the clock), ISO 8601 UTC: an event more than a day
   * after it, or before 1970, is implausible and its time is treated as unknown. Absent: no check.
   */
  now?: string;
  /** luxon format tokens (e.g. `dd/MM/yyyy HH:mm`); when set, the only time shape accepted. */
  dateFormat?: string;
  /** How the source's call-log preset reads values. */
  preset?: PresetReading;
  /** For an Excel workbook: which sheet, and where its header is. */
  workbook?: WorkbookChoice;
  /** For a database: the table or query, and the period to read. */
  sql?: SqlChoice;
  /** For a JSON file: the dotted path of the array of records, when the file holds several. */
  records?: string;
  /** Told the number of rows read so far, every few thousand rows (progress display). */
  onRows?: (rows: number) => void;
}

/** How a call-log preset reads values (its columns are in `columns`); every field optional. */
interface PresetReading {
  /** Turns an ID cell into the call ID (e.g. the uniqueid inside an Asterisk recordingfile). */
  idTransform?: (value: string) => string;
  /** Outcome codes → labels (HubSpot GUIDs). */
  outcomeLabels?: Record<string, string>;
  /** For header-less files: names the columns from the first record. */
  headerless?: (first: readonly string[]) => { headers: string[]; description: string } | null;
  /** Marks the events as telephony rows (CDR), which carry no business outcome. */
  telephony?: boolean;
}

export interface RowProblem {
  file: string;
  /** 1-based line where the CSV record starts (the header is line 1). */
  line: number;
  code: string;
  message: string;
}

export interface CallLogResult {
  file: string;
  sha256: string;
  encoding: CallLogEncoding;
  encodingDetected: boolean;
  /** `none` for a source that is not CSV (see `format`). */
  delimiter: CallLogDelimiter | 'none';
  /** Set for a source that is not CSV: a workbook, JSON, NDJSON or a database query. */
  format?: 'xlsx' | 'json' | 'ndjson' | 'sql';
  /** Where in the source the rows came from: the sheet, the records path, the query. */
  source?: string;
  headers: string[];
  /** Data records seen: parsed ones plus skipped ones. */
  rows: number;
  events: CallEvent[];
  problems: RowProblem[];
  firstAt: string | null;
  lastAt: string | null;
  /** For a database table read for a period only: that period, ISO UTC (its coverage). */
  period?: { from: string; to: string };
  /** For a header-less file: which column layout was assumed. */
  layout?: string;
}
