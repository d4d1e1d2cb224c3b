import type { CallEvent } from '../audit/types.js';
import { CallauditError } from '../errors.js';
import { exceedsBadRowLimit, tooManyBadRowsError } from './bad-rows.js';
import { type ColumnIndexes, resolveColumns } from './columns.js';
import { detach } from './detach.js';
import { LineTracker } from './line-tracker.js';
import { explainHeaderless } from './header-is-data.js';
import { isAmbiguous, makeTimeReader, type TimeReading } from './time-reader.js';
import type { SkippedRecord } from './record-splitter.js';
import type { CallLogOptions, RowProblem } from './types.js';

/**
 * Times before this are implausible for a call: Excel's zero date (1900-01-01), a year typed as
 * 0026. ISO UTC strings of years 1970–9999 order like their instants; an expanded year
 * (`+010000`, `-000001`) sorts before it too.
 */
const EARLIEST_PLAUSIBLE = '1970-01-01T00:00:00.000Z';
const ONE_DAY_MS = 24 * 60 * 60 * 1000;
/** readTime's answer for a time that was read but cannot be true. */
const IMPLAUSIBLE = Symbol('implausible time');

/** Free-text "outcomes" would make interning a copy of the file; labels stop well before. */
const MAX_INTERNED_LABELS = 10_000;

/**
 * What a record splitter hands its records to (see splitInto in record-splitter.ts): records in
 * file order, blank lines included, and once the header is in, the columns it reads.
 */
export interface RecordCollector {
  onRecord(record: string[], lineBreaks?: number): void;
  /** Data records seen so far. */
  readonly rows: number;
  /** The header's columns read from data records; null until the header is in. */
  readonly wantedColumns: boolean[] | null;
}

/**
 * Turns parsed CSV records into call events and row problems, keeping only the configured
 * columns of each record. The first non-blank record is the header. Records must arrive in
 * file order, blank lines included, because start lines are counted from them.
 */
export class CallLogCollector implements RecordCollector {
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
  private readonly readTimeValue: (raw: string) => TimeReading;
  /** The ID column, then the preset's per-row ID fallbacks present in the header. */
  private idIndexes: number[] = [];
  private links: number[] = [];
  /** Columns read from data records, known once the header is: the rest may arrive empty. */
  wantedColumns: boolean[] | null = null;
  /** For a header-less file: the column layout assumed from the first record. */
  layout: string | undefined;
  private readonly labels = new Map<string, string>();
  /** Event times after this (ISO UTC) are implausible; null when no reference time was given. */
  private readonly latestPlausible: string | null;

  /**
   * What a kept field goes through: detach for fields cut from a larger string, nothing for
   * fields that are copies already.
   */
  private readonly keep: (text: string) => string;

  /**
   * `firstLine` is the line of the first record passed in, when lines before it were consumed.
   * `fieldsAreCopies`: what the record splitter says of its fields (RecordSplitter): fresh
   * copies need no detaching, slices of a decoded chunk do.
   */
  constructor(
    private readonly file: string,
    private readonly options: CallLogOptions,
    firstLine = 1,
    fieldsAreCopies = false,
  ) {
    this.keep = fieldsAreCopies ? (text) => text : detach;
    this.lines = new LineTracker(firstLine);
    this.readTimeValue = makeTimeReader(options.timezone, options.dateFormat, fieldsAreCopies);
    this.latestPlausible =
      options.now === undefined ? null : new Date(Date.parse(options.now) + ONE_DAY_MS).toISOString();
  }

  /**
   * One record as a splitter (or csv-parse) delivered it; `lineBreaks`, the line breaks inside its fields, when
   * the splitter already knows.
   */
  onRecord(record: string[], lineBreaks?: number): void {
    const start = this.lines.advance(record, lineBreaks);
    const end = this.lines.endLine;
    // An empty line or a line of spaces is blank to the reader of the file, not a broken record.
    if (record.length === 1 && end === start && (record[0] ?? '').trim() === '') return;
    if (this.columns === null) {
      const headerless = this.options.preset?.headerless;
      if (!headerless) {
        this.acceptHeader(record, start);
        return;
      }
      this.acceptHeaderless(record, headerless, start);
    }
    const columns = this.columns!;

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
    const callId = this.callIdOf(record);
    const outcome = this.outcomeOf((record[columns.outcome] ?? '').trim());
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
    if (this.holdsNul(record)) {
      this.fail(start, end, 'NUL_IN_FIELD', nulMessage(start, end));
      return;
    }
    const at = columns.time >= 0 ? this.readTime(record[columns.time] ?? '', columns.time, start) : null;
    const event: CallEvent = {
      callId: this.keep(callId),
      at: at === IMPLAUSIBLE ? null : at,
      outcome: this.intern(outcome),
      file: this.file,
      line: start,
    };
    if (columns.customer >= 0) event.customerId = this.optional(record[columns.customer]);
    if (columns.notice >= 0) event.notice = this.optional(record[columns.notice]);
    if (columns.purpose >= 0) event.purpose = this.optional(record[columns.purpose]);
    if (at === IMPLAUSIBLE) event.timeImplausible = true;
    this.addPresetFields(event, record);
    this.events.push(event);
  }

  /**
   * A NUL byte never belongs in a CSV text field: it comes from a binary file or a damaged
   * export, and glued into a call ID it would make a key that matches nothing. Only the columns
   * the audit reads are looked at.
   */
  private holdsNul(record: string[]): boolean {
    const wanted = this.wantedColumns!;
    for (let i = 0; i < record.length; i++) {
      if (wanted[i] && record[i]!.includes('\0')) return true;
    }
    return false;
  }

  private callIdOf(record: string[]): string {
    const transform = this.options.preset?.idTransform;
    for (const index of this.idIndexes) {
      const value = (record[index] ?? '').trim();
      if (value !== '') return transform === undefined ? value : transform(value).trim();
    }
    return '';
  }

  private outcomeOf(raw: string): string {
    const labels = this.options.preset?.outcomeLabels;
    return labels === undefined ? raw : (labels[raw.toLowerCase()] ?? raw);
  }

  private addPresetFields(event: CallEvent, record: string[]): void {
    if (this.options.preset?.telephony) event.telephony = true;
    if (this.links.length === 0) return;
    const linked = this.links
      .map((i) => this.keep((record[i] ?? '').trim()))
      .filter((v) => v && v !== event.callId);
    if (linked.length > 0) event.linkedIds = linked;
  }

  private acceptHeaderless(
    record: string[],
    headerless: NonNullable<NonNullable<CallLogOptions['preset']>['headerless']>,
    line: number,
  ): void {
    const layout = headerless(record);
    if (layout === null) {
      throw new CallauditError(
        'CSV_UNKNOWN_LAYOUT',
        `${this.file} has no header row and ${record.length} columns, which matches no known layout of this preset`,
        'Asterisk Master.csv has 16, 17, 18, 19, 20 or 21 columns depending on cdr.conf; check --delimiter, or name the columns with a header row and drop the preset.',
        this.file,
        line,
      );
    }
    this.layout = layout.description;
    this.acceptHeader(layout.headers, line);
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

  /**
   * The line the next record starts on, for a reader whose records are numbered by their source
   * (a sheet row, an NDJSON line) rather than counted here: events, problems, their messages and
   * errors then name that number.
   */
  moveTo(line: number): void {
    this.lines.moveTo(line);
  }

  /**
   * A record another reader could not parse at all (a malformed NDJSON line), one line long:
   * skipped and counted against the bad-row limit like a broken CSV row.
   */
  onUnreadable(code: string, message: string): void {
    const start = this.lines.advance([''], 0);
    this.rows++;
    this.dataLines++;
    this.fail(start, start, code, message);
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
    const copy = this.keep(label);
    if (this.labels.size < MAX_INTERNED_LABELS) this.labels.set(copy, copy);
    return copy;
  }

  private acceptHeader(record: string[], line: number): void {
    try {
      this.columns = resolveColumns(record, this.options.columns, this.file, line);
    } catch (error) {
      throw explainHeaderless(error, record, this.file, line);
    }
    const { id, outcome, time, customer, notice, purpose, idFallbacks, links } = this.columns;
    this.idIndexes = [id, ...idFallbacks];
    this.links = links;
    const used = new Set([id, outcome, time, customer, notice, purpose, ...idFallbacks, ...links]);
    this.wantedColumns = record.map((_, index) => used.has(index));
    this.headers = record;
    this.columnCount = record.length;
  }

  private readTime(raw: string, index: number, line: number): string | typeof IMPLAUSIBLE | null {
    if (raw === '') return null;
    const at = this.readTimeValue(raw);
    if (isAmbiguous(at)) {
      throw new CallauditError(
        'AMBIGUOUS_DATE',
        `the date "${raw.trim()}" in column "${this.headerAt(index)}" can be read as ${at.readings[0]} or as ${at.readings[1]}`,
        'Say how the file writes dates with --date-format (luxon tokens), e.g. --date-format "dd/MM/yyyy HH:mm" or "MM/dd/yyyy h:mm a".',
        this.file,
        line,
      );
    }
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
    if (at < EARLIEST_PLAUSIBLE || (this.latestPlausible !== null && at > this.latestPlausible)) {
      this.problem(
        line,
        'IMPLAUSIBLE_TIME',
        `the time "${raw.trim()}" in column "${this.headerAt(index)}" lies ${
          at < EARLIEST_PLAUSIBLE ? 'before 1970' : "more than a day after the audit's reference time (--now)"
        } (a zero or placeholder date?); the row is kept without a time, and no retention deadline is counted from it`,
      );
      return IMPLAUSIBLE;
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

  private optional(value: string | undefined): string | null {
    const text = value?.trim() ?? '';
    return text === '' ? null : this.keep(text);
  }

  private headerAt(index: number): string {
    return this.headers?.[index] ?? String(index + 1);
  }
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

function nulMessage(start: number, end: number): string {
  return `a field the audit reads holds a NUL byte (${span(start, end)}): binary data or a damaged export; row skipped`;
}

function unclosedMessage(start: number, end: number): string {
  return `a quote opened in the record starting at line ${start} is never closed, so ${span(start, end)} (${
    end - start + 1
  } lines, up to the end of the file) could not be read`;
}
