/**
 * The fast readers, by file extension: answers music-metadata would give, from bytes read in
 * one or two system calls and without music-metadata's per-file set-up (see wav-header.ts,
 * mpeg-header.ts, ogg-header.ts). null means "ask music-metadata".
 */
import { hasAppendedTags } from './head-tokenizer.js';
import { readMpegHeader } from './mpeg-header.js';
import { readOggHeader } from './ogg-header.js';
import { readHead, readHeadAndTail } from './read-bytes.js';
import type { StreamFormat } from './stream-format.js';
import { readWavHeader, WAV_HEAD_BYTES } from './wav-header.js';

export interface FastFormat {
  format: StreamFormat;
  /** music-metadata's "data chunk length exceeding file length" warning (WAV only). */
  dataCut: boolean;
}

// The extensions music-metadata's MPEG and Ogg loaders claim (it picks the parser by extension).
const MPEG_EXTENSIONS = new Set(['.mp1', '.mp2', '.mp3', '.m2a']);
const OGG_EXTENSIONS = new Set(['.ogg', '.ogv', '.oga', '.ogm', '.ogx', '.opus', '.spx']);

/** Enough for ID3v2 text tags and the first frames; larger MP3s are read in two pieces. */
const MPEG_HEAD_BYTES = 16 * 1024;
/** ID3v1 (128 bytes) and an APEv2 footer (32) before it. */
const TAIL_BYTES = 160;
/** The Ogg reader walks every page; beyond this, music-metadata streams the file instead. */
const OGG_MAX_BYTES = 8 * 1024 * 1024;

/**
 * `extension` is lower-case with its dot. Never throws: a read error leaves it to music-metadata.
 * `onWholeFile` gets the file's bytes when they were all read, so music-metadata need not read
 * them again when the fast reader declines.
 */
export function readFastHeader(
  absPath: string,
  extension: string,
  size: number,
  onWholeFile?: (bytes: Buffer) => void,
): FastFormat | null {
  try {
    if (extension === '.wav') {
      const header = readWavHeader(readHead(absPath, Math.min(size, WAV_HEAD_BYTES)), size);
      return header && { format: header, dataCut: header.dataCut };
    }
    if (MPEG_EXTENSIONS.has(extension)) {
      const { head, tail } = readHeadAndTail(absPath, size, MPEG_HEAD_BYTES, TAIL_BYTES);
      // A file that changed size since it was listed: let music-metadata meet it.
      if (tail === head ? head.length !== size : tail.length !== TAIL_BYTES) return null;
      if (tail === head) onWholeFile?.(head);
      if (hasAppendedTags(tail, size)) return null;
      const format = readMpegHeader(head, size);
      return format && { format, dataCut: false };
    }
    if (OGG_EXTENSIONS.has(extension) && size <= OGG_MAX_BYTES) {
      const bytes = readHead(absPath, size);
      // A file that changed size since it was listed: let music-metadata meet it.
      if (bytes.length !== size) return null;
      onWholeFile?.(bytes);
      if (hasAppendedTags(bytes, size)) return null;
      const format = readOggHeader(bytes);
      return format && { format, dataCut: false };
    }
  } catch {
    // music-metadata meets the same error and turns it into the problem the report shows.
  }
  return null;
}
