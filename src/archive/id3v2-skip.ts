import { ascii, type HeadTokenizer, NotCertain } from './head-tokenizer.js';

/**
 * Steps over the ID3v2 tags at the start of an MPEG file the way music-metadata's
 * AbstractID3Parser does (it reads tags until the next 10 bytes are not an ID3 header), for the
 * tags whose parsing cannot change the answer: ID3v2.3/2.4 without header flags, holding only
 * plain text frames and padding. Anything else (pictures, comments, user frames, compression,
 * unsynchronisation, a tag longer than the file) throws NotCertain, and music-metadata reads
 * the file. Throws EndOfFile where music-metadata's reader would.
 */
export function skipId3v2Tags(tokenizer: HeadTokenizer): void {
  for (;;) {
    const header = tokenizer.peek(ID3V2_HEADER_BYTES);
    if (ascii(header, 0, 3) !== 'ID3') return;
    const major = header[3]!;
    if ((major !== 3 && major !== 4) || header[5] !== 0) throw new NotCertain('ID3v2 layout');
    // UINT32SYNCSAFE as ID3v2Token.ts reads it: only the last byte is masked.
    const size = (header[9]! & 0x7f) | (header[8]! << 7) | (header[7]! << 14) | (header[6]! << 21);
    tokenizer.read(ID3V2_HEADER_BYTES);
    // music-metadata throws on a tag that claims more than the file holds.
    if (size > tokenizer.size - tokenizer.position) throw new NotCertain('ID3v2 tag past the end');
    checkFrames(tokenizer.read(size), major);
  }
}

const ID3V2_HEADER_BYTES = 10;
const FRAME_HEADER_BYTES = 10;

/**
 * Text frames music-metadata maps to plain common tags (or none: TLEN). Its text frame parser
 * catches its own decoding errors, and these ids take no parsing beyond splitting the text.
 */
const PLAIN_TEXT_FRAMES = new Set([
  'TIT1',
  'TIT2',
  'TIT3',
  'TPE1',
  'TPE2',
  'TALB',
  'TENC',
  'TSSE',
  'TCOP',
  'TLEN',
]);

/** Walks the frames as ID3v2Parser.parseMetadata does, accepting only harmless ones. */
function checkFrames(data: Uint8Array, major: number): void {
  let offset = 0;
  while (offset !== data.length) {
    // A frame header cut by the end of the tag: music-metadata warns and stops.
    if (offset + FRAME_HEADER_BYTES > data.length) return;
    const id = ascii(data, offset, 4);
    const b = (i: number) => data[offset + 4 + i]!;
    const length =
      major === 4
        ? (b(3) & 0x7f) | (b(2) << 7) | (b(1) << 14) | (b(0) << 21)
        : ((b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3)) >>> 0;
    const flags = (data[offset + 8]! << 8) | data[offset + 9]!;
    offset += FRAME_HEADER_BYTES;
    // Padding reads as empty frames with a zero id, which music-metadata skips with a warning.
    if (id === '\0\0\0\0' && length === 0) continue;
    if (!PLAIN_TEXT_FRAMES.has(id) || flags !== 0 || length === 0) throw new NotCertain('frame');
    // Any text encoding: music-metadata catches its own decoding errors in text frames.
    if (offset + length > data.length) throw new NotCertain('frame past the tag');
    offset += length;
  }
}
