import type { CountingSink, RecordSplitter } from './record-splitter.js';

/**
 * A CSV record splitter for the tidy files CRMs export, faster than csv-parse (docs/performance.md;
 * csv-parse turns every string chunk into a Buffer and every field back into a string). It
 * accepts exactly the quoting RFC 4180 allows: a field is either unquoted and free of quotes,
 * or wholly quoted with `""` for a quote. On anything else (a stray quote, text after a
 * closing quote, a quote left open at the end, a record of more than MAX_CARRY_CHARS) it throws
 * FastPathUnsupported and the reader starts the file again with csv-parse, whose relaxed rules
 * and error reports stay the reference. For the input it accepts it yields the same records as
 * csv-parse with the options in csv-options.ts (checked by test/calllog/fast-records.test.ts).
 * Input is text whose line breaks are already LF (see LineEndNormaliser).
 *
 * Once told which columns are wanted (keepOnly), it leaves every other field of a record empty
 * instead of cutting it out, which spares a string per unused field and row; a record keeps its
 * field count and its first field, so a blank line still reads as blank.
 */
export class FastPathUnsupported extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'FastPathUnsupported';
  }
}

/** An unfinished record this long is most likely an open quote; csv-parse reports it better. */
const MAX_CARRY_CHARS = 1 << 20;
const QUOTE = '"';
const QUOTE_CODE = 34;
const LF = '\n';

export class FastRecordSplitter implements RecordSplitter<string> {
  /** Its fields are slices of the decoded chunks. */
  readonly fieldsAreCopies = false;
  /** It never skips a record: it declines the file instead. */
  readonly skipped = [];
  private carry = '';
  private started = false;
  private wanted: readonly boolean[] | null = null;
  /** One '' per header column: copying it sizes a record exactly, where pushes over-allocate. */
  private blank: string[] = [];

  constructor(
    private readonly delimiter: string,
    private readonly emit: CountingSink,
  ) {}

  /** From the next record on, fields whose column is not `true` here come out as ''. */
  keepOnly(wanted: readonly boolean[] | null): void {
    // The first field is always kept: a record of one field may be a blank line.
    this.wanted = wanted === null ? null : [true, ...wanted.slice(1)];
    this.blank = wanted === null ? [] : wanted.map(() => '');
  }

  async split(chunks: AsyncIterable<string>): Promise<void> {
    for await (const chunk of chunks) this.push(chunk);
    this.end();
  }

  push(chunk: string): void {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      // csv-parse's `bom: true`; TextDecoder has usually dropped it already.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.carry.length > 0) text = this.finishCarry(text);
    const next = this.drain(text, false);
    this.carry = text.slice(next);
    if (this.carry.length > MAX_CARRY_CHARS) throw new FastPathUnsupported('record too long');
  }

  /**
   * Completes the record cut off at the end of the last chunk from the first lines of `chunk`
   * and returns the text left to drain. Searching `carry + chunk` would copy the whole chunk
   * into a flat string; joining only up to a line break copies a line or two. A record that
   * runs on (a long multi-line note) is joined with the whole chunk as before.
   */
  private finishCarry(chunk: string): string {
    let from = 0;
    for (let tries = 0; tries < 4; tries++) {
      const newline = chunk.indexOf(LF, from);
      if (newline === -1) break;
      const joined = this.carry + chunk.slice(from, newline + 1);
      this.carry = joined.slice(this.drain(joined, false));
      from = newline + 1;
      if (this.carry.length === 0) return chunk.slice(from);
    }
    const text = this.carry + chunk.slice(from);
    this.carry = '';
    return text;
  }

  end(): void {
    const text = this.carry;
    this.carry = '';
    if (text.length > 0) this.drain(text, true);
  }

  /** Emits every complete record of `text`; returns where the first incomplete one starts. */
  private drain(text: string, final: boolean): number {
    const { delimiter, emit } = this;
    let pos = 0;
    let quoteAt = text.indexOf(QUOTE);
    let delimiterAt = text.indexOf(delimiter);
    while (pos < text.length) {
      if (quoteAt !== -1 && quoteAt < pos) quoteAt = text.indexOf(QUOTE, pos);
      const newline = text.indexOf(LF, pos);
      const lineEnd = newline === -1 ? text.length : newline;
      if (quoteAt === -1 || quoteAt >= lineEnd) {
        if (newline === -1 && !final) return pos;
        const wanted = this.wanted;
        if (wanted === null) {
          emit(text.slice(pos, lineEnd).split(delimiter), 0);
        } else {
          // Kept across lines: a line without the delimiter must not rescan the rest of the text.
          if (delimiterAt !== -1 && delimiterAt < pos) delimiterAt = text.indexOf(delimiter, pos);
          emit(this.pickFields(text, pos, lineEnd, delimiterAt, wanted), 0);
        }
        pos = lineEnd + 1;
        continue;
      }
      const end = this.quotedRecord(text, pos, final);
      if (end === -1) return pos;
      pos = end;
    }
    return text.length;
  }

  /** The fields of the quote-free line text[start, lineEnd), only the wanted ones cut out. */
  private pickFields(
    text: string,
    start: number,
    lineEnd: number,
    firstDelimiter: number,
    wanted: readonly boolean[],
  ): string[] {
    const { delimiter } = this;
    const fields = this.blank.slice();
    let count = 0;
    let from = start;
    let end = firstDelimiter === -1 || firstDelimiter > lineEnd ? lineEnd : firstDelimiter;
    for (;;) {
      fields[count] = wanted[count] === true ? text.slice(from, end) : '';
      count++;
      if (end === lineEnd) {
        if (fields.length !== count) fields.length = count;
        return fields;
      }
      from = end + 1;
      end = text.indexOf(delimiter, from);
      if (end === -1 || end > lineEnd) end = lineEnd;
    }
  }

  private emitFields(fields: string[], count: number, lineBreaks: number): void {
    if (fields.length !== count) fields.length = count;
    this.emit(fields, lineBreaks);
  }

  /**
   * Reads one record holding quotes from `start`; emits it and returns the index after it, or
   * -1 when the text ends before the record does (and more may come).
   */
  private quotedRecord(text: string, start: number, final: boolean): number {
    const { delimiter, wanted } = this;
    const fields = this.blank.slice();
    let count = 0;
    let lineBreaks = 0;
    let i = start;
    for (;;) {
      if (text[i] === QUOTE) {
        const keep = wanted === null || wanted[count] === true;
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf(QUOTE, from);
          if (close === -1) {
            if (final) throw new FastPathUnsupported('quote not closed');
            return -1;
          }
          lineBreaks += countLineBreaks(text, from, close);
          if (close + 1 === text.length) {
            // Is it `""` split across chunks, or the end of the field?
            if (!final) return -1;
            fields[count++] = keep ? value + text.slice(from, close) : '';
            this.emitFields(fields, count, lineBreaks);
            return text.length;
          }
          const after = text[close + 1];
          if (after === QUOTE) {
            if (keep) value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          fields[count++] = keep ? value + text.slice(from, close) : '';
          if (after === delimiter) {
            i = close + 2;
            break;
          }
          if (after === LF) {
            this.emitFields(fields, count, lineBreaks);
            return close + 2;
          }
          throw new FastPathUnsupported('text after a closing quote');
        }
        continue;
      }
      // An unquoted field runs to the next delimiter or line break and may hold no quote.
      let end = text.indexOf(delimiter, i);
      const newline = text.indexOf(LF, i);
      const lineEnd = newline === -1 ? text.length : newline;
      if (end === -1 || end > lineEnd) end = lineEnd;
      // A bounded scan: indexOf could run far past this short field on every call.
      for (let k = i; k < end; k++) {
        if (text.charCodeAt(k) === QUOTE_CODE)
          throw new FastPathUnsupported('quote inside an unquoted field');
      }
      if (end === text.length && !final) return -1;
      fields[count] = wanted === null || wanted[count] === true ? text.slice(i, end) : '';
      count++;
      if (end === lineEnd) {
        this.emitFields(fields, count, lineBreaks);
        return lineEnd + 1;
      }
      i = end + 1;
    }
  }
}

function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let at = text.indexOf(LF, from); at !== -1 && at < to; at = text.indexOf(LF, at + 1)) breaks++;
  return breaks;
}
