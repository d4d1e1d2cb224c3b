import { FastPathUnsupported } from './fast-records.js';
import type { CountingSink, RecordSplitter } from './record-splitter.js';
import type { FieldDecoder } from './field-decoders.js';
import { detectBom } from './encoding.js';

/**
 * FastRecordSplitter's rules applied to the raw bytes of a UTF-8 or Windows-1250 file, before
 * any decoding. In both encodings the quote, the delimiters, CR and LF are single ASCII bytes
 * that never occur inside another character, so records and fields can be found in the bytes,
 * and only the wanted fields are turned into strings. That spares decoding the whole file into
 * 64 KiB strings, the substrings cut from them and the copies (detach) made to let the chunks
 * go, which cost more than the splitting itself.
 *
 * Line breaks are LF, CRLF or a lone CR, as LineEndNormaliser reads them: each ends a record
 * outside quotes and counts as one line inside them, where it comes out as LF. Anything the
 * string splitter declines (a stray quote, text after a closing quote, a quote left open at the
 * end, a record over MAX_CARRY_BYTES) throws FastPathUnsupported here too, and the reader
 * starts again with csv-parse. test/calllog/byte-records.test.ts checks it against csv-parse.
 */

/** An unfinished record this long is most likely an open quote; csv-parse reports it better. */
const MAX_CARRY_BYTES = 1 << 20;
const QUOTE = 34;
const LF = 10;
const CR = 13;
/** U+FEFF in UTF-8, which csv-parse's `bom: true` drops at the start of the text. */
const BOM = [0xef, 0xbb, 0xbf] as const;

export class ByteRecordSplitter implements RecordSplitter<Buffer> {
  /** Each wanted field is decoded from the bytes into a fresh string: nothing to detach. */
  readonly fieldsAreCopies = true;
  /** It never skips a record: it declines the file instead. */
  readonly skipped = [];
  /** Holds the unfinished record at the end of the last chunk, its first `carried` bytes. */
  private work = Buffer.allocUnsafe(0);
  private carried = 0;
  private started = false;
  private wanted: readonly boolean[] | null = null;
  /**
   * Once the header is known, the one array every record is written into: a record is handed
   * over for the length of the emit call only, and the collector keeps its fields, not it.
   */
  private reused: string[] | null = null;
  private readonly delimiter: number;

  /** `dropBom`: whether a UTF-8 BOM at the start is dropped, as FastRecordSplitter drops U+FEFF. */
  constructor(
    delimiter: string,
    private readonly decode: FieldDecoder,
    private readonly emit: CountingSink,
    private readonly dropBom: boolean,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** From the next record on, fields whose column is not `true` here come out as ''. */
  keepOnly(wanted: readonly boolean[] | null): void {
    // The first field is always kept: a record of one field may be a blank line.
    this.wanted = wanted === null ? null : [true, ...wanted.slice(1)];
    this.reused = wanted === null ? null : wanted.map(() => '');
  }

  async split(chunks: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of chunks) this.push(chunk);
    this.end();
  }

  /** Splits what `chunk` completes; `chunk` may be reused by the caller afterwards. */
  push(chunk: Buffer): void {
    let bytes = chunk;
    if (this.carried > 0) {
      // The unfinished record waits at the start of `work`; the chunk goes after it.
      this.reserve(this.carried + chunk.length);
      chunk.copy(this.work, this.carried);
      bytes = this.work.subarray(0, this.carried + chunk.length);
    }
    const next = this.drain(bytes, false);
    const rest = bytes.length - next;
    if (rest > MAX_CARRY_BYTES) throw new FastPathUnsupported('record too long');
    // A copy in either case: the caller refills `chunk`, and `work` is written over next time.
    if (rest > 0) {
      if (bytes === chunk) {
        this.reserve(rest);
        chunk.copy(this.work, 0, next);
      } else {
        this.work.copyWithin(0, next, bytes.length);
      }
    }
    this.carried = rest;
  }

  end(): void {
    const carried = this.carried;
    this.carried = 0;
    if (carried > 0) this.drain(this.work.subarray(0, carried), true);
  }

  /** Makes `work` hold at least `length` bytes, keeping the carried ones. */
  private reserve(length: number): void {
    if (this.work.length >= length) return;
    const grown = Buffer.allocUnsafe(Math.max(length, this.work.length * 2));
    this.work.copy(grown, 0, 0, this.carried);
    this.work = grown;
  }

  /** Emits every complete record of `bytes`; returns where the first incomplete one starts. */
  private drain(bytes: Buffer, final: boolean): number {
    let pos = 0;
    if (!this.started) {
      if (bytes.length < BOM.length && !final && isPrefixOfBom(bytes)) return 0;
      this.started = true;
      if (this.dropBom && detectBom(bytes)?.encoding === 'utf-8') pos = BOM.length;
    }
    while (pos < bytes.length) {
      const end = this.record(bytes, pos, final);
      if (end === -1) return pos;
      pos = end;
    }
    return bytes.length;
  }

  /**
   * Reads the record starting at `start`; emits it and returns the index after its line break,
   * or -1 when the bytes end before the record does (and more may come).
   */
  private record(bytes: Buffer, start: number, final: boolean): number {
    const { delimiter, wanted, decode } = this;
    const length = bytes.length;
    // A reused array still has the length of the record before; finishRecord sets this one's.
    const fields = this.reused ?? [];
    let count = 0;
    let lineBreaks = 0;
    let i = start;
    for (;;) {
      const keep = wanted === null || wanted[count] === true;
      let next = 0;
      let fieldEnd: number;
      if (i < length && bytes[i] === QUOTE) {
        // A quoted field: runs to a quote not doubled; holds delimiters and line breaks.
        let escaped = false;
        let k = i + 1;
        for (;;) {
          if (k >= length) {
            if (final) throw new FastPathUnsupported('quote not closed');
            return -1;
          }
          const b = bytes[k]!;
          if (b === QUOTE) {
            if (k + 1 >= length && !final) return -1; // `""` split across chunks, or the end?
            if (bytes[k + 1] === QUOTE) {
              escaped = true;
              k += 2;
              continue;
            }
            break;
          }
          if (b === LF) lineBreaks++;
          else if (b === CR) {
            lineBreaks++;
            // CRLF is one line break; wait for the byte after a CR that ends the bytes.
            if (k + 1 >= length && !final) return -1;
            if (bytes[k + 1] === LF) k++;
          }
          k++;
        }
        fields[count] = keep ? decode.quoted(bytes, i + 1, k, escaped) : '';
        fieldEnd = k + 1;
        if (fieldEnd < length) {
          next = bytes[fieldEnd]!;
          if (next !== delimiter && next !== LF && next !== CR)
            throw new FastPathUnsupported('text after a closing quote');
        }
      } else {
        // An unquoted field runs to the next delimiter or line break and may hold no quote.
        let k = i;
        for (; k < length; k++) {
          const b = bytes[k]!;
          if (b === delimiter || b === LF || b === CR) {
            next = b;
            break;
          }
          if (b === QUOTE) throw new FastPathUnsupported('quote inside an unquoted field');
        }
        if (k >= length && !final) return -1;
        fieldEnd = k;
        fields[count] = keep ? decode.plain(bytes, i, k) : '';
      }
      count++;
      if (fieldEnd >= length) {
        this.finishRecord(fields, count, lineBreaks);
        return length;
      }
      if (next === delimiter) {
        i = fieldEnd + 1;
        continue;
      }
      // A line break: LF, CRLF or a lone CR. A CR that ends the bytes waits for what follows.
      let after = fieldEnd + 1;
      if (next === CR) {
        if (after >= length && !final) return -1;
        if (bytes[after] === LF) after++;
      }
      this.finishRecord(fields, count, lineBreaks);
      return after;
    }
  }

  private finishRecord(fields: string[], count: number, lineBreaks: number): void {
    if (fields.length !== count) fields.length = count;
    this.emit(fields, lineBreaks);
  }
}

function isPrefixOfBom(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== BOM[i]) return false;
  return true;
}
