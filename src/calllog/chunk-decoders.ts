import { isUtf8 } from 'node:buffer';

/**
 * Decoders for the two encodings call logs mostly come in, several times faster than
 * TextDecoder's streaming mode (which goes through ICU): UTF-8 is validated with simdutf
 * (`isUtf8`) and decoded by V8, Windows-1250 is mapped byte by byte through a table that
 * TextDecoder itself wrote. test/calllog/chunk-decoders.test.ts checks both
 * against TextDecoder on random bytes cut at random places, errors included.
 */
export interface ChunkDecoder {
  /** The text of `bytes`, or throws InvalidEncoding; a character cut at the end waits for more. */
  decode(bytes: Buffer): string;
  /** Flushes; throws InvalidEncoding when the bytes ended inside a character. */
  end(): string;
}

/** Thrown where TextDecoder with `fatal: true` would have thrown. */
export class InvalidEncoding extends Error {}

const BOM = 0xfeff;

/**
 * UTF-8 checked a chunk at a time, the check Utf8ChunkDecoder makes, for readers that find
 * their fields in the bytes and decode only those.
 */
export class Utf8ChunkValidator {
  private pending: Buffer | null = null;

  /**
   * The bytes of `chunk` (after those held back from the last one) up to a character cut off
   * at its end, which waits for the next chunk; throws InvalidEncoding if they are not UTF-8.
   */
  complete(chunk: Buffer): Buffer {
    const bytes = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    const cut = completeLength(bytes);
    this.pending = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
    const whole = bytes.subarray(0, cut);
    if (!isUtf8(whole)) throw new InvalidEncoding();
    return whole;
  }

  /** Throws InvalidEncoding when the bytes ended inside a character. */
  end(): void {
    if (this.pending !== null) throw new InvalidEncoding();
  }
}

export class Utf8ChunkDecoder implements ChunkDecoder {
  private readonly validator = new Utf8ChunkValidator();
  private started = false;

  decode(chunk: Buffer): string {
    return this.dropBom(this.validator.complete(chunk).toString('utf8'));
  }

  end(): string {
    this.validator.end();
    return '';
  }

  /** TextDecoder drops a byte order mark at the start of the stream, and only there. */
  private dropBom(text: string): string {
    if (this.started || text.length === 0) return text;
    this.started = true;
    return text.charCodeAt(0) === BOM ? text.slice(1) : text;
  }
}

/**
 * Length of `bytes` without a trailing character that is cut off but could still be completed
 * by the next chunk. A tail that can never become UTF-8 is left in, so that this chunk fails,
 * as it does in TextDecoder.
 */
function completeLength(bytes: Buffer): number {
  const length = bytes.length;
  let lead = length - 1;
  while (lead >= 0 && lead > length - 4 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead--;
  if (lead < 0) return length;
  const first = bytes[lead] ?? 0;
  const needed = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  if (length - lead >= needed || !isPrefix(bytes, lead, length)) return length;
  return lead;
}

/** Whether bytes[from, to) can begin a UTF-8 character (WHATWG ranges for the second byte). */
function isPrefix(bytes: Buffer, from: number, to: number): boolean {
  const first = bytes[from] ?? 0;
  if (first < 0xc2 || first > 0xf4) return false;
  if (to - from < 2) return true;
  const second = bytes[from + 1] ?? 0;
  const low = first === 0xe0 ? 0xa0 : first === 0xf0 ? 0x90 : 0x80;
  const high = first === 0xed ? 0x9f : first === 0xf4 ? 0x8f : 0xbf;
  return second >= low && second <= high;
}

let codeUnits: Uint16Array | null = null;

/** Windows-1250 as TextDecoder reads it (the WHATWG index): the UTF-16 code unit of each byte. */
function windows1250CodeUnits(): Uint16Array {
  if (codeUnits === null) {
    const text = new TextDecoder('windows-1250').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
    codeUnits = Uint16Array.from({ length: 256 }, (_, i) => text.charCodeAt(i));
  }
  return codeUnits;
}

/** A Uint16Array's memory is read as UTF-16LE below; on a big-endian machine TextDecoder stays. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

let units = new Uint16Array(256);

/**
 * Bytes `start` to `end` as Windows-1250 text, through the table: one byte is one character, so
 * any piece of a file decodes on its own.
 */
export function windows1250Text(bytes: Uint8Array, start: number, end: number): string {
  if (!LITTLE_ENDIAN) return new TextDecoder('windows-1250').decode(bytes.subarray(start, end));
  const table = windows1250CodeUnits();
  const length = end - start;
  if (units.length < length) units = new Uint16Array(length);
  for (let i = 0; i < length; i++) units[i] = table[bytes[start + i]!]!;
  return Buffer.from(units.buffer, 0, length * 2).toString('utf16le');
}

export class Windows1250ChunkDecoder implements ChunkDecoder {
  decode(bytes: Buffer): string {
    return windows1250Text(bytes, 0, bytes.length);
  }

  end(): string {
    return '';
  }
}
