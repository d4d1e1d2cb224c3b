import { ascii, type HeadTokenizer, NotCertain } from './head-tokenizer.js';
import { addNativeTag, NOT_DECODED, type NativeTags } from './native-tags.js';
import { decodeTagText, type TagEncoding } from './tag-text.js';

/**
 * Reads the ID3v2 tags at the start of an MPEG file the way music-metadata's AbstractID3Parser
 * does (it reads tags until the next 10 bytes are not an ID3 header): any ID3v2.2/2.3/2.4 tag,
 * with an extended header, unsynchronised or flagged frames, and collects the frames a call ID
 * can live in (text frames, TXXX, COMM) into `tags` as music-metadata lists them. Frames whose
 * parsing could fail or differ (compressed or encrypted frames, the types in DECODED_ELSEWHERE)
 * throw NotCertain, and music-metadata reads the file. Throws EndOfFile where its reader would.
 */
export function skipId3v2Tags(tokenizer: HeadTokenizer, tags: NativeTags = {}): void {
  while (ascii(tokenizer.peek(ID3V2_HEADER_BYTES), 0, 3) === 'ID3') readId3v2Tag(tokenizer, tags);
}

/** ID3v2Parser.parse: one tag, header included, from the tokenizer's position. */
export function readId3v2Tag(tokenizer: HeadTokenizer, tags: NativeTags): void {
  const header = tokenizer.read(ID3V2_HEADER_BYTES);
  const major = header[3]!;
  if (major !== 2 && major !== 3 && major !== 4) throw new NotCertain('ID3v2 version');
  // UINT32SYNCSAFE as ID3v2Token.ts reads it: only the last byte is masked.
  const size = (header[9]! & 0x7f) | (header[8]! << 7) | (header[7]! << 14) | (header[6]! << 21);
  // music-metadata throws on a tag that claims more than the file holds.
  if (size > tokenizer.size - tokenizer.position) throw new NotCertain('ID3v2 tag past the end');
  let dataBytes = size;
  if (header[5]! & EXTENDED_HEADER) {
    // In ID3v2.2 the bit means compression, which music-metadata reads as an extended header.
    if (major === 2) throw new NotCertain('ID3v2.2 compression');
    const extended = tokenizer.read(EXTENDED_HEADER_BYTES);
    const extendedSize = uint32(extended, 0);
    if (extendedSize < EXTENDED_HEADER_BYTES || extendedSize > size)
      throw new NotCertain('extended header size');
    tokenizer.ignore(extendedSize - EXTENDED_HEADER_BYTES);
    dataBytes = size - extendedSize;
  }
  readFrames(tokenizer.read(dataBytes), major, tags, `ID3v2.${major}`);
}

const ID3V2_HEADER_BYTES = 10;
const EXTENDED_HEADER = 0x40;
const EXTENDED_HEADER_BYTES = 10;

/**
 * The bytes of the ID3v2 tag at the start of `bytes`, header and footer included, or 0 when
 * no tag starts there. For finding where the audio begins: the size is read as the standard says
 * (every byte masked), not with music-metadata's quirk that readId3v2Tag reproduces.
 */
export function id3v2TagLength(bytes: Uint8Array): number {
  if (bytes.length < ID3V2_HEADER_BYTES) return 0;
  if (bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0; // "ID3"
  const size =
    (bytes[9]! & 0x7f) | ((bytes[8]! & 0x7f) << 7) | ((bytes[7]! & 0x7f) << 14) | ((bytes[6]! & 0x7f) << 21);
  const footer = bytes[5]! & 0x10 ? ID3V2_HEADER_BYTES : 0;
  return ID3V2_HEADER_BYTES + size + footer;
}

/**
 * Frame types FrameParser.readData decodes in ways not reproduced here (lyrics, counters,
 * chapters, objects): they could fail the parse, so a file holding one goes to music-metadata.
 * Every other type it leaves undecoded (pictures when skipping covers, PRIV, UFID, URLs,
 * unknown ids), and so does this reader. Text frames, TXXX and COMM are read below.
 */
const DECODED_ELSEWHERE = new Set([
  'GRP1',
  'GP1',
  'IPLS',
  'MVIN',
  'MVNM',
  'PCS',
  'PCST',
  'CNT',
  'PCNT',
  'SYLT',
  'ULT',
  'USLT',
  'POPM',
  'GEOB',
  'CHAP',
  'CTOC',
  'WFD',
  'WFED',
]);
/** Undecoded when music-metadata skips covers. */
const PICTURE_FRAMES = new Set(['PIC', 'APIC']);
/** Text frames music-metadata turns into something else than their text (genres, credit lists, flags). */
const REMAPPED_TEXT_FRAMES = new Set(['TCO', 'TCON', 'TMCL', 'TIPL', 'IPLS', 'PCS', 'PCST']);
/** Text frames music-metadata keeps as one string, whatever the version. */
const SINGLE_VALUE_FRAMES = new Set(['TRK', 'TRCK', 'TPOS', 'TIT1', 'TIT2', 'TIT3']);
/** Text frames music-metadata splits into values in every version; others only from ID3v2.4. */
const ALWAYS_SPLIT_FRAMES = new Set(['TCOM', 'TEXT', 'TOLY', 'TOPE', 'TPE1', 'TSRC']);
/** ID3v2.3/2.2 frames music-metadata also splits on '/' (FrameParser.splitValue). */
const SLASH_SPLIT_FRAMES = new Set([
  'TPE1',
  'TPE2',
  'TPE3',
  'TPE4',
  'TCOM',
  'TEXT',
  'TOLY',
  'TOPE',
  'TP1',
  'TCM',
  'TXT',
  'TOA',
  'TOL',
  'TXXX',
  'TSRC',
  'IPLS',
]);

// Frame format flags that change the bytes: compression and encryption (2.3: 0x80, 0x40; 2.4: 0x08, 0x04).
const V3_UNREADABLE = 0x00c0;
const V4_UNREADABLE = 0x000c;
const V4_UNSYNCHRONISED = 0x0002;
const V4_DATA_LENGTH = 0x0001;

/** ID3v2Parser.parseMetadata and readFrameData, frame by frame. */
function readFrames(data: Uint8Array, major: number, tags: NativeTags, type: string): void {
  const headerBytes = major === 2 ? 6 : 10;
  let offset = 0;
  while (offset !== data.length) {
    // A frame header cut by the end of the tag: music-metadata warns and stops.
    if (offset + headerBytes > data.length) return;
    const id = ascii(data, offset, major === 2 ? 3 : 4);
    const at = offset + (major === 2 ? 3 : 4);
    const length =
      major === 2
        ? (data[at]! << 16) | (data[at + 1]! << 8) | data[at + 2]!
        : major === 4
          ? (data[at + 3]! & 0x7f) | (data[at + 2]! << 7) | (data[at + 1]! << 14) | (data[at]! << 21)
          : uint32(data, at);
    const flags = major === 2 ? 0 : (data[offset + 8]! << 8) | data[offset + 9]!;
    offset += headerBytes;
    let body = data.subarray(offset, offset + length);
    offset += length;
    // An empty frame (padding reads as such) only earns a warning.
    if (body.length === 0) continue;
    if (flags & (major === 3 ? V3_UNREADABLE : V4_UNREADABLE))
      throw new NotCertain('compressed or encrypted frame');
    if (major === 4 && flags & V4_UNSYNCHRONISED) body = removeUnsyncBytes(body);
    if (major === 4 && flags & V4_DATA_LENGTH) body = body.subarray(4);
    readFrame(id, body, major, tags, type);
  }
}

/** FrameParser.readData for the frame types listed above; any other type is not vouched for. */
function readFrame(id: string, body: Uint8Array, major: number, tags: NativeTags, type: string): void {
  if (body.length === 0 || PICTURE_FRAMES.has(id)) return;
  if (DECODED_ELSEWHERE.has(id)) throw new NotCertain(`frame ${id}`);
  const encoding = textEncoding(body[0]!);
  if (id === 'WXXX') {
    // Only the description's decoding can fail (odd UTF-16); the URL is Latin-1.
    nullTerminated(body.subarray(1), encoding);
    return;
  }
  if (id === 'TXXX') {
    const description = nullTerminated(body.subarray(1), encoding);
    const text = trimNullPadding(decodeTagText(body.subarray(1 + description.length), encoding));
    // ID3v2Parser.makeDescriptionTagName
    const name = description.text ? `TXXX:${description.text}` : 'TXXX';
    for (const value of splitValue(id, text, major)) addNativeTag(tags, type, name, value);
    return;
  }
  if (id === 'COMM' || id === 'COM') {
    if (body.length < 4) throw new NotCertain('short comment frame');
    const language = decodeTagText(body.subarray(1, 4), 'latin1');
    const descriptor = nullTerminated(body.subarray(4), encoding);
    const text = nullTerminated(body.subarray(4 + descriptor.length), encoding);
    addNativeTag(tags, type, id, { language, descriptor: descriptor.text, text: text.text });
    return;
  }
  if (id[0] === 'T') {
    let text: string;
    try {
      text = trimNullPadding(decodeTagText(body.subarray(1), encoding));
    } catch (error) {
      // music-metadata catches decoding errors in text frames: a warning, no value.
      if (error instanceof NotCertain && error.message === 'odd UTF-16 length') return;
      throw error;
    }
    if (REMAPPED_TEXT_FRAMES.has(id)) addNativeTag(tags, type, id, NOT_DECODED);
    else if (SINGLE_VALUE_FRAMES.has(id)) {
      // parseMetadata drops a frame whose value is falsy: an empty single string.
      if (text !== '') addNativeTag(tags, type, id, text);
    } else if (major < 4 && !ALWAYS_SPLIT_FRAMES.has(id)) {
      addNativeTag(tags, type, id, text);
    } else for (const value of splitValue(id, text, major)) addNativeTag(tags, type, id, value);
    return;
  }
  // Any other type music-metadata leaves undecoded.
}

/** TextEncodingToken: any byte beyond 3 reads as UTF-8. */
function textEncoding(byte: number): TagEncoding {
  return byte === 0 ? 'latin1' : byte === 1 ? 'utf-16le' : byte === 2 ? 'utf-16be' : 'utf8';
}

/** FrameParser.readNullTerminatedString: the text and how many bytes it took with its terminator. */
function nullTerminated(bytes: Uint8Array, encoding: TagEncoding): { text: string; length: number } {
  // findZero looks for two zero bytes on an even offset only for the UTF-16 encodings.
  const wide = encoding === 'utf-16le' || encoding === 'utf-16be';
  let zero = bytes.length;
  for (let i = 0; wide ? i + 1 < bytes.length : i < bytes.length; i += wide ? 2 : 1) {
    if (bytes[i] === 0 && (!wide || bytes[i + 1] === 0)) {
      zero = i;
      break;
    }
  }
  if (zero >= bytes.length) return { text: decodeTagText(bytes, encoding), length: bytes.length };
  return { text: decodeTagText(bytes.subarray(0, zero), encoding), length: zero + (wide ? 2 : 1) };
}

/** FrameParser.splitValue with trimArray. */
function splitValue(id: string, text: string, major: number): string[] {
  let values = text.split('\0');
  if (major < 4 && values.length === 1 && SLASH_SPLIT_FRAMES.has(id)) values = text.split('/');
  return values.map((value) => trimNullPadding(value).trim());
}

function trimNullPadding(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 0) end--;
  return value.slice(0, end);
}

/** ID3v2Parser.removeUnsyncBytes: every 0xFF 0x00 loses its 0x00 (on a copy here). */
function removeUnsyncBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let write = 0;
  let read = 0;
  while (read < bytes.length - 1) {
    out[write++] = bytes[read]!;
    read += bytes[read] === 0xff && bytes[read + 1] === 0 ? 2 : 1;
  }
  if (read < bytes.length) out[write++] = bytes[read]!;
  return out.subarray(0, write);
}

function uint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}
