import { readFileSync } from 'node:fs';
import type { IAudioMetadata, IFormat } from 'music-metadata';

/**
 * music-metadata, loaded on first use: a warm run served from the cache, or an archive of
 * plain WAVs, never needs its ~100 modules, and each probe thread would load them at start.
 */
let library: Promise<typeof import('music-metadata')> | undefined;
export const musicMetadata = () => (library ??= import('music-metadata'));

/**
 * Files up to this size are read whole and parsed from memory: one read instead of the dozen
 * small ones music-metadata makes on a file (and the end-of-file tag probes), ~1.75× faster.
 * Larger files keep the random-access reader so a long recording is never read for its header.
 */
export const WHOLE_FILE_BYTES = 256 * 1024;

/**
 * music-metadata's answer for one file, exactly as `parseFile` gives it: the parser is chosen
 * by extension first (through `path`), and errors carry the path as parseFile's do.
 */
export async function parseMetadata(
  absPath: string,
  size: number,
  wholeFileBytes = WHOLE_FILE_BYTES,
  /** The whole file when a fast reader already read it (and declined): not read again. */
  wholeFile?: Buffer,
): Promise<IAudioMetadata> {
  const { parseBuffer, parseFile, CouldNotDetermineFileTypeError, UnsupportedFileTypeError } =
    await musicMetadata();
  if (size > wholeFileBytes && wholeFile?.length !== size) {
    const metadata = await parseFile(absPath, { duration: false, skipCovers: true });
    // ADTS AAC and header-less VBR MP3 carry no duration up front. Scanning the file costs a
    // full read, so do it only for those, never for every file.
    return needsDurationScan(metadata.format)
      ? parseFile(absPath, { duration: true, skipCovers: true })
      : metadata;
  }
  // Synchronous: see read-bytes.ts.
  const bytes = wholeFile?.length === size ? wholeFile : readFileSync(absPath);
  const fileInfo = { path: absPath, size: bytes.length };
  try {
    const metadata = await parseBuffer(bytes, fileInfo, { duration: false, skipCovers: true });
    return needsDurationScan(metadata.format)
      ? await parseBuffer(bytes, fileInfo, { duration: true, skipCovers: true })
      : metadata;
  } catch (error) {
    if (error instanceof CouldNotDetermineFileTypeError || error instanceof UnsupportedFileTypeError) {
      error.message += `: ${absPath}`;
    }
    throw error;
  }
}

function needsDurationScan(format: IFormat): boolean {
  // A WAV's duration comes from its header alone; scanning cannot find a missing one.
  return format.duration === undefined && Boolean(format.codec) && format.container !== 'WAVE';
}
