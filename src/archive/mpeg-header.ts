/**
 * A fast reader for MPEG audio files (MP3: CBR with or without a Xing/Info frame, VBR with a
 * Xing frame, with or without plain ID3v2 text tags). It is a synchronous port of what
 * music-metadata's MpegParser does with `{duration: false}`, and again with `{duration: true}`
 * when that finds no duration (see parse-metadata.ts): the same frame sync, the same four-frame
 * CBR test, the same Xing/LAME arithmetic. music-metadata sets up a tag mapper, a tokenizer and
 * a dozen promises per file for this; the port costs a few microseconds.
 *
 * It returns null whenever it could differ: bytes beyond those read, ADTS, damaged frame data,
 * tags at the end, ID3v2 tags it does not know to be harmless. test/archive/mpeg-ogg-header.test.ts
 * holds it to music-metadata's answer.
 */
import type { Id3v1 } from './id3v1-tail.js';
import { skipId3v2Tags } from './id3v2-skip.js';
import type { NativeTags } from './native-tags.js';
import { ascii, EndOfFile, HeadTokenizer, NotCertain } from './head-tokenizer.js';
import {
  decodeFrameHeader,
  frameBytes,
  type FrameHeader,
  samplesPerFrame,
  sideInfoBytes,
} from './mpeg-frames.js';
import type { StreamFormat } from './stream-format.js';

/**
 * music-metadata's answer for an MPEG file of `size` bytes whose first bytes are `head` (the
 * whole file when head.length === size), or null when only music-metadata can tell.
 * Callers read the tags at the end of the file first (readAppendedTags).
 */
export function readMpegHeader(
  head: Uint8Array,
  size: number,
  /** The ID3v1 tag at the end of the file (readAppendedTags), if any. */
  id3v1: Id3v1 | null = null,
  /** Receives the tags music-metadata's first pass lists (ID3v2, then ID3v1). */
  tags: NativeTags = {},
): StreamFormat | null {
  try {
    const first = new MpegScan(new HeadTokenizer(head, size), false, id3v1, tags).run();
    // parse-metadata.ts scans the whole stream only when the first pass found no duration.
    if (first.duration !== undefined || !first.codec) return first;
    return new MpegScan(new HeadTokenizer(head, size), true, id3v1, {}).run();
  } catch (error) {
    if (error instanceof NotCertain) return null;
    throw error;
  }
}

const SYNC_PEEK_BYTES = 1024;
// MpegParser.sync gives up (end of stream) when no more than this many bytes are left.
const MIN_SYNC_BYTES = 163;

/** One parse of MpegParser, field for field; comments name the methods they port. */
class MpegScan {
  private readonly format: StreamFormat & { codecProfile?: string } = {};
  private frameCount = 0;
  private syncFrameCount = -1;
  private readonly bitrates: number[] = [];
  private offset = 0;
  private frameSize = 0;
  private calculateEofDuration = false;
  private samplesPerFrame: number | null = null;
  private mpegOffset: number | null = null;
  private audioFrameHeader: FrameHeader | undefined;
  // Reused across syncs like MpegParser.syncPeek.buf: a short peek leaves old bytes after it,
  // and the search runs over the whole buffer.
  private readonly syncPeek = new Uint8Array(SYNC_PEEK_BYTES);
  /** MpegParser.finalize: whether music-metadata listed any ID3v1 tag. */
  private hasId3v1 = false;

  constructor(
    private readonly tokenizer: HeadTokenizer,
    private readonly durationOption: boolean,
    private readonly id3v1: Id3v1 | null,
    private readonly tags: NativeTags,
  ) {}

  run(): StreamFormat {
    // AbstractID3Parser.parse: an end of file among the ID3v2 tags ends the parse, finalize
    // included, with nothing found.
    try {
      skipId3v2Tags(this.tokenizer, this.tags);
    } catch (error) {
      if (error instanceof EndOfFile) return {};
      throw error;
    }
    this.postId3v2Parse();
    this.readId3v1();
    this.finalize();
    const { container, codec, sampleRate, duration } = this.format;
    return { container, codec, sampleRate, duration };
  }

  private postId3v2Parse(): void {
    try {
      let quit = false;
      while (!quit) {
        this.sync();
        quit = this.parseCommonMpegHeader();
      }
    } catch (error) {
      if (!(error instanceof EndOfFile)) throw error;
      if (this.calculateEofDuration && this.samplesPerFrame !== null) {
        const numberOfSamples = this.frameCount * this.samplesPerFrame;
        if (this.format.sampleRate) this.format.duration = numberOfSamples / this.format.sampleRate;
      }
    }
  }

  /** ID3v1Parser.parse: skipped when the MPEG parse already read into the last 128 bytes. */
  private readId3v1(): void {
    const { tokenizer, id3v1 } = this;
    if (id3v1 === null || tokenizer.position > tokenizer.size - 128) return;
    for (const [type, list] of Object.entries(id3v1.tags)) {
      for (const tag of list) (this.tags[type] ??= []).push(tag);
      this.hasId3v1 ||= list.length > 0;
    }
  }

  private finalize(): void {
    const { format, tokenizer } = this;
    if (this.mpegOffset === null || format.codecProfile !== 'CBR') return;
    const mpegSize = tokenizer.size - this.mpegOffset - (this.hasId3v1 ? 128 : 0);
    if (this.samplesPerFrame !== null) {
      const numberOfSamples = Math.round(mpegSize / this.frameSize) * this.samplesPerFrame;
      if (format.sampleRate && !format.duration) {
        format.duration = numberOfSamples / format.sampleRate;
      }
    }
  }

  private sync(): void {
    const peek = this.syncPeek;
    let gotFirstSync = false;
    for (;;) {
      let bo = 0;
      const length = this.tokenizer.peekAvailable(peek, SYNC_PEEK_BYTES);
      if (length <= MIN_SYNC_BYTES) throw new EndOfFile();
      for (;;) {
        if (gotFirstSync && (peek[bo]! & 0xe0) === 0xe0) {
          this.tokenizer.ignore(bo);
          if (this.syncFrameCount === this.frameCount) {
            // Re-synced: the frames counted so far were not a stream.
            this.frameCount = 0;
            this.frameSize = 0;
          }
          this.syncFrameCount = this.frameCount;
          return;
        }
        gotFirstSync = false;
        bo = peek.indexOf(0xff, bo);
        if (bo === -1) {
          if (length < peek.length) throw new EndOfFile();
          this.tokenizer.ignore(length);
          break;
        }
        ++bo;
        gotFirstSync = true;
      }
    }
  }

  /** @returns true when the parser would stop */
  private parseCommonMpegHeader(): boolean {
    const { tokenizer, format } = this;
    if (this.frameCount === 0) this.mpegOffset = tokenizer.position - 1;
    // The three bytes after the 0xFF the sync stopped behind.
    const bytes = tokenizer.peek(3);
    const outcome = decodeFrameHeader(bytes[0]!, bytes[1]!, bytes[2]!);
    if (outcome.kind === 'adts') throw new NotCertain('ADTS');
    if (outcome.kind === 'invalid') {
      tokenizer.ignore(1);
      return false;
    }
    const header = outcome.header;
    tokenizer.ignore(3);
    format.container = 'MPEG';
    format.codec = header.codec;
    format.sampleRate = header.samplingRate;
    this.frameCount++;
    return this.parseAudioFrameHeader(header);
  }

  private parseAudioFrameHeader(header: FrameHeader): boolean {
    const perFrame = samplesPerFrame(header);
    this.frameSize = frameBytes(header);
    this.audioFrameHeader = header;
    this.bitrates.push(header.bitrate);
    // The Xing/Info frame, if any, is the first.
    if (this.frameCount === 1) {
      this.offset = 4;
      this.skipSideInformation();
      return false;
    }
    if (this.frameCount === 4) {
      // CBR when all bitrates seen so far (never reset on a re-sync) are the same.
      const first = this.bitrates[0];
      if (this.bitrates.every((b) => b === first)) {
        this.samplesPerFrame = perFrame;
        this.format.codecProfile = 'CBR';
        return true; // the duration comes from the file size, in finalize
      } else if (this.format.duration) {
        return true;
      }
      if (!this.durationOption) return true;
    }
    if (this.durationOption && this.frameCount === 4) {
      this.samplesPerFrame = perFrame;
      this.calculateEofDuration = true;
    }
    this.offset = 4;
    if (header.protectedByCrc) {
      this.tokenizer.ignore(2);
      this.offset += 2;
    }
    this.skipSideInformation();
    return false;
  }

  private skipSideInformation(): void {
    const header = this.audioFrameHeader!;
    const length = sideInfoBytes(header);
    this.tokenizer.read(length);
    this.offset += length;
    this.readXtraInfoHeader();
  }

  private readXtraInfoHeader(): void {
    const tag = ascii(this.tokenizer.read(4));
    this.offset += 4;
    switch (tag) {
      case 'Info':
        this.format.codecProfile = 'CBR';
        this.readXingInfoHeader();
        return;
      case 'Xing': {
        const vbrScale = this.readXingInfoHeader();
        if (vbrScale !== null) this.format.codecProfile = `V${Math.floor((100 - vbrScale) / 10)}`;
        return;
      }
      case 'Xtra':
        break;
      case 'LAME': {
        this.tokenizer.read(6);
        if (this.frameSize >= this.offset + 6) {
          this.offset += 6;
          this.skipFrameData(this.frameSize - this.offset);
          return;
        }
        break; // "Corrupt LAME header"
      }
    }
    const frameDataLeft = this.frameSize - this.offset;
    // Negative: music-metadata only warns, and reads on from here.
    if (frameDataLeft >= 0) this.skipFrameData(frameDataLeft);
  }

  /** readXingInfoHeader with readXingHeader; returns the VBR scale (or null). */
  private readXingInfoHeader(): number | null {
    const { tokenizer, format } = this;
    const start = tokenizer.position;
    const flags = tokenizer.read(4)[3]!;
    const uint32 = () => uint32BE(tokenizer.read(4), 0);
    const numFrames = flags & 1 ? uint32() : null;
    const streamSize = flags & 2 ? uint32() : null;
    if (flags & 4) tokenizer.read(100);
    const vbrScale = flags & 8 ? uint32() : null;
    if (ascii(tokenizer.peek(4)) === 'LAME') {
      tokenizer.ignore(4);
      const version = ascii(tokenizer.read(5));
      const match = version.match(/\d+.\d+/g);
      if (match !== null) {
        const [major, minor] = match[0]!.split('.').map((n) => Number.parseInt(n, 10));
        if (major! >= 3 && minor! >= 90) {
          const extended = tokenizer.read(27);
          format.duration = uint32BE(extended, 20) / 1000;
        }
      }
    }
    this.offset += tokenizer.position - start;
    if (streamSize && numFrames !== null) {
      const header = this.audioFrameHeader!;
      format.duration = (numFrames * samplesPerFrame(header)) / header.samplingRate;
      return vbrScale;
    }
    this.skipFrameData(this.frameSize - this.offset);
    return vbrScale;
  }

  private skipFrameData(frameDataLeft: number): void {
    // music-metadata throws "frame-data-left cannot be negative", which fails the parse.
    if (frameDataLeft < 0) throw new NotCertain('negative frame data');
    this.tokenizer.ignore(frameDataLeft);
  }
}

function uint32BE(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}
