/**
 * Evidence that a file really is audio, beyond what a parser accepts: parsers are lenient by
 * design (music-metadata takes one chance frame sync in random bytes for an MP3 stream, a WAV
 * with 0 channels for audio), but a recording judged readable can be kept or deleted on its
 * call log's word, so doubtful bytes must stay `UNREADABLE_FILE` for a human to look at.
 */
import { id3v2TagLength } from './id3v2-skip.js';
import { decodeFrameHeader, frameBytes, type FrameHeader } from './mpeg-frames.js';
import type { ByteSource } from './read-bytes.js';

/** How far into a file (after its ID3v2 tags) audio frames are looked for; then it is given up. */
const STRUCTURE_SEARCH_BYTES = 1024 * 1024;
export const STRUCTURE_SEARCH_TEXT = '1 MiB';

/** Consecutive frames, each where the previous one's length says, that make an MPEG/ADTS stream. */
const FRAME_RUN = 4;
/** Read first; a run found in it is found in the full search too. */
const FIRST_LOOK_BYTES = 64 * 1024;
/** Read past the search limit so a run that starts just before it can finish (ADTS frames reach 8 KiB). */
const RUN_SLACK_BYTES = FRAME_RUN * 8 * 1024;

/** The format fields a plausibility check reads: music-metadata's IFormat or a fast reader's. */
export interface FormatFacts {
  container?: string;
  codec?: string;
  sampleRate?: number;
  duration?: number;
  numberOfChannels?: number;
  bitsPerSample?: number;
}

// Telephony runs at 8 kHz; studio gear at up to 384 kHz. Outside that a header is not real.
const MIN_SAMPLE_RATE = 2000;
const MAX_SAMPLE_RATE = 384_000;
const MAX_CHANNELS = 32;
/** Codecs whose samples have a bit depth: 0 bits there is no audio (GSM's 0 is normal). */
const SAMPLED_CODECS = new Set(['PCM', 'IEEE_FLOAT', 'ALAW', 'MULAW']);

/** Why a parsed format cannot be audio, or null when it can. */
export function implausibleFormat(format: FormatFacts): string | null {
  const { sampleRate, numberOfChannels, bitsPerSample, duration, codec } = format;
  if (numberOfChannels !== undefined && !(numberOfChannels >= 1 && numberOfChannels <= MAX_CHANNELS)) {
    return `${numberOfChannels} channels`;
  }
  if (
    sampleRate !== undefined &&
    sampleRate !== 0 &&
    !(sampleRate >= MIN_SAMPLE_RATE && sampleRate <= MAX_SAMPLE_RATE)
  ) {
    return `a sample rate of ${sampleRate} Hz`;
  }
  if (bitsPerSample !== undefined && codec !== undefined && SAMPLED_CODECS.has(codec)) {
    if (!(bitsPerSample >= 1 && bitsPerSample <= 64)) return `${bitsPerSample} bits per ${codec} sample`;
  }
  // A block align of 0 divides the data into an infinite number of samples.
  if (duration !== undefined && !Number.isFinite(duration)) return 'no sample size (block align 0)';
  return null;
}

/**
 * Whether the start of an MPEG audio (MP1/2/3) or ADTS (AAC) file holds a run of frames, each
 * found where the one before it ends. Reads at most STRUCTURE_SEARCH_BYTES after the ID3v2 tags,
 * so a huge file of zeros is given up on at once instead of being scanned to its end.
 */
export function hasMpegFrameRun(source: ByteSource, size: number, adts: boolean): boolean {
  const start = afterId3v2Tags(source, size);
  const frameAt = adts ? adtsFrameLength : mpegFrameLength;
  // A recording's frames start at once: its run is found in a first look, and only junk (or a
  // stream behind junk) costs the read up to the search limit, every MP3 of an archive otherwise.
  if (size - start > FIRST_LOOK_BYTES) {
    const head = source.readAt(start, FIRST_LOOK_BYTES);
    if (hasRun(head, head.length, frameAt, false)) return true;
  }
  const window = source.readAt(start, Math.min(size - start, STRUCTURE_SEARCH_BYTES + RUN_SLACK_BYTES));
  const wholeRest = start + window.length === size;
  const end = wholeRest ? window.length : Math.min(window.length, STRUCTURE_SEARCH_BYTES);
  return hasRun(window, end, frameAt, wholeRest);
}

/** Whether a run starts at a sync byte before `end`. */
function hasRun(window: Buffer, end: number, frameAt: FrameLength, windowIsWholeRest: boolean): boolean {
  for (let at = window.indexOf(0xff); at !== -1 && at < end; at = window.indexOf(0xff, at + 1)) {
    if (runFrom(window, at, frameAt, windowIsWholeRest)) return true;
  }
  return false;
}

type FrameLength = (
  bytes: Uint8Array,
  at: number,
  first: number | null,
) => { length: number; key: number } | null;

/** FRAME_RUN frames from `at`, or at least two that end exactly where the file (or its tag) does. */
function runFrom(bytes: Uint8Array, at: number, frameAt: FrameLength, windowIsWholeRest: boolean): boolean {
  let key: number | null = null;
  let offset = at;
  for (let frames = 0; frames < FRAME_RUN; frames++) {
    if (offset + 7 > bytes.length) return frames >= 2 && windowIsWholeRest && tailIsTagOrEnd(bytes, offset);
    const frame = frameAt(bytes, offset, key);
    if (frame === null) return frames >= 2 && windowIsWholeRest && tailIsTagOrEnd(bytes, offset);
    key = frame.key;
    offset += frame.length;
  }
  return true;
}

/** The end of the file, or an ID3v1/APE tag there: a short stream that ends cleanly. */
function tailIsTagOrEnd(bytes: Uint8Array, offset: number): boolean {
  if (offset === bytes.length) return true;
  const rest = Buffer.from(bytes.buffer, bytes.byteOffset + offset, Math.min(8, bytes.length - offset));
  return rest.toString('latin1', 0, 3) === 'TAG' || rest.toString('latin1', 0, 8) === 'APETAGEX';
}

/** An MPEG audio frame at `at` of the same version, layer and rate as the first (`key`). */
function mpegFrameLength(
  bytes: Uint8Array,
  at: number,
  key: number | null,
): { length: number; key: number } | null {
  if (bytes[at] !== 0xff || (bytes[at + 1]! & 0xe0) !== 0xe0) return null;
  const outcome = decodeFrameHeader(bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (outcome.kind !== 'frame') return null;
  const frameKey = mpegKey(outcome.header);
  if (key !== null && frameKey !== key) return null;
  const length = frameBytes(outcome.header);
  return length > 4 ? { length, key: frameKey } : null;
}

function mpegKey(header: FrameHeader): number {
  return header.version * 1_000_000 + header.layer * 100_000 + header.samplingRate;
}

// ADTS sampling frequency indices 0–12 are defined; 13–15 are reserved.
const ADTS_RATES = 13;
const ADTS_HEADER_BYTES = 7;

/** An ADTS frame at `at`: sync, layer 0, a defined rate, the same profile and rate as the first. */
function adtsFrameLength(
  bytes: Uint8Array,
  at: number,
  key: number | null,
): { length: number; key: number } | null {
  if (bytes[at] !== 0xff || (bytes[at + 1]! & 0xf6) !== 0xf0) return null;
  const rateIndex = (bytes[at + 2]! >> 2) & 0x0f;
  if (rateIndex >= ADTS_RATES) return null;
  const frameKey = ((bytes[at + 1]! & 0x08) << 8) | (bytes[at + 2]! & 0xfc);
  if (key !== null && frameKey !== key) return null;
  const length = ((bytes[at + 3]! & 0x03) << 11) | (bytes[at + 4]! << 3) | (bytes[at + 5]! >> 5);
  return length > ADTS_HEADER_BYTES ? { length, key: frameKey } : null;
}

/** Where the audio starts: after every ID3v2 tag at the head of the file (cover art can be MBs). */
function afterId3v2Tags(source: ByteSource, size: number): number {
  let offset = 0;
  for (;;) {
    const tagBytes = id3v2TagLength(source.readAt(offset, 10));
    if (tagBytes === 0) return offset;
    const next = offset + tagBytes;
    if (next >= size) return offset;
    offset = next;
  }
}

const GSM_FRAME_BYTES = 33;
/** Raw GSM frames whose signature is checked: 0.64 s of audio, a 1 in 16^32 chance for junk. */
const GSM_FRAMES_CHECKED = 32;

/** Whether every one of the first frames of a raw GSM 06.10 file starts with the 0xD nibble. */
export function gsmFramesSigned(source: ByteSource, size: number): boolean {
  const bytes = source.readAt(0, Math.min(size, GSM_FRAME_BYTES * GSM_FRAMES_CHECKED));
  if (bytes.length === 0) return false;
  for (let at = 0; at < bytes.length; at += GSM_FRAME_BYTES) if (bytes[at]! >> 4 !== 0xd) return false;
  return true;
}
