/**
 * The fast readers, by file extension: answers music-metadata would give, and the tags it would
 * list, from bytes read in one to three system calls and without music-metadata's per-file
 * set-up (see wav-header.ts, mpeg-header.ts, ogg-header.ts). null means "ask music-metadata".
 */
import { hasAppendedTags, NotCertain } from './head-tokenizer.js';
import { readAppendedTags, TAIL_BYTES } from './id3v1-tail.js';
import { id3v2TagLength } from './id3v2-skip.js';
import { readMpegHeader } from './mpeg-header.js';
import type { NativeTags } from './native-tags.js';
import { readOggHeader } from './ogg-header.js';
import { rethrowMissingBytes, type ByteSource, type OpenBytes } from './read-bytes.js';
import type { StreamFormat } from './stream-format.js';
import { readWavHeader, WAV_HEAD_BYTES } from './wav-header.js';

export interface FastFormat {
  format: StreamFormat;
  /** music-metadata's "data chunk length exceeding file length" warning (WAV only). */
  dataCut: boolean;
  /** The tags music-metadata would list under `native` (its first pass, without the duration scan). */
  tags: NativeTags;
}

// The extensions music-metadata's MPEG and Ogg loaders claim (it picks the parser by extension).
const MPEG_EXTENSIONS = new Set(['.mp1', '.mp2', '.mp3', '.m2a']);
const OGG_EXTENSIONS = new Set(['.ogg', '.ogv', '.oga', '.ogm', '.ogx', '.opus', '.spx']);

/** Enough for ID3v2 text tags and the first frames; larger MP3s are read in two pieces. */
const MPEG_HEAD_BYTES = 16 * 1024;
/** An ID3v2 tag up to this size (cover art) is read with the head rather than left to music-metadata. */
const MPEG_TAG_MAX_BYTES = 1024 * 1024;
/** The Ogg reader walks every page; beyond this, music-metadata streams the file instead. */
const OGG_MAX_BYTES = 8 * 1024 * 1024;

/**
 * `extension` is lower-case with its dot. Never throws: a read error leaves it to music-metadata.
 * `onWholeFile` gets the file's bytes when they were all read, so music-metadata need not read
 * them again when the fast reader declines.
 */
export function readFastHeader(
  open: OpenBytes,
  extension: string,
  size: number,
  onWholeFile?: (bytes: Buffer) => void,
): FastFormat | null {
  try {
    if (extension === '.wav') {
      return open((source) => {
        const head = source.readAt(0, Math.min(size, WAV_HEAD_BYTES));
        const header = readWavHeader(head, size, (offset) => source.readAt(offset, size - offset));
        return header && { format: header, dataCut: header.dataCut, tags: header.tags };
      });
    }
    if (MPEG_EXTENSIONS.has(extension)) return open((source) => readMpeg(source, size, onWholeFile));
    if (OGG_EXTENSIONS.has(extension) && size <= OGG_MAX_BYTES) {
      const bytes = open((source) => source.readAt(0, size));
      // A file that changed size since it was listed: let music-metadata meet it.
      if (bytes.length !== size) return null;
      onWholeFile?.(bytes);
      if (hasAppendedTags(bytes, size)) return null;
      const tags: NativeTags = {};
      const format = readOggHeader(bytes, tags);
      return format && { format, dataCut: false, tags };
    }
  } catch (error) {
    rethrowMissingBytes(error);
    // music-metadata meets the same error and turns it into the problem the report shows.
  }
  return null;
}

function readMpeg(
  source: ByteSource,
  size: number,
  onWholeFile?: (bytes: Buffer) => void,
): FastFormat | null {
  let head = source.readAt(0, Math.min(size, MPEG_HEAD_BYTES));
  const tagEnd = id3v2TagLength(head);
  if (tagEnd + MPEG_HEAD_BYTES > head.length && head.length < size && tagEnd <= MPEG_TAG_MAX_BYTES) {
    head = source.readAt(0, Math.min(size, tagEnd + MPEG_HEAD_BYTES));
  }
  const tail =
    head.length === size ? head : source.readAt(Math.max(0, size - TAIL_BYTES), Math.min(size, TAIL_BYTES));
  // A file that changed size since it was listed: let music-metadata meet it.
  if (tail === head ? head.length !== size : tail.length !== Math.min(size, TAIL_BYTES)) return null;
  if (tail === head) onWholeFile?.(head);
  try {
    const id3v1 = readAppendedTags(tail, size);
    const tags: NativeTags = {};
    const format = readMpegHeader(head, size, id3v1, tags);
    return format && { format, dataCut: false, tags };
  } catch (error) {
    if (error instanceof NotCertain) return null;
    throw error;
  }
}
