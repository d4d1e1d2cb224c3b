/**
 * A CSV record splitter for the tidy files CRMs export, about three times faster than csv-parse
 * (which turns every string chunk into a Buffer and every field back into a string). It
 * accepts exactly the quoting RFC 4180 allows: a field is either unquoted and free of quotes,
 * or wholly quoted with `""` for a quote. On anything else (a stray quote, text after a
 * closing quote, a quote left open at the end, a record of more than MAX_CARRY_CHARS) it throws
 * FastPathUnsupported and the reader starts the file again with csv-parse, whose relaxed rules
 * and error reports stay the reference. For the input it accepts it yields the same records as
 * csv-parse with the options in csv-options.ts (checked by test/calllog/fast-records.test.ts).
 * Input is text whose line breaks are already LF (see LineEndNormaliser).
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

export class FastRecordSplitter {
  private carry = '';
  private started = false;

  constructor(
    private readonly delimiter: string,
    private readonly emit: (record: string[]) => void,
  ) {}

  push(chunk: string): void {
    let text = this.carry.length > 0 ? this.carry + chunk : chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      // csv-parse's `bom: true`; TextDecoder has usually dropped it already.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const next = this.drain(text, false);
    this.carry = text.slice(next);
    if (this.carry.length > MAX_CARRY_CHARS) throw new FastPathUnsupported('record too long');
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
    while (pos < text.length) {
      if (quoteAt !== -1 && quoteAt < pos) quoteAt = text.indexOf(QUOTE, pos);
      const newline = text.indexOf(LF, pos);
      const lineEnd = newline === -1 ? text.length : newline;
      if (quoteAt === -1 || quoteAt >= lineEnd) {
        if (newline === -1 && !final) return pos;
        emit(text.slice(pos, lineEnd).split(delimiter));
        pos = lineEnd + 1;
        continue;
      }
      const end = this.quotedRecord(text, pos, final);
      if (end === -1) return pos;
      pos = end;
    }
    return text.length;
  }

  /**
   * Reads one record holding quotes from `start`; emits it and returns the index after it, or
   * -1 when the text ends before the record does (and more may come).
   */
  private quotedRecord(text: string, start: number, final: boolean): number {
    const { delimiter } = this;
    const fields: string[] = [];
    let i = start;
    for (;;) {
      if (text[i] === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf(QUOTE, from);
          if (close === -1) {
            if (final) throw new FastPathUnsupported('quote not closed');
            return -1;
          }
          if (close + 1 === text.length) {
            // Is it `""` split across chunks, or the end of the field?
            if (!final) return -1;
            fields.push(value + text.slice(from, close));
            this.emit(fields);
            return text.length;
          }
          const after = text[close + 1];
          if (after === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          fields.push(value + text.slice(from, close));
          if (after === delimiter) {
            i = close + 2;
            break;
          }
          if (after === LF) {
            this.emit(fields);
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
      fields.push(text.slice(i, end));
      if (end === lineEnd) {
        this.emit(fields);
        return lineEnd + 1;
      }
      i = end + 1;
    }
  }
}
