import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { recordTooLargeError } from './bad-rows.js';
import { csvParseOptions, MAX_RECORD_BYTES } from './csv-options.js';
import type { RecordSink, RecordSplitter, SkippedRecord } from './record-splitter.js';
import type { CallLogDelimiter } from './types.js';

/**
 * The reference splitter: csv-parse with relaxed quotes, for text with LF line breaks. It reads
 * whatever the fast splitters decline; its fields are slices of its input, and it reads every
 * column whatever it is asked to keep.
 */
export class CsvParseSplitter implements RecordSplitter<string> {
  readonly fieldsAreCopies = false;
  readonly skipped: SkippedRecord[] = [];

  /** `displayName` names the file in the error about a record too large to read. */
  constructor(
    private readonly delimiter: CallLogDelimiter,
    private readonly emit: RecordSink,
    private readonly displayName: string,
  ) {}

  keepOnly(): void {}

  async split(chunks: AsyncIterable<string>): Promise<void> {
    const parser = parse(
      csvParseOptions(this.delimiter, (error) => {
        // csv-parse cannot resume after this one: stop instead of dropping text silently.
        if (error.code === 'CSV_MAX_RECORD_SIZE') {
          throw recordTooLargeError(this.displayName, Number(error.lines), MAX_RECORD_BYTES);
        }
        this.skipped.push({ code: error.code, message: error.message });
      }),
    );
    const emit = this.emit;
    await pipeline(chunks, parser, async function (records: AsyncIterable<string[]>) {
      for await (const record of records) emit(record);
    });
  }
}
