/**
 * A fast reader for WAV files: RIFF/WAVE with `fmt `, `fact` and `data`, and whatever tags and
 * other chunks sit before or after the audio (`LIST`/`INFO`, `bext`, `id3 `, `cue `, `JUNK`,
 * `PAD `, unknown chunks). It walks the chunks as music-metadata's WaveParser does, from the
 * first bytes of the file and, when chunks follow the audio, its last bytes; music-metadata
 * needs about a dozen small reads for the same answer. It also lists the tags WaveParser lists
 * (INFO under `exif`, `bext.*` fields, an `id3 ` chunk's ID3v2 frames), for call IDs in tags.
 *
 * A header cut short, an exotic codec, a `CSET` code page, or a chunk WaveParser would fail on
 * returns null, and the caller asks music-metadata: agreeing with it is the contract, and
 * test/archive/tagged-agreement.test.ts checks it on every fixture and generated variant.
 */
import { EndOfFile, HeadTokenizer, NotCertain } from './head-tokenizer.js';
import { readId3v2Tag } from './id3v2-skip.js';
import { addNativeTag, type NativeTags } from './native-tags.js';
import { decodeTagText } from './tag-text.js';

/** The subset of music-metadata's IFormat that probing looks at. */
export interface HeaderFormat {
  container: string;
  codec: string;
  sampleRate: number;
  numberOfChannels: number;
  bitsPerSample: number;
  duration: number | undefined;
  /** music-metadata's "data chunk length exceeding file length" warning. */
  dataCut: boolean;
  /** music-metadata's `native` tags for the file. */
  tags: NativeTags;
}

/** Bytes read from the start of a WAV; Asterisk headers are 44–60 bytes, a `bext` 602 and more. */
export const WAV_HEAD_BYTES = 4096;
/** Chunks after the audio are read when they are at most this long together (tags are small). */
const WAV_TAIL_MAX_BYTES = 64 * 1024;

// wFormatTag → codec name, as music-metadata's WaveFormatNameMap spells them.
const FAST_CODECS: ReadonlyMap<number, string> = new Map([
  [0x0001, 'PCM'],
  [0x0006, 'ALAW'],
  [0x0007, 'MULAW'],
  [0x0031, 'GSM610'],
]);

const CHUNK_HEADER = 8;
/** BroadcastAudioExtensionChunk.len: the fixed part of a `bext` chunk that WaveParser reads. */
const BEXT_BYTES = 420;

/**
 * Reads a WAV of `fileSize` bytes whose first bytes are `head` the way music-metadata's
 * WaveParser does, or returns null when the file needs the full parser. `readFrom(offset)`
 * returns the file's bytes from `offset` to its end; it is called only when chunks follow the
 * audio, and never for more than WAV_TAIL_MAX_BYTES.
 */
export function readWavHeader(
  head: Uint8Array,
  fileSize: number,
  readFrom?: (offset: number) => Uint8Array,
): HeaderFormat | null {
  try {
    return new WaveWalk(head, fileSize, readFrom).run();
  } catch (error) {
    if (error instanceof NotCertain) return null;
    throw error;
  }
}

/** The file as two pieces in memory: its head and, once needed, the rest from some offset. */
class Pieces {
  private rest: Uint8Array | undefined;
  private restStart = 0;

  constructor(
    private readonly head: Uint8Array,
    readonly size: number,
    private readonly readFrom: ((offset: number) => Uint8Array) | undefined,
  ) {}

  /** Exactly `length` bytes at `offset`; EndOfFile where the file ends first. */
  at(offset: number, length: number): Uint8Array {
    if (offset + length > this.size) throw new EndOfFile();
    if (offset + length <= this.head.length) return this.head.subarray(offset, offset + length);
    if (this.rest === undefined) {
      if (this.readFrom === undefined || this.size - offset > WAV_TAIL_MAX_BYTES) {
        throw new NotCertain('beyond the bytes read');
      }
      this.restStart = offset;
      this.rest = this.readFrom(offset);
      if (this.rest.length !== this.size - offset) throw new NotCertain('file changed size');
    }
    if (offset < this.restStart) throw new NotCertain('beyond the bytes read');
    return this.rest.subarray(offset - this.restStart, offset - this.restStart + length);
  }
}

/** WaveParser.readWaveChunk, chunk by chunk; comments name what they port. */
class WaveWalk {
  private readonly bytes: Pieces;
  private readonly tags: NativeTags = {};
  /** INFO tags wait for the end of the walk (flushInfoTags), after any `bext` fields. */
  private readonly pendingInfo: Array<[string, string]> = [];
  private codec: string | undefined;
  private sampleRate = 0;
  private blockAlign = 0;
  private numberOfChannels = 0;
  private bitsPerSample = 0;
  private factSamples: number | undefined;
  private audio: { duration: number | undefined; dataCut: boolean } | undefined;

  constructor(head: Uint8Array, fileSize: number, readFrom?: (offset: number) => Uint8Array) {
    this.bytes = new Pieces(head, fileSize, readFrom);
  }

  run(): HeaderFormat | null {
    const { bytes } = this;
    if (bytes.size < 12) return null;
    const riff = Buffer.from(bytes.at(0, 12));
    if (riff.toString('latin1', 0, 4) !== 'RIFF' || riff.toString('latin1', 8, 12) !== 'WAVE') return null;
    try {
      this.walk(riff.readUInt32LE(4) - 4);
    } catch (error) {
      // WaveParser.parse: an end of file among the chunks ends the walk, nothing else.
      if (!(error instanceof EndOfFile)) throw error;
    }
    if (this.audio === undefined || this.codec === undefined) return null;
    for (const [id, value] of this.pendingInfo) addNativeTag(this.tags, 'exif', id, value);
    const { codec, sampleRate, numberOfChannels, bitsPerSample } = this;
    return {
      container: 'WAVE',
      codec,
      sampleRate,
      numberOfChannels,
      bitsPerSample,
      ...this.audio,
      tags: this.tags,
    };
  }

  private walk(riffRemaining: number): void {
    let remaining = riffRemaining;
    let offset = 12;
    // music-metadata walks chunks while the RIFF size says at least one chunk header is left.
    while (remaining >= CHUNK_HEADER) {
      const header = Buffer.from(this.bytes.at(offset, CHUNK_HEADER));
      const id = header.toString('latin1', 0, 4);
      const size = header.readUInt32LE(4);
      const body = offset + CHUNK_HEADER;
      remaining -= CHUNK_HEADER + size;
      if (id === 'data') {
        this.readData(body, size);
      } else {
        // A format or a second stream after the audio would change the answer already given.
        if (this.audio !== undefined && (id === 'fmt ' || id === 'fact')) throw new NotCertain('late format');
        this.readChunk(id, body, size);
      }
      // The odd padding byte is skipped, but not counted in `remaining`.
      offset = body + size + (size % 2);
    }
  }

  private readChunk(id: string, body: number, size: number): void {
    switch (id) {
      case 'fmt ': {
        if (size < 16) throw new NotCertain('short fmt chunk');
        const fmt = Buffer.from(this.bytes.at(body, 16));
        const name = FAST_CODECS.get(fmt.readUInt16LE(0));
        if (name === undefined) throw new NotCertain('codec');
        this.codec = name;
        this.numberOfChannels = fmt.readUInt16LE(2);
        this.sampleRate = fmt.readUInt32LE(4);
        this.blockAlign = fmt.readUInt16LE(12);
        this.bitsPerSample = fmt.readUInt16LE(14);
        // No sample count without a block size: leave the odd file to the full parser.
        if (this.blockAlign === 0) throw new NotCertain('block align 0');
        return;
      }
      case 'fact':
        if (size < 4) throw new NotCertain('short fact chunk');
        this.factSamples = Buffer.from(this.bytes.at(body, 4)).readUInt32LE(0);
        return;
      case 'LIST':
        return this.readList(body, size);
      case 'bext':
        return this.readBext(body, size);
      case 'id3 ':
      case 'ID3 ':
        return this.readId3(body, size);
      case 'CSET':
        // A code page changes how INFO text decodes; rare enough to leave to music-metadata.
        throw new NotCertain('CSET');
      default:
      // JUNK, PAD, cue, padding and unknown chunks are skipped unread.
    }
  }

  private readData(body: number, size: number): void {
    if (this.codec === undefined || this.audio !== undefined) throw new NotCertain('data chunk');
    let dataBytes = size;
    const available = this.bytes.size - body;
    const dataCut = available < dataBytes;
    if (dataCut) dataBytes = available;
    const samples =
      this.factSamples !== undefined
        ? this.factSamples
        : dataBytes === 0xffffffff
          ? undefined
          : dataBytes / this.blockAlign;
    const duration = samples && this.sampleRate ? samples / this.sampleRate : undefined;
    this.audio = { duration, dataCut };
  }

  /** parseListTag and parseRiffInfoTags. */
  private readList(body: number, size: number): void {
    if (size < 4) throw new NotCertain('short LIST chunk');
    if (decodeTagText(this.bytes.at(body, 4), 'latin1') !== 'INFO') return;
    let left = size - 4;
    let offset = body + 4;
    while (left >= CHUNK_HEADER) {
      const header = Buffer.from(this.bytes.at(offset, CHUNK_HEADER));
      const id = header.toString('latin1', 0, 4);
      const valueBytes = header.readUInt32LE(4);
      const padded = valueBytes + (valueBytes & 1);
      const value = this.bytes.at(offset + CHUNK_HEADER, padded).subarray(0, valueBytes);
      // ListInfoTagValue: Latin-1 without a CSET chunk, up to the first NUL.
      this.pendingInfo.push([id, decodeTagText(value, 'latin1').split('\0', 1)[0]!]);
      offset += CHUNK_HEADER + padded;
      left -= CHUNK_HEADER + padded;
    }
    // WaveParser throws "Illegal remaining size" when the entries do not fill the list exactly.
    if (left !== 0) throw new NotCertain('INFO list size');
  }

  /** BroadcastAudioExtensionChunk: the fields as WaveParser adds them, in order. */
  private readBext(body: number, size: number): void {
    if (size < BEXT_BYTES) throw new NotCertain('short bext chunk');
    const bext = this.bytes.at(body, BEXT_BYTES);
    const view = Buffer.from(bext.buffer, bext.byteOffset, bext.byteLength);
    // util.stripNulls: NULs off both ends, then whitespace.
    const text = (start: number, length: number) =>
      stripNulls(decodeTagText(bext.subarray(start, start + length), 'ascii')).trim();
    const fields: Array<[string, unknown]> = [
      ['description', text(0, 256)],
      ['originator', text(256, 32)],
      ['originatorReference', text(288, 32)],
      ['originationDate', text(320, 10)],
      ['originationTime', text(330, 8)],
      ['timeReferenceLow', view.readUInt32LE(338)],
      ['timeReferenceHigh', view.readUInt32LE(342)],
      ['version', view.readUInt16LE(346)],
      ['umid', bext.subarray(348, 412)],
      ['loudnessValue', view.readUInt16LE(412)],
      ['maxTruePeakLevel', view.readUInt16LE(414)],
      ['maxMomentaryLoudness', view.readUInt16LE(416)],
      ['maxShortTermLoudness', view.readUInt16LE(418)],
    ];
    for (const [key, value] of fields) addNativeTag(this.tags, 'exif', `bext.${key}`, value);
  }

  /** An ID3v2 tag in a chunk, parsed from the chunk's bytes alone (one tag, as WaveParser does). */
  private readId3(body: number, size: number): void {
    const chunk = this.bytes.at(body, size);
    const tokenizer = new HeadTokenizer(chunk, chunk.length);
    try {
      if (decodeTagText(tokenizer.peek(3), 'ascii') !== 'ID3')
        throw new NotCertain('id3 chunk without a tag');
      readId3v2Tag(tokenizer, this.tags);
    } catch (error) {
      // Inside the chunk an end of bytes would end WaveParser's walk early: not followed here.
      if (error instanceof EndOfFile) throw new NotCertain('ID3 tag past its chunk');
      throw error;
    }
  }
}

function stripNulls(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 0) start++;
  while (end > start && text.charCodeAt(end - 1) === 0) end--;
  return text.slice(start, end);
}
