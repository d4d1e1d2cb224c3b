/**
 * A fast reader for Ogg Vorbis and Ogg Opus files with one logical stream. It is a synchronous
 * port of music-metadata's OggParser with VorbisStream/OpusStream: the duration is the granule
 * position of the last page read over the sample rate (48 kHz less the pre-skip for Opus), and
 * "last page read" depends on every page before it (a page cut short, a continuation without
 * a start), so it walks all page headers like music-metadata's duration pass does, but over
 * bytes already in memory and without a tag mapper or a promise per page.
 *
 * It returns null whenever it could differ: several or chained streams, other codecs (Speex,
 * FLAC, Theora), anything music-metadata would throw on. It also lists the comments as
 * music-metadata does, for call IDs in tags. test/archive/mpeg-ogg-header.test.ts holds it to music-metadata's answer.
 */
import { ascii, EndOfFile, HeadTokenizer, NotCertain } from './head-tokenizer.js';
import { addNativeTag, type NativeTags } from './native-tags.js';
import type { StreamFormat } from './stream-format.js';

/**
 * music-metadata's answer for the Ogg file `bytes` (all of it), or null when only
 * music-metadata can tell. Callers first rule out tags at the end of the file.
 */
export function readOggHeader(bytes: Uint8Array, tags: NativeTags = {}): StreamFormat | null {
  try {
    return walkPages(new HeadTokenizer(bytes, bytes.length), tags);
  } catch (error) {
    if (error instanceof NotCertain) return null;
    throw error;
  }
}

const PAGE_HEADER_BYTES = 27;
const CONTINUED = 1;
const FIRST_PAGE = 2;
const LAST_PAGE = 4;

interface PageHeader {
  flags: number;
  granule: number;
}

/** VorbisStream (and OpusStream, which extends it) for one logical stream. */
interface StreamState {
  opus: boolean;
  sampleRate: number;
  preSkip: number;
  pending: Uint8Array[];
  lastPage: PageHeader | undefined;
  /** Where the comments go, as music-metadata lists them under native.vorbis. */
  tags: NativeTags;
}

function walkPages(tokenizer: HeadTokenizer, tags: NativeTags): StreamFormat {
  const format: StreamFormat = {};
  let stream: StreamState | undefined;
  let serial: number | undefined;
  let closed = false;
  let endOfFile = false;
  try {
    do {
      const raw = tokenizer.read(PAGE_HEADER_BYTES);
      // OggParser warns about a bad capture pattern ("Corrupt Ogg content") and stops reading.
      if (raw[0] !== 0x4f || raw[1] !== 0x67 || raw[2] !== 0x67 || raw[3] !== 0x53) break;
      const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      const header: PageHeader = {
        flags: raw[5]!,
        granule: Number(view.getBigUint64(6, true)),
      };
      const pageSerial = view.getUint32(14, true);
      if (serial !== undefined && pageSerial !== serial) throw new NotCertain('several streams');
      serial = pageSerial;
      const segments = tokenizer.read(raw[26]!);
      let pageBytes = 0;
      for (const length of segments) pageBytes += length;
      const pageData = tokenizer.read(pageBytes);
      if (header.flags & FIRST_PAGE) {
        if (stream !== undefined) throw new NotCertain('chained stream');
        format.container = 'Ogg';
        stream = openStream(pageData, format, tags);
      } else if (stream === undefined) {
        throw new NotCertain('no first page');
      }
      if (header.flags & LAST_PAGE) closed = true;
      parsePage(stream, header, pageData);
    } while (!closed);
  } catch (error) {
    if (!(error instanceof EndOfFile)) throw error;
    endOfFile = true;
  }
  if (stream === undefined) return format;
  if (!closed) parseFullPage(stream, merge(stream.pending));
  // calculateDuration
  const last = stream.lastPage;
  if (last && (endOfFile || last.flags & LAST_PAGE) && stream.sampleRate && last.granule >= 0) {
    format.duration = stream.opus
      ? (last.granule - stream.preSkip) / 48000
      : last.granule / stream.sampleRate;
  }
  return format;
}

/** OggStream.parsePage's codec choice and the consumer's parseFirstPage. */
function openStream(pageData: Uint8Array, format: StreamFormat, tags: NativeTags): StreamState {
  const view = new DataView(pageData.buffer, pageData.byteOffset, pageData.byteLength);
  if (pageData[0] === 1 && isExactly(pageData, 1, 'vorbis')) {
    // IdentificationHeader reads 21 bytes after the 7-byte common header.
    if (pageData.length < 28) throw new NotCertain('short Vorbis header');
    format.codec = 'Vorbis I';
    format.sampleRate = view.getUint32(12, true);
    return { opus: false, sampleRate: format.sampleRate, preSkip: 0, pending: [], lastPage: undefined, tags };
  }
  if (isExactly(pageData, 0, 'OpusHead')) {
    if (pageData.length < 19) throw new NotCertain('short Opus header');
    format.codec = 'Opus';
    format.sampleRate = view.getUint32(12, true);
    const preSkip = view.getUint16(10, true);
    return { opus: true, sampleRate: format.sampleRate, preSkip, pending: [], lastPage: undefined, tags };
  }
  throw new NotCertain('codec');
}

/** VorbisStream.parsePage for every page after the first of the stream. */
function parsePage(stream: StreamState, header: PageHeader, pageData: Uint8Array): void {
  stream.lastPage = header;
  if (header.flags & FIRST_PAGE) return; // parseFirstPage, done in openStream
  // An empty page can end up parsed on its own, where music-metadata throws; and the first
  // pass (duration: false) may flush one that the full walk would not.
  if (pageData.length === 0) throw new NotCertain('empty page');
  const continued = (header.flags & CONTINUED) !== 0;
  const last = (header.flags & LAST_PAGE) !== 0;
  if (continued) {
    // music-metadata throws "Cannot continue on previous page".
    if (stream.pending.length === 0) throw new NotCertain('continued without a start');
    stream.pending.push(pageData);
  }
  if (last || !continued) {
    if (stream.pending.length > 0) parseFullPage(stream, merge(stream.pending));
    stream.pending = last ? [] : [pageData];
  }
}

function parseFullPage(stream: StreamState, data: Uint8Array): void {
  if (stream.opus) {
    if (ascii(data, 0, 8) === 'OpusTags') readComments(data, 8, stream.tags);
    return;
  }
  // CommonHeader reads the packet type byte even from an empty page, and throws.
  if (data.length === 0) throw new NotCertain('empty Vorbis packet');
  if (data[0] === 3) readComments(data, 7, stream.tags);
}

const UTF8 = new TextDecoder('utf-8');

/**
 * parseUserCommentList with VorbisDecoder.parseUserComment: every field, named by its text
 * before '=' in upper case (all of it is the value when there is no '='). Pictures are skipped
 * as music-metadata skips them when told to skip covers. A length past the packet's end, where
 * music-metadata throws, throws NotCertain.
 */
function readComments(data: Uint8Array, start: number, tags: NativeTags): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const uint32 = (at: number) => {
    if (at + 4 > data.length) throw new NotCertain('comment header past its end');
    return view.getUint32(at, true);
  };
  let offset = start;
  offset += 4 + uint32(offset);
  let count = uint32(offset);
  offset += 4;
  while (count-- > 0) {
    const length = uint32(offset);
    const field = UTF8.decode(data.subarray(offset + 4, offset + 4 + length));
    const equals = field.indexOf('=');
    const key = field.substring(0, equals).toUpperCase();
    if (key !== 'METADATA_BLOCK_PICTURE') addNativeTag(tags, 'vorbis', key, field.substring(equals + 1));
    offset += 4 + length;
  }
}

function merge(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const merged = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    merged.set(part, at);
    at += part.length;
  }
  return merged;
}

function isExactly(bytes: Uint8Array, start: number, text: string): boolean {
  if (bytes.length < start + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}
