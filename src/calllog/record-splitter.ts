import type { RecordCollector } from './collector.js';

/** Receives one record and, when the splitter counted them, the line breaks inside its fields. */
export type RecordSink = (record: string[], lineBreaks?: number) => void;
/** The sink of a splitter that always counts the line breaks in a record's fields. */
export type CountingSink = (record: string[], lineBreaks: number) => void;

/** A record the splitter gave up on, as csv-parse reports it. */
export interface SkippedRecord {
  code: string;
  message: string;
}

/**
 * One way of cutting a call log into records, each handed to the sink given at construction in
 * file order. csv-parse's (CsvParseSplitter) is the reference: the fast splitters must give the
 * same records and line breaks for every input they accept, and throw FastPathUnsupported for
 * the rest (test/calllog/record-splitter-contract.test.ts holds all of them to it).
 */
export interface RecordSplitter<Chunk> {
  /**
   * Whether every field is a fresh string (decoded from bytes) rather than a slice of a larger
   * chunk: a slice the collector keeps must be detached, or it pins its whole chunk.
   */
  readonly fieldsAreCopies: boolean;
  /** Records given up on and left out, reported once every record before them is collected. */
  readonly skipped: readonly SkippedRecord[];
  /** From the next record on, fields whose column is not `true` may come out as ''. */
  keepOnly(wanted: readonly boolean[] | null): void;
  /** Splits every chunk to the end of the input. */
  split(chunks: AsyncIterable<Chunk>): Promise<void>;
}

/** How often, in records, the reader is told how many rows it has read (a power of two, minus one). */
const PROGRESS_MASK = 0x1fff;

/**
 * Runs a splitter into a collector: made with a sink that collects each record, tells `onRows`
 * every few thousand rows and, once the collector knows its columns, asks the splitter for only
 * those. The collector is made after the splitter, because whether it detaches what it keeps
 * depends on the splitter.
 */
export async function splitInto<Chunk, Collector extends RecordCollector>(
  chunks: AsyncIterable<Chunk>,
  makeSplitter: (sink: RecordSink) => RecordSplitter<Chunk>,
  makeCollector: (fieldsAreCopies: boolean) => Collector,
  onRows?: (rows: number) => void,
): Promise<{ collector: Collector; skipped: readonly SkippedRecord[] }> {
  let narrowed = false;
  const splitter = makeSplitter((record, lineBreaks) => {
    collector.onRecord(record, lineBreaks);
    if (onRows !== undefined && collector.rows > 0 && (collector.rows & PROGRESS_MASK) === 0)
      onRows(collector.rows);
    if (!narrowed && collector.wantedColumns !== null) {
      narrowed = true;
      splitter.keepOnly(collector.wantedColumns);
    }
  });
  const collector = makeCollector(splitter.fieldsAreCopies);
  await splitter.split(chunks);
  return { collector, skipped: splitter.skipped };
}
