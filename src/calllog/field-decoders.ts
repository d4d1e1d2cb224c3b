import { windows1250Text } from './chunk-decoders.js';

/**
 * Turns the bytes of one field into its text, as decoding the whole file with TextDecoder and
 * cutting the field out of that text would. The bytes must already be known to be valid in the
 * encoding (UTF-8 is checked chunk by chunk before it is split). No string made here is a view
 * into a larger string, so keeping one keeps nothing else alive.
 */
export interface FieldDecoder {
  /** bytes[start, end) of an unquoted field. */
  plain(bytes: Buffer, start: number, end: number): string;
  /**
   * bytes[start, end) between the quotes of a quoted field: `""` (when `escaped`) reads as `"`,
   * and CRLF or a lone CR as LF, as LineEndNormaliser reads them before the string splitters.
   */
  quoted(bytes: Buffer, start: number, end: number, escaped: boolean): string;
}

/**
 * Buffer's own slicers, which Buffer#toString calls after checking its arguments and looking up
 * the encoding: fields are cut millions of times, with bounds that are right by construction.
 */
interface Slicers {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

/** Short fields with letters above ASCII (outcome labels such as `Naročilo`) repeat on many rows. */
const MAX_CACHED_FIELD_BYTES = 64;
const MAX_CACHED_FIELDS = 4096;

export function fieldDecoder(encoding: 'utf-8' | 'windows-1250'): FieldDecoder {
  const plain = cachedNonAscii(encoding === 'utf-8' ? utf8Text : windows1250Text);
  return {
    plain,
    quoted: (bytes, start, end, escaped) => {
      let text = plain(bytes, start, end);
      if (escaped) text = text.replaceAll('""', '"');
      if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
      return text;
    },
  };
}

/**
 * ASCII bytes read the same in UTF-8, Windows-1250 and Latin-1, and Latin-1 is a plain copy;
 * other short fields are decoded once and then looked up by their Latin-1 reading, which is as
 * unique as the bytes.
 */
function cachedNonAscii(decode: (bytes: Buffer, start: number, end: number) => string) {
  const cache = new Map<string, string>();
  return (bytes: Buffer, start: number, end: number): string => {
    let high = 0;
    for (let i = start; i < end; i++) high |= bytes[i]!;
    const slicers = bytes as unknown as Slicers;
    if (high < 0x80) return slicers.latin1Slice(start, end);
    if (end - start > MAX_CACHED_FIELD_BYTES) return decode(bytes, start, end);
    const key = slicers.latin1Slice(start, end);
    let text = cache.get(key);
    if (text === undefined) {
      text = decode(bytes, start, end);
      if (cache.size < MAX_CACHED_FIELDS) cache.set(key, text);
    }
    return text;
  };
}

function utf8Text(bytes: Buffer, start: number, end: number): string {
  return (bytes as unknown as Slicers).utf8Slice(start, end);
}
