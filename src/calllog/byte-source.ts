import { checkedChunks, chunkDecoder } from './decode.js';
import { detectBom } from './encoding.js';
import { LineEndNormaliser } from './line-ends.js';

/** The encodings whose records can be split in the bytes (see ByteRecordSplitter). */
export type ByteEncoding = 'utf-8' | 'windows-1250';

const CR = 13;
const LF = 10;
/** `sep=;` without its line break. */
const SEP_LINE_CHARS = 5;

/**
 * A file read once as checked bytes for ByteRecordSplitter. The first chunks are also decoded,
 * as decodeFile would, so the header and an Excel `sep=` line can be sniffed from text; those
 * chunks are kept and handed back by startAfter, so no byte is read twice.
 */
export interface ByteSource {
  readonly encoding: ByteEncoding;
  /** The next chunk as LF text, kept for startAfter; null at the end of the file. */
  nextText(): Promise<string | null>;
  /**
   * The bytes nextText has read, without what the text decoder and an Excel `sep=` line (when
   * `sepLine`) took from their start: where the records begin.
   */
  startAfter(sepLine: boolean): Buffer;
  /** The next chunk, valid until the next call; null at the end of the file. */
  nextBytes(): Promise<Buffer | null>;
  close(): Promise<void>;
}

export function byteSource(
  path: string,
  encoding: ByteEncoding,
  onBytes: (chunk: Buffer) => void,
): ByteSource {
  const chunks = checkedChunks(path, encoding, onBytes);
  const decoder = chunkDecoder(encoding);
  const normaliser = new LineEndNormaliser();
  let early: Buffer[] = [];
  let ended = false;
  return {
    encoding,
    async nextText() {
      if (ended) return null;
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        const tail = normaliser.push(decoder.end()) + normaliser.end();
        return tail.length > 0 ? tail : null;
      }
      early.push(Buffer.from(next.value));
      return normaliser.push(decoder.decode(next.value));
    },
    startAfter(sepLine) {
      const start = Buffer.concat(early);
      early = [];
      const bom = detectBom(start);
      let skip = encoding === 'utf-8' && bom?.encoding === 'utf-8' ? bom.length : 0;
      if (sepLine) skip += sepLineBytes(start, skip);
      return start.subarray(skip);
    },
    async nextBytes() {
      if (ended) return null;
      const next = await chunks.next();
      if (!next.done) return next.value;
      ended = true;
      return null;
    },
    async close() {
      await chunks.return(undefined);
    },
  };
}

/** Bytes of the `sep=;` line at `from`, whose text excelSepLine found: with its LF, CRLF or CR. */
function sepLineBytes(bytes: Buffer, from: number): number {
  const lineBreak = from + SEP_LINE_CHARS;
  if (bytes[lineBreak] === LF) return SEP_LINE_CHARS + 1;
  if (bytes[lineBreak] === CR) return SEP_LINE_CHARS + (bytes[lineBreak + 1] === LF ? 2 : 1);
  return SEP_LINE_CHARS;
}
