import { NotCertain } from './head-tokenizer.js';

/**
 * Text decoding as music-metadata does it for tags (its util.decodeString over
 * @borewit/text-codec), for the encodings ID3v2, RIFF and Vorbis comments allow. Where its
 * result would depend on details not reproduced here (lone UTF-16 surrogates), or where it
 * throws, this throws NotCertain and music-metadata reads the file.
 */
export type TagEncoding = 'latin1' | 'utf-16le' | 'utf-16be' | 'utf8' | 'ascii';

const UTF8 = new TextDecoder('utf-8');

export function decodeTagText(bytes: Uint8Array, encoding: TagEncoding): string {
  // A little-endian BOM is dropped whatever the encoding says (music-metadata's double-BOM fix).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeTagText(bytes.subarray(2), encoding);
  if (encoding === 'utf-16le' && bytes[0] === 0xfe && bytes[1] === 0xff) {
    if (bytes.length % 2 !== 0) throw new NotCertain('odd UTF-16 length');
    return decodeUtf16(bytes, true);
  }
  if (encoding === 'utf-16be') {
    if (bytes.length % 2 !== 0) throw new NotCertain('odd UTF-16 length');
    return decodeUtf16(bytes, true);
  }
  switch (encoding) {
    case 'utf-16le':
      return decodeUtf16(bytes, false);
    case 'utf8':
      return UTF8.decode(bytes);
    case 'ascii':
      return decodeBytes(bytes, 0x7f);
    case 'latin1':
      return decodeBytes(bytes, 0xff);
  }
}

/** Code units two bytes at a time; a trailing odd byte is dropped, as text-codec does. */
function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  let start = 0;
  // text-codec skips a BOM in the byte order it decodes (after the swap for big-endian).
  if (
    bytes.length >= 2 &&
    (bigEndian ? bytes[0] === 0xfe && bytes[1] === 0xff : bytes[0] === 0xff && bytes[1] === 0xfe)
  ) {
    start = 2;
  }
  let text = '';
  for (let i = start; i + 1 < bytes.length; i += 2) {
    const unit = bigEndian ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]! | (bytes[i + 1]! << 8);
    if (unit >= 0xd800 && unit <= 0xdfff) throw new NotCertain('UTF-16 surrogate');
    text += String.fromCharCode(unit);
  }
  return text;
}

function decodeBytes(bytes: Uint8Array, mask: number): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte & mask);
  return text;
}
