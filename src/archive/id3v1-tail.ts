import { ascii, NotCertain } from './head-tokenizer.js';
import { addNativeTag, NOT_DECODED, type NativeTags } from './native-tags.js';
import { decodeTagText } from './tag-text.js';

/**
 * The tags music-metadata looks for at the end of a file (core.ts scanAppendingHeaders):
 * an ID3v1 tag is read here as its ID3v1Parser reads it; an APEv2 tag or a Lyrics3 block is
 * not vouched for (NotCertain) and music-metadata reads the file. `tail` is the file's last
 * bytes (at least 160 when the file has them).
 */
export function readAppendedTags(tail: Uint8Array, fileSize: number): Id3v1 | null {
  if (fileSize >= 128 && tail.length < Math.min(fileSize, TAIL_BYTES)) throw new NotCertain('tail too short');
  const at = tail.length - ID3V1_BYTES;
  const id3v1 =
    fileSize >= ID3V1_BYTES && tail[at] === 0x54 && tail[at + 1] === 0x41 && tail[at + 2] === 0x47;
  // Lyrics3 moves where the APE footer is looked for; both are rare enough to leave to music-metadata.
  if (id3v1 && fileSize >= 143 && ascii(tail, at - 9, 9) === 'LYRICS200') throw new NotCertain('Lyrics3');
  const apeEnd = id3v1 ? at : tail.length;
  // findApeFooterOffset decodes the footer id as 'ascii'.
  if (apeEnd >= 32 && fileSize - (tail.length - apeEnd) > 32 && ascii(tail, apeEnd - 32, 8) === 'APETAGEX') {
    throw new NotCertain('APEv2 tag');
  }
  return id3v1 ? readId3v1(tail.subarray(at)) : null;
}

/** Bytes to read from the end of a file for readAppendedTags: ID3v1 and an APEv2 footer before it. */
export const TAIL_BYTES = 160;
const ID3V1_BYTES = 128;
/** ID3v1Parser's genre list has this many names; a larger index adds no genre tag. */
const ID3V1_GENRES = 192;

export interface Id3v1 {
  /** The tags music-metadata lists under native.ID3v1 (none when every field is empty). */
  tags: NativeTags;
}

/** Iid3v1Token and ID3v1Parser.parse. */
function readId3v1(bytes: Uint8Array): Id3v1 {
  const field = (start: number, length: number) => {
    let text = decodeTagText(bytes.subarray(start, start + length), 'latin1');
    const zero = text.indexOf('\0');
    if (zero !== -1) text = text.slice(0, zero);
    text = text.trim();
    return text.length > 0 ? text : undefined;
  };
  // ID3v1.1: a zero byte and a non-zero track number in the comment's last two bytes.
  const hasTrack = bytes[125] === 0 && bytes[126] !== 0;
  const values: Array<[string, unknown]> = [
    ['title', field(3, 30)],
    ['artist', field(33, 30)],
    ['album', field(63, 30)],
    ['comment', field(97, hasTrack ? 28 : 30)],
    ['track', hasTrack ? bytes[126] : undefined],
    ['year', field(93, 4)],
  ];
  const tags: NativeTags = {};
  for (const [id, value] of values) if (value) addNativeTag(tags, 'ID3v1', id, value);
  // The genre's name is not needed for a call ID; only that music-metadata lists the tag.
  if (bytes[127]! < ID3V1_GENRES) addNativeTag(tags, 'ID3v1', 'genre', NOT_DECODED);
  return { tags };
}
