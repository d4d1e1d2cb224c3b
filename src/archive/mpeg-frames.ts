/**
 * MPEG audio frame headers, decoded exactly as music-metadata's MpegFrameHeader
 * (node_modules/music-metadata/lib/mpeg/MpegParser.js) decodes them, table for table, so the
 * codec name, sample rate and frame size agree to the bit.
 */

export interface FrameHeader {
  version: 1 | 2 | 2.5;
  layer: 1 | 2 | 3;
  codec: string;
  bitrate: number;
  samplingRate: number;
  padding: boolean;
  mono: boolean;
  protectedByCrc: boolean;
}

/** What music-metadata does with the four header bytes, when it does not parse a frame. */
export type FrameHeaderOutcome =
  | { kind: 'frame'; header: FrameHeader }
  /** A header music-metadata rejects with a warning, then moves one byte on. */
  | { kind: 'invalid' }
  /** ADTS (AAC): a different parser path, left to music-metadata. */
  | { kind: 'adts' };

const VERSION_BY_INDEX = [2.5, null, 2, 1] as const;
const LAYER_BY_INDEX = [0, 3, 2, 1] as const;

// kbit/s by bitrate index, for [MPEG-1 layer 1, 2, 3, MPEG-2/2.5 layer 1, 2, 3].
const BITRATES: ReadonlyArray<readonly number[]> = [
  [],
  [32, 32, 32, 32, 8, 8],
  [64, 48, 40, 48, 16, 16],
  [96, 56, 48, 56, 24, 24],
  [128, 64, 56, 64, 32, 32],
  [160, 80, 64, 80, 40, 40],
  [192, 96, 80, 96, 48, 48],
  [224, 112, 96, 112, 56, 56],
  [256, 128, 112, 128, 64, 64],
  [288, 160, 128, 144, 80, 80],
  [320, 192, 160, 160, 96, 96],
  [352, 224, 192, 176, 112, 112],
  [384, 256, 224, 192, 128, 128],
  [416, 320, 256, 224, 144, 144],
  [448, 384, 320, 256, 160, 160],
];

const SAMPLE_RATES = {
  1: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  2.5: [11025, 12000, 8000],
} as const;

/** Decodes the header whose first byte (0xFF) is `b0` and next three are b1..b3. */
export function decodeFrameHeader(b1: number, b2: number, b3: number): FrameHeaderOutcome {
  const versionIndex = (b1 >> 3) & 0b11;
  const layerValue = LAYER_BY_INDEX[(b1 >> 1) & 0b11]!;
  if (versionIndex > 1 && layerValue === 0) return { kind: 'adts' };
  const version = VERSION_BY_INDEX[versionIndex]!;
  const bitrateIndex = b2 >> 4;
  const sampleRateIndex = (b2 >> 2) & 0b11;
  // calcBitrate: free format (0), reserved (15), a reserved version or layer 0 give no bitrate,
  // and music-metadata throws "Cannot determine bit-rate".
  if (bitrateIndex === 0 || bitrateIndex === 15 || version === null || layerValue === 0) {
    return { kind: 'invalid' };
  }
  const layer = layerValue;
  const kbps = BITRATES[bitrateIndex]![(version === 1 ? 0 : 3) + layer - 1]!;
  if (sampleRateIndex === 3) return { kind: 'invalid' };
  return {
    kind: 'frame',
    header: {
      version,
      layer,
      codec: `MPEG ${version} Layer ${layer}`,
      bitrate: kbps * 1000,
      samplingRate: SAMPLE_RATES[version][sampleRateIndex]!,
      padding: (b2 & 0b10) !== 0,
      mono: b3 >> 6 === 3,
      protectedByCrc: (b1 & 1) === 0,
    },
  };
}

/** calcSamplesPerFrame */
export function samplesPerFrame(header: FrameHeader): number {
  if (header.layer === 1) return 384;
  return header.layer === 2 || header.version === 1 ? 1152 : 576;
}

/** The frame length in bytes, floored, as parseAudioFrameHeader computes it. */
export function frameBytes(header: FrameHeader): number {
  const slot = header.layer === 1 ? 4 : 1;
  const bytesPerSample = samplesPerFrame(header) / 8.0;
  return Math.floor((bytesPerSample * header.bitrate) / header.samplingRate + (header.padding ? slot : 0));
}

/** calculateSideInfoLength */
export function sideInfoBytes(header: FrameHeader): number {
  if (header.layer !== 3) return 2;
  if (header.mono) return header.version === 1 ? 17 : 9;
  return header.version === 1 ? 32 : 17;
}
