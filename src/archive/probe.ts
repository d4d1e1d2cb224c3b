import { extname } from 'node:path';
import type { IAudioMetadata, IFormat } from 'music-metadata';
import { parseMetadata } from './parse-metadata.js';
import type { FileProblem } from '../audit/types.js';
import { readFastHeader } from './fast-header.js';
import { openFile, rethrowMissingBytes, type OpenBytes } from './read-bytes.js';
import {
  gsmFramesSigned,
  hasMpegFrameRun,
  implausibleFormat,
  STRUCTURE_SEARCH_TEXT,
} from './audio-structure.js';

export interface ProbeResult {
  /** Container as music-metadata names it (WAVE, MPEG, Ogg, …), or GSM for raw GSM. */
  format: string | null;
  codec: string | null;
  durationSec: number | null;
  /** Empty when the file is readable audio. */
  problems: FileProblem[];
}

/** Extensions whose parsers sync on frames, and the frames they hold. */
const FRAME_STREAMS: ReadonlyMap<string, 'MPEG' | 'ADTS'> = new Map([
  ['.mp1', 'MPEG'],
  ['.mp2', 'MPEG'],
  ['.mp3', 'MPEG'],
  ['.m2a', 'MPEG'],
  ['.aac', 'ADTS'],
]);

const GSM_FRAME_BYTES = 33;
const GSM_FRAME_SEC = 0.02;

// music-metadata raises this on every WAV (an off-by-design check on the last chunk), so it
// says nothing; the one below is raised only when the data chunk really runs past the end.
const WAV_DATA_CUT_WARNING = 'data chunk length exceeding file length';

/**
 * The most of an S3 object fetched whole into memory when no header reader covers its format
 * (M4A, FLAC, …): up to `--concurrency` of them are in flight at once.
 */
export const WHOLE_OBJECT_BYTES = 32 * 1024 * 1024;

export interface ProbeOptions {
  /**
   * Test switch: parse every file with music-metadata, the reference, even where a fast header
   * reader (WAV, MPEG, Ogg) could answer; the fast-path tests compare both answers.
   */
  skipFastReaders?: boolean;
  /** Files up to this size are parsed from memory (see parse-metadata.ts); tests vary it. */
  wholeFileBytes?: number;
  /**
   * Where the bytes come from when the recording is not a local file (an S3 object): the readers
   * read through it, and music-metadata gets the whole recording from it. Default: `absPath`.
   */
  open?: OpenBytes;
}

/**
 * Reads just enough of an audio file to tell whether it is a usable recording. Never throws:
 * anything wrong with the file comes back as a problem.
 */
export async function probeAudio(
  absPath: string,
  size: number,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  if (size === 0) {
    return unreadable('EMPTY_FILE', 'The file is empty (0 bytes): the recorder wrote no audio.');
  }
  const extension = extname(absPath).toLowerCase();
  const open = options.open ?? openFile(absPath);
  if (extension === '.gsm') return probeRawGsm(open, size);
  const frames = FRAME_STREAMS.get(extension);
  if (frames !== undefined) {
    // Before any parser: both would take one chance sync for a stream, or scan gigabytes of junk.
    try {
      if (!open((source) => hasMpegFrameRun(source, size, frames === 'ADTS'))) {
        return unreadable(
          'UNDECODABLE',
          `No run of ${frames} audio frames in the first ${STRUCTURE_SEARCH_TEXT}: not a recording, or damaged beyond reading.`,
        );
      }
    } catch (error) {
      return fromError(error);
    }
  }
  let wholeFile: Buffer | undefined;
  if (!options.skipFastReaders) {
    const fast = readFastHeader(open, extension, size, (bytes) => (wholeFile = bytes));
    if (fast !== null) return fromFormat(fast.format, fast.dataCut, absPath);
  }

  // A local file above WHOLE_FILE_BYTES is parsed by random access; an object can only be parsed
  // whole from memory, one per object in flight: above WHOLE_OBJECT_BYTES it is left for review.
  if (options.open !== undefined && wholeFile === undefined && size > WHOLE_OBJECT_BYTES)
    return unreadable(
      'UNREADABLE',
      `Not read: a ${extension || 'file without extension'} recording of ${size} bytes, in a format the ` +
        `header readers do not cover, would have to be fetched whole (over ${WHOLE_OBJECT_BYTES} bytes) ` +
        'to be read: copy it to a disk and audit it there.',
    );
  let metadata: IAudioMetadata;
  try {
    if (options.open !== undefined && wholeFile === undefined)
      wholeFile = open((source) => source.readAt(0, size));
    metadata = await parseMetadata(absPath, size, options.wholeFileBytes, wholeFile);
  } catch (error) {
    return fromError(error);
  }

  const cut = metadata.quality.warnings.some((w) => w.message === WAV_DATA_CUT_WARNING);
  return fromFormat(metadata.format, cut, absPath);
}

type ProbedFormat = Pick<IFormat, 'container' | 'codec' | 'sampleRate' | 'duration'> &
  Partial<Pick<IFormat, 'numberOfChannels' | 'bitsPerSample'>>;

/** Shared by both readers, so the fast path cannot word a problem differently. */
function fromFormat(format: ProbedFormat, dataCut: boolean, absPath: string): ProbeResult {
  const result: ProbeResult = {
    format: format.container ?? null,
    codec: format.codec ?? null,
    durationSec:
      format.duration !== undefined && Number.isFinite(format.duration) ? round(format.duration, 3) : null,
    problems: [],
  };
  const implausible = implausibleFormat(format);
  const missing = missingEssentials(format);
  if (implausible !== null) {
    result.problems.push({
      code: 'UNDECODABLE',
      message: `Not usable audio: the ${format.container ?? 'file'} header gives ${implausible}.`,
    });
  } else if (missing.length > 0) {
    result.problems.push(
      format.container
        ? {
            code: 'TRUNCATED',
            message: `Recognised as ${format.container} but without ${missing.join(', ')}: the file is probably cut short or was never finished.`,
          }
        : {
            code: 'UNDECODABLE',
            message: `Not recognisable as ${extname(absPath).slice(1) || 'audio'}: no container, codec or duration found.`,
          },
    );
  } else if (dataCut) {
    result.problems.push({
      code: 'TRUNCATED',
      message: 'The audio data is cut short: the header promises more audio than the file holds.',
    });
  }
  return result;
}

function missingEssentials(format: ProbedFormat): string[] {
  const missing: string[] = [];
  if (!format.codec) missing.push('codec');
  // The ASF parser never reports a sample rate, so for WMA its absence proves nothing.
  if (!format.sampleRate && !format.container?.startsWith('ASF')) missing.push('sample rate');
  if (!(format.duration !== undefined && format.duration > 0)) missing.push('duration');
  return missing;
}

/**
 * Asterisk's `gsm` format has no header, so no parser recognises it; its size gives the length
 * (33-byte frames of 20 ms), and the 0xD signature nibble that starts every frame tells it from
 * junk: one frame's could be chance (1 in 16), so each of the first frames must carry it.
 */
function probeRawGsm(open: OpenBytes, size: number): ProbeResult {
  let signed: boolean;
  try {
    signed = open((source) => gsmFramesSigned(source, size));
  } catch (error) {
    return fromError(error);
  }
  const result: ProbeResult = {
    format: 'GSM',
    codec: 'GSM610',
    durationSec: round((size / GSM_FRAME_BYTES) * GSM_FRAME_SEC, 2),
    problems: [],
  };
  if (!signed) {
    result.problems.push({
      code: 'UNDECODABLE',
      message: 'Not GSM 06.10 audio: a frame among the first lacks the GSM signature.',
    });
  } else if (size % GSM_FRAME_BYTES !== 0) {
    result.problems.push({
      code: 'TRUNCATED',
      message: `The last GSM frame is incomplete (${size} bytes is not a multiple of ${GSM_FRAME_BYTES}).`,
    });
  }
  return result;
}

function fromError(error: unknown): ProbeResult {
  rethrowMissingBytes(error);
  const message = error instanceof Error ? error.message : String(error);
  if (isSystemError(error)) return unreadable('UNREADABLE', `Cannot read the file: ${message}`);
  // strtok3 (music-metadata's reader) throws this when a header ends before it should.
  if (error instanceof Error && error.name === 'EndOfStreamError') {
    return unreadable('TRUNCATED', 'The file ends inside its header: it is cut short.');
  }
  return unreadable('UNDECODABLE', `Not readable as audio: ${message}`);
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

function unreadable(code: FileProblem['code'], message: string): ProbeResult {
  return { format: null, codec: null, durationSec: null, problems: [{ code, message }] };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
