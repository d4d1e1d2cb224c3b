import type { CsvError, Options } from 'csv-parse';
import type { CallLogDelimiter } from './types.js';

/**
 * Largest record accepted. Real notes stay below 32 000 characters; a bigger record is an
 * unclosed quote eating the file, and csv-parse cannot resume after this limit.
 */
export const MAX_RECORD_BYTES = 32 * 1024 * 1024;

/**
 * csv-parse options for LF-only text (see LineEndNormaliser). Records come out as string
 * arrays, blank lines included (as `['']`), so the collector can count every physical line.
 * `onSkip` receives the records csv-parse gives up on; with relaxed quotes and column counts
 * that is only a quote still open at the end of the file, or a record over MAX_RECORD_BYTES.
 */
export function csvParseOptions(delimiter: CallLogDelimiter, onSkip: (error: CsvError) => void): Options {
  return {
    delimiter,
    bom: true,
    record_delimiter: '\n',
    relax_quotes: true,
    // Field counts are checked by the collector, which can say which row and why.
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    on_skip: (error: CsvError | undefined) => {
      if (error !== undefined) onSkip(error);
      return undefined;
    },
  };
}
