import type { CallEvent } from '../audit/types.js';

/** Encodings the reader can decode; `auto` is resolved to one of these. */
export type CallLogEncoding = 'utf-8' | 'windows-1250' | 'utf-16le';
export type CallLogDelimiter = ',' | ';' | '\t';

export interface CallLogOptions {
  /** Header of the call-ID column; the caller applies the default `call_id`. */
  idColumn: string;
  /** Header of the outcome column; the caller applies the default `outcome`. */
  outcomeColumn: string;
  timeColumn?: string;
  /** Read only when the header has it: a missing customer column is not an error. */
  customerColumn?: string;
  noticeColumn?: string;
  purposeColumn?: string;
  encoding: 'auto' | CallLogEncoding;
  delimiter: 'auto' | CallLogDelimiter;
  /** IANA zone for times written without an offset, e.g. `Europe/Ljubljana`. */
  timezone: string;
  /** Told the number of rows read so far, every few thousand rows (progress display). */
  onRows?: (rows: number) => void;
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
  delimiter: CallLogDelimiter;
  headers: string[];
  /** Data records seen: parsed ones plus skipped ones. */
  rows: number;
  events: CallEvent[];
  problems: RowProblem[];
  firstAt: string | null;
  lastAt: string | null;
}
