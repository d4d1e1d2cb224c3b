import type { CallEvent } from '../audit/types.js';
import { CallauditError } from '../errors.js';
import { exceedsBadRowLimit, tooManyBadRowsError } from './bad-rows.js';
import { type ColumnIndexes, resolveColumns } from './columns.js';
import { LineTracker } from './line-tracker.js';
import { parseTime } from './parse-time.js';
import type { CallLogOptions, RowProblem } from './types.js';

/** Free-text "outcomes" would make interning a copy of the file; labels stop well before. */
const MAX_INTERNED_LABELS = 10_000;

/** The parts of a csv-parse CsvError that the collector reads. */
export interface SkippedRecord {
  code: string;
  message: string;
}

/**
 * Turns parsed CSV records into call events and row problems, keeping only the configured
 * columns of each record. The first non-blank record is the header. Records must arrive in
 * file order, blank lines included, because start lines are counted from them.
 */
export class CallLogCollector {
  headers: string[] | null = null;
  readonly events: CallEvent[] = [];
  readonly problems: RowProblem[] = [];
  rows = 0;
  firstAt: string | null = null;
  lastAt: string | null = null;
  /** Physical lines spanned by data records, good and bad. */
  dataLines = 0;
  /** Physical lines spanned by records that could not be read. */
  failedLines = 0;
  private firstBad: RowProblem | null = null;
  private columns: ColumnIndexes | null = null;
  private columnCount = 0;
  private readonly lines: LineTracker;
  private readonly labels = new Map<string, string>();

  /** `firstLine` is the line of the first record passed in, when lines before it were consumed. */
  constructor(
    private readonly file: string,
    private readonly options: CallLogOptions,
    firstLine = 1,
  ) {
    this.lines = new LineTracker(firstLine);
  }

  /** One record as csv-parse delivered it. */
  onRecord(record: string[]): void {
    const start = this.lines.advance(record);
    const end = this.lines.endLine;
    // An empty line or a line of spaces is blank to the reader of the file, not a broken record.
    if (record.length === 1 && end === start && (record[0] ?? '').trim() === '') return;
    const columns = this.columns;
    if (columns === null) {
      this.acceptHeader(record, start);
      return;
    }

    this.rows++;
    this.dataLines += end - start + 1;
    if (record.length !== this.columnCount) {
      this.fail(
        start,
        end,
        'WRONG_FIELD_COUNT',
        fieldCountMessage(this.columnCount, record.length, start, end),
      );
      return;
    }
    const callId = (record[columns.id] ?? '').trim();
    const outcome = (record[columns.outcome] ?? '').trim();
    // A call ID or outcome label never holds a line break: if one does, an unbalanced quote
    // has glued several rows into this record even though its field count happens to fit.
    if (end > start && (callId.includes('\n') || outcome.includes('\n'))) {
      this.fail(start, end, 'UNBALANCED_QUOTE', unbalancedMessage(start, end));
      return;
    }
    if (callId === '') {
      this.problem(
        start,
        'EMPTY_CALL_ID',
        `the call ID column "${this.headerAt(columns.id)}" is empty; row skipped`,
      );
      return;
    }
    const event: CallEvent = {
      callId,
      at: null,
      outcome: this.intern(outcome),
      file: this.file,
      line: start,
    };
    if (columns.time >= 0) event.at = this.readTime(record[columns.time] ?? '', columns.time, start);
    if (columns.customer >= 0) event.customerId = optional(record[columns.customer]);
    if (columns.notice >= 0) event.notice = optional(record[columns.notice]);
    if (columns.purpose >= 0) event.purpose = optional(record[columns.purpose]);
    this.events.push(event);
  }

  /**
   * A record csv-parse gave up on, reported after all records before it. The only such error
   * left under relaxed parsing is a quote still open at the end of the file, so the record runs
   * from the first line no record covered to `lastLine`, the last physical line of the file.
   */
  onSkip(error: SkippedRecord, lastLine: number): void {
    const start = this.lines.next;
    const end = Math.max(start, lastLine);
    if (this.columns === null) {
      throw new CallauditError(
        'CSV_BAD_HEADER',
        `the header row of ${this.file} cannot be parsed: ${error.message}`,
        'Check the quotes in the first line of the file, and --delimiter / --encoding.',
        this.file,
        start,
      );
    }
    this.rows++;
    this.dataLines += end - start + 1;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      this.fail(start, end, 'UNCLOSED_QUOTE', unclosedMessage(start, end));
    } else {
      this.fail(start, end, 'UNPARSEABLE_ROW', `${error.message} (line ${start}); row skipped`);
    }
  }

  /** Throws when the file had no header or too many unreadable lines. */
  finish(): void {
    if (this.headers === null) {
      throw new CallauditError(
        'CSV_EMPTY_FILE',
        `${this.file} has no header row (it holds only blank lines)`,
        'Export the call log again with a header row naming its columns.',
        this.file,
      );
    }
    if (this.firstBad !== null && exceedsBadRowLimit(this.failedLines, this.dataLines)) {
      throw tooManyBadRowsError(
        this.file,
        this.failedLines,
        this.dataLines,
        this.firstBad.line,
        this.firstBad.message,
      );
    }
  }

  /**
   * A CRM has a few dozen outcome labels over millions of rows: one string per label instead
   * of one per row (each also pinning the text chunk it was cut from).
   */
  private intern(label: string): string {
    const known = this.labels.get(label);
    if (known !== undefined) return known;
    if (this.labels.size < MAX_INTERNED_LABELS) this.labels.set(label, label);
    return label;
  }

  private acceptHeader(record: string[], line: number): void {
    this.columns = resolveColumns(record, this.options, this.file, line);
    this.headers = record;
    this.columnCount = record.length;
  }

  private readTime(raw: string, index: number, line: number): string | null {
    if (raw === '') return null;
    const at = parseTime(raw, this.options.timezone);
    if (at === null) {
      if (raw.trim() === '') return null;
      this.problem(
        line,
        'UNREADABLE_TIME',
        `the time "${raw.trim()}" in column "${this.headerAt(index)}" is not a date/time callaudit can read ` +
          '(e.g. 2026-10-03 09:15, 2026-10-03T09:15:00+02:00 or 3. 10. 2026 09:15); the row is kept without a time',
      );
      return null;
    }
    if (this.firstAt === null || at < this.firstAt) this.firstAt = at;
    if (this.lastAt === null || at > this.lastAt) this.lastAt = at;
    return at;
  }

  private fail(start: number, end: number, code: string, message: string): void {
    this.failedLines += end - start + 1;
    const problem = this.problem(start, code, message);
    if (this.firstBad === null) this.firstBad = problem;
  }

  private problem(line: number, code: string, message: string): RowProblem {
    const problem: RowProblem = { file: this.file, line, code, message };
    this.problems.push(problem);
    return problem;
  }

  private headerAt(index: number): string {
    return this.headers?.[index] ?? String(index + 1);
  }
}

function optional(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

function span(start: number, end: number): string {
  return end > start ? `lines ${start}–${end}` : `line ${start}`;
}

function fieldCountMessage(expected: number, got: number, start: number, end: number): string {
  const hint = end > start ? '; it runs over several lines, so a quote is probably not closed' : '';
  return `expected ${expected} fields as in the header but found ${got} (${span(start, end)})${hint}; row skipped`;
}

function unbalancedMessage(start: number, end: number): string {
  return `the call ID or outcome contains a line break (${span(start, end)}), so a quote is probably not closed; row skipped`;
}

function unclosedMessage(start: number, end: number): string {
  return `a quote opened in the record starting at line ${start} is never closed, so ${span(start, end)} (${
    end - start + 1
  } lines, up to the end of the file) could not be read`;
}
