/**
 * A synchronous stand-in for the strtok3 tokenizer music-metadata reads through, over the bytes
 * of a file that are in memory (all of them, or its first bytes). The fast MPEG and Ogg readers
 * are ports of music-metadata's parsers onto this class, so that every read, skip and end of
 * file behaves as it does there: that is what makes their answers the same.
 */

/** strtok3's EndOfStreamError: the file ends before a read could be satisfied. */
export class EndOfFile extends Error {}

/**
 * The reader cannot be sure of music-metadata's answer: it would need bytes that are not in
 * memory, or music-metadata would take a path the fast reader does not follow. The caller
 * then asks music-metadata.
 */
export class NotCertain extends Error {}

export class HeadTokenizer {
  position = 0;

  /** `bytes` are the file's first bytes (all of them when bytes.length === size). */
  constructor(
    private readonly bytes: Uint8Array,
    readonly size: number,
  ) {}

  /** `peekBuffer(target, {length, mayBeLess: true})`: copies what is left, up to `length`. */
  peekAvailable(target: Uint8Array, length: number): number {
    const count = Math.max(0, Math.min(this.size - this.position, length));
    target.set(this.slice(this.position, count));
    return count;
  }

  /** `peekToken`/`peekBuffer` of exactly `length` bytes. */
  peek(length: number): Uint8Array {
    if (length > this.size - this.position) throw new EndOfFile();
    return this.slice(this.position, length);
  }

  /** `readToken`/`readBuffer` of exactly `length` bytes. */
  read(length: number): Uint8Array {
    const bytes = this.peek(length);
    this.position += length;
    return bytes;
  }

  /** `ignore`: skipping past the end stops at the end, without an error. */
  ignore(length: number): void {
    if (length < 0) throw new NotCertain('negative skip');
    this.position += Math.min(length, Math.max(0, this.size - this.position));
  }

  private slice(start: number, length: number): Uint8Array {
    if (start + length > this.bytes.length) throw new NotCertain('beyond the bytes read');
    return this.bytes.subarray(start, start + length);
  }
}

/** token-types' 'ascii' decoding, which drops the high bit of every byte. */
export function ascii(bytes: Uint8Array, start = 0, length = bytes.length - start): string {
  let text = '';
  for (let i = start; i < start + length && i < bytes.length; i++) {
    text += String.fromCharCode(bytes[i]! & 0x7f);
  }
  return text;
}

/**
 * music-metadata looks for tags at the end of every file it parses (ID3v1, Lyrics3, APEv2)
 * and reads them for MPEG; the fast readers leave any file carrying one to music-metadata.
 * `tail` is the file's last bytes (at least 128 when the file has them).
 */
export function hasAppendedTags(tail: Uint8Array, fileSize: number): boolean {
  if (fileSize >= 128 && tail.length >= 128) {
    const at = tail.length - 128;
    // hasID3v1Header compares Latin-1, so exactly these bytes.
    if (tail[at] === 0x54 && tail[at + 1] === 0x41 && tail[at + 2] === 0x47) return true;
  } else if (fileSize >= 128) {
    throw new NotCertain('tail too short');
  }
  // findApeFooterOffset decodes the footer id as 'ascii'.
  return fileSize > 32 && ascii(tail, tail.length - 32, 8) === 'APETAGEX';
}
