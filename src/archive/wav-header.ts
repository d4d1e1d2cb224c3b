/**
 * A fast reader for the WAV shapes that dominate telephony archives (Asterisk `wav` and
 * `wav49`, G.711 exports): RIFF/WAVE with `fmt `, an optional `fact` and `data`, nothing after
 * the audio. It reads the same fields music-metadata would, the same way, from the first bytes
 * of the file alone; music-metadata needs about a dozen small reads for the same answer.
 *
 * Anything outside that shape (tags, BWF, chunks after the audio, a header cut short, an exotic
 * codec) returns null, and the caller asks music-metadata: agreeing with it is the contract,
 * and test/archive/wav-header.test.ts checks it on every fixture and generated variant.
 */

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
}

/** Bytes read from the start of a WAV; Asterisk headers are 44–60 bytes. */
export const WAV_HEAD_BYTES = 4096;

// wFormatTag → codec name, as music-metadata's WaveFormatNameMap spells them.
const FAST_CODECS: ReadonlyMap<number, string> = new Map([
  [0x0001, 'PCM'],
  [0x0006, 'ALAW'],
  [0x0007, 'MULAW'],
  [0x0031, 'GSM610'],
]);

const CHUNK_HEADER = 8;

/**
 * Reads `head` (the first bytes of a file of `fileSize` bytes) the way music-metadata's
 * WaveParser does, or returns null when the file needs the full parser.
 */
export function readWavHeader(head: Uint8Array, fileSize: number): HeaderFormat | null {
  const view = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (view.length < 12 || view.toString('latin1', 0, 4) !== 'RIFF') return null;
  if (view.toString('latin1', 8, 12) !== 'WAVE') return null;
  // music-metadata walks chunks while the RIFF size says at least one chunk header is left.
  let remaining = view.readUInt32LE(4) - 4;
  let offset = 12;
  let codec: string | undefined;
  let sampleRate = 0;
  let blockAlign = 0;
  let numberOfChannels = 0;
  let bitsPerSample = 0;
  let factSamples: number | undefined;

  while (remaining >= CHUNK_HEADER) {
    if (offset + CHUNK_HEADER > view.length) return null;
    const id = view.toString('latin1', offset, offset + 4);
    const size = view.readUInt32LE(offset + 4);
    const body = offset + CHUNK_HEADER;
    remaining -= CHUNK_HEADER + size;
    if (id === 'data') {
      if (codec === undefined) return null;
      // After the audio only chunk headers may follow: tags, which the full parser reads.
      if (remaining >= CHUNK_HEADER) return null;
      let dataBytes = size;
      const available = fileSize - body;
      const dataCut = available < dataBytes;
      if (dataCut) dataBytes = available;
      const samples =
        factSamples !== undefined
          ? factSamples
          : dataBytes === 0xffffffff
            ? undefined
            : dataBytes / blockAlign;
      const duration = samples && sampleRate ? samples / sampleRate : undefined;
      return { container: 'WAVE', codec, sampleRate, numberOfChannels, bitsPerSample, duration, dataCut };
    }
    if (body + size > view.length) return null;
    if (id === 'fmt ') {
      if (size < 16) return null;
      const name = FAST_CODECS.get(view.readUInt16LE(body));
      if (name === undefined) return null;
      codec = name;
      numberOfChannels = view.readUInt16LE(body + 2);
      sampleRate = view.readUInt32LE(body + 4);
      blockAlign = view.readUInt16LE(body + 12);
      bitsPerSample = view.readUInt16LE(body + 14);
      // No sample count without a block size: leave the odd file to the full parser.
      if (blockAlign === 0) return null;
    } else if (id === 'fact') {
      if (size < 4) return null;
      factSamples = view.readUInt32LE(body);
    } else {
      // LIST, bext, id3, CSET … carry tags or change how they are read.
      return null;
    }
    offset = body + size + (size % 2);
  }
  return null;
}
