import { isUtf8 } from 'node:buffer';

/**
 * Decoders for the two encodings call logs mostly come in, several times faster than
 * TextDecoder's streaming mode (which goes through ICU): UTF-8 is validated with simdutf
 * (`isUtf8`) and decoded by V8, Windows-1250 is read as Latin-1 and its upper half mapped
 * from a table TextDecoder itself wrote. test/calllog/chunk-decoders.test.ts checks both
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

export class Utf8ChunkDecoder implements ChunkDecoder {
  private pending: Buffer | null = null;
  private started = false;

  decode(chunk: Buffer): string {
    const bytes = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    const cut = completeLength(bytes);
    this.pending = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
    const whole = bytes.subarray(0, cut);
    if (!isUtf8(whole)) throw new InvalidEncoding();
    return this.dropBom(whole.toString('utf8'));
  }

  end(): string {
    if (this.pending !== null) throw new InvalidEncoding();
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

let upperHalf: string[] | null = null;

/** Windows-1250 as TextDecoder reads it (the WHATWG index), for the bytes 0x80–0xFF. */
function windows1250UpperHalf(): string[] {
  if (upperHalf === null) {
    const bytes = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
    upperHalf = Array.from(new TextDecoder('windows-1250').decode(bytes));
  }
  return upperHalf;
}

const UPPER_HALF = /[\x80-\xff]/g;

export class Windows1250ChunkDecoder implements ChunkDecoder {
  private readonly table = windows1250UpperHalf();
  private readonly map = (char: string): string => this.table[char.charCodeAt(0) - 0x80] ?? char;

  decode(bytes: Buffer): string {
    return bytes.toString('latin1').replace(UPPER_HALF, this.map);
  }

  end(): string {
    return '';
  }
}
