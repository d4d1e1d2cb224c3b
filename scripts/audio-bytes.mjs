// Pure writers for small but real audio files: fixtures and benchmarks use them so that
// neither needs ffmpeg or sox. No dependencies, no I/O, same bytes for the same input.

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_ALAW = 0x0006;
const WAVE_FORMAT_MULAW = 0x0007;
const WAVE_FORMAT_GSM610 = 0x0031;

const GSM_SAMPLES_PER_BLOCK = 320;
const GSM_BLOCK_BYTES = 65;
const GSM_FRAME_BYTES = 33;

// One block / frame of digital silence as libgsm encodes it (taken from ffmpeg's libgsm_ms
// and libgsm encoders). A GSM encoder would be far more code than a fixture deserves, and
// silence keeps the container structure exactly as Asterisk writes it.
const GSM_MS_SILENT_BLOCK = Buffer.from(
  '204817d684028024499224890280244992248902802449922489028024499224098274614d2800489224499228004892244992' +
    '2800489224499228004892244992',
  'hex',
);
const GSM_SILENT_FRAME = Buffer.from(
  'd820a2e15a50004924924924500049249249245000492492492450004924924924',
  'hex',
);

/** @param {string} id @param {Buffer} body */
function chunk(id, body) {
  const header = Buffer.alloc(8);
  header.write(id, 0, 4, 'latin1');
  header.writeUInt32LE(body.length, 4);
  // RIFF chunks start on even offsets; the pad byte is not counted in the chunk size.
  return body.length % 2 ? [header, body, Buffer.alloc(1)] : [header, body];
}

/** @param {Buffer[][]} chunks */
function riff(chunks) {
  const parts = chunks.flat();
  const size = parts.reduce((n, b) => n + b.length, 4);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(size, 4);
  header.write('WAVE', 8, 'latin1');
  return Buffer.concat([header, ...parts], size + 8);
}

/**
 * @param {{formatTag: number, channels: number, sampleRate: number, avgBytesPerSec: number,
 *   blockAlign: number, bitsPerSample: number, extra?: Buffer}} f
 */
function fmtChunk(f) {
  // PCM uses the 16-byte WAVEFORMAT; every other tag needs cbSize (WAVEFORMATEX), even when 0.
  const extra = f.formatTag === WAVE_FORMAT_PCM ? null : (f.extra ?? Buffer.alloc(0));
  const body = Buffer.alloc(16 + (extra ? 2 + extra.length : 0));
  body.writeUInt16LE(f.formatTag, 0);
  body.writeUInt16LE(f.channels, 2);
  body.writeUInt32LE(f.sampleRate, 4);
  body.writeUInt32LE(f.avgBytesPerSec, 8);
  body.writeUInt16LE(f.blockAlign, 12);
  body.writeUInt16LE(f.bitsPerSample, 14);
  if (extra) {
    body.writeUInt16LE(extra.length, 16);
    extra.copy(body, 18);
  }
  return chunk('fmt ', body);
}

/** @param {number} sampleCount */
function factChunk(sampleCount) {
  const body = Buffer.alloc(4);
  body.writeUInt32LE(sampleCount, 0);
  return chunk('fact', body);
}

/**
 * LIST/INFO goes after the audio data on purpose: that is where many recorders append it and
 * where head-only readers miss it.
 * @param {Record<string, string> | undefined} info
 */
function infoChunks(info) {
  const entries = Object.entries(info ?? {});
  if (entries.length === 0) return [];
  const subchunks = entries.flatMap(([id, text]) => {
    if (!/^[A-Z0-9 ]{4}$/.test(id))
      throw new Error(`INFO id must be 4 characters, got ${JSON.stringify(id)}`);
    // INFO text carries no encoding marker and readers (music-metadata included) take it as
    // Latin-1, so anything else would come back garbled.
    if (/[^\x20-\xff]/.test(text))
      throw new Error(`INFO text must be printable Latin-1: ${JSON.stringify(text)}`);
    return chunk(id, Buffer.concat([Buffer.from(text, 'latin1'), Buffer.alloc(1)]));
  });
  return [chunk('LIST', Buffer.concat([Buffer.from('INFO', 'latin1'), ...subchunks]))];
}

function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * @typedef {object} ToneOptions
 * @property {number} [sampleRate] Hz, default 8000
 * @property {number} [seconds] default 1
 * @property {number} [channels] default 1
 * @property {number} [freq] Hz, default 440
 * @property {number} [amplitude] 0..1 of full scale, default 0.5
 * @property {Record<string, string>} [info] RIFF LIST/INFO tags, e.g. {ICMT: 'C-1001'}
 */

/** @param {ToneOptions} o */
function normalise(o) {
  const sampleRate = o.sampleRate ?? 8000;
  const seconds = o.seconds ?? 1;
  const channels = o.channels ?? 1;
  const freq = o.freq ?? 440;
  const amplitude = o.amplitude ?? 0.5;
  if (!(sampleRate > 0 && Number.isInteger(sampleRate))) throw new Error(`bad sampleRate ${sampleRate}`);
  if (!(seconds >= 0)) throw new Error(`bad seconds ${seconds}`);
  if (!(channels >= 1 && Number.isInteger(channels))) throw new Error(`bad channels ${channels}`);
  if (!(amplitude >= 0 && amplitude <= 1)) throw new Error(`bad amplitude ${amplitude}`);
  return { sampleRate, seconds, channels, freq, amplitude, frames: Math.round(seconds * sampleRate) };
}

/**
 * Fills `frames` sample frames by encoding one exact period of the sine and doubling it with
 * copyWithin: benchmarks write thousands of minute-long files, and Math.sin per sample would
 * dominate their set-up time.
 * @param {ReturnType<typeof normalise>} o
 * @param {number} bytesPerSample
 * @param {(sample: number) => number} encode 16-bit linear → code
 * @param {(buf: Buffer, offset: number, code: number) => void} write
 */
function toneData(o, bytesPerSample, encode, write) {
  const { sampleRate, channels, freq, amplitude, frames } = o;
  const frameBytes = bytesPerSample * channels;
  const data = Buffer.alloc(frames * frameBytes);
  const period =
    Number.isInteger(freq) && freq > 0 ? Math.min(frames, sampleRate / gcd(sampleRate, freq)) : frames;
  for (let i = 0; i < period; i++) {
    const code = encode(Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * freq * i) / sampleRate)));
    for (let c = 0; c < channels; c++) write(data, i * frameBytes + c * bytesPerSample, code);
  }
  let filled = period * frameBytes;
  while (filled > 0 && filled < data.length) {
    const n = Math.min(filled, data.length - filled);
    data.copyWithin(filled, 0, n);
    filled += n;
  }
  return data;
}

/** 16-bit PCM WAV with a sine tone. @param {ToneOptions} [options] */
export function wavPcm16(options = {}) {
  const o = normalise(options);
  const data = toneData(
    o,
    2,
    (s) => s,
    (buf, at, s) => buf.writeInt16LE(s, at),
  );
  return riff([
    fmtChunk({
      formatTag: WAVE_FORMAT_PCM,
      channels: o.channels,
      sampleRate: o.sampleRate,
      avgBytesPerSec: o.sampleRate * o.channels * 2,
      blockAlign: o.channels * 2,
      bitsPerSample: 16,
    }),
    chunk('data', data),
    ...infoChunks(options.info),
  ]);
}

const SEG_ALAW_END = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];
const SEG_ULAW_END = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff];

function segment(value, table) {
  for (let i = 0; i < table.length; i++) if (value <= table[i]) return i;
  return table.length;
}

/** ITU-T G.711 A-law, as in the Sun/CCITT reference g711.c. @param {number} pcm 16-bit signed */
export function linearToAlaw(pcm) {
  let value = pcm >> 3;
  let mask;
  if (value >= 0) {
    mask = 0xd5;
  } else {
    mask = 0x55;
    value = -value - 1;
  }
  const seg = segment(value, SEG_ALAW_END);
  if (seg >= 8) return 0x7f ^ mask;
  const mantissa = (seg < 2 ? value >> 1 : value >> seg) & 0x0f;
  return ((seg << 4) | mantissa) ^ mask;
}

/** ITU-T G.711 µ-law, as in the Sun/CCITT reference g711.c. @param {number} pcm 16-bit signed */
export function linearToMulaw(pcm) {
  let value = pcm >> 2;
  let mask;
  if (value < 0) {
    value = -value;
    mask = 0x7f;
  } else {
    mask = 0xff;
  }
  value = Math.min(value, 8159) + (0x84 >> 2);
  const seg = segment(value, SEG_ULAW_END);
  if (seg >= 8) return 0x7f ^ mask;
  return ((seg << 4) | ((value >> (seg + 1)) & 0x0f)) ^ mask;
}

/** @param {number} formatTag @param {(pcm: number) => number} encode @param {ToneOptions} options */
function wavG711(formatTag, encode, options) {
  const o = normalise(options);
  const data = toneData(o, 1, encode, (buf, at, code) => {
    buf[at] = code;
  });
  return riff([
    fmtChunk({
      formatTag,
      channels: o.channels,
      sampleRate: o.sampleRate,
      avgBytesPerSec: o.sampleRate * o.channels,
      blockAlign: o.channels,
      bitsPerSample: 8,
    }),
    factChunk(o.frames),
    chunk('data', data),
    ...infoChunks(options.info),
  ]);
}

/** 8-bit G.711 µ-law WAV (WAVE_FORMAT_MULAW) with a sine tone. @param {ToneOptions} [options] */
export function wavMulaw(options = {}) {
  return wavG711(WAVE_FORMAT_MULAW, linearToMulaw, options);
}

/** 8-bit G.711 A-law WAV (WAVE_FORMAT_ALAW) with a sine tone. @param {ToneOptions} [options] */
export function wavAlaw(options = {}) {
  return wavG711(WAVE_FORMAT_ALAW, linearToAlaw, options);
}

/**
 * GSM 06.10 WAV as Asterisk's `wav49` writes it: mono 8 kHz, 65-byte blocks of 320 samples and a
 * `fact` chunk with the sample count, which readers need for the duration. The audio is silence.
 * @param {{seconds?: number, info?: Record<string, string>}} [options]
 */
export function wavGsm610(options = {}) {
  const sampleRate = 8000;
  const samples = Math.round((options.seconds ?? 1) * sampleRate);
  const blocks = Math.ceil(samples / GSM_SAMPLES_PER_BLOCK);
  const data = Buffer.alloc(blocks * GSM_BLOCK_BYTES);
  for (let i = 0; i < blocks; i++) GSM_MS_SILENT_BLOCK.copy(data, i * GSM_BLOCK_BYTES);
  const samplesPerBlock = Buffer.alloc(2);
  samplesPerBlock.writeUInt16LE(GSM_SAMPLES_PER_BLOCK, 0);
  return riff([
    fmtChunk({
      formatTag: WAVE_FORMAT_GSM610,
      channels: 1,
      sampleRate,
      avgBytesPerSec: (sampleRate * GSM_BLOCK_BYTES) / GSM_SAMPLES_PER_BLOCK,
      blockAlign: GSM_BLOCK_BYTES,
      bitsPerSample: 0,
      extra: samplesPerBlock,
    }),
    factChunk(samples),
    chunk('data', data),
    ...infoChunks(options.info),
  ]);
}

/**
 * Headerless GSM 06.10 (Asterisk's `gsm` format): 33-byte frames of 20 ms, each starting with
 * the 0xD signature nibble. The audio is silence.
 * @param {number} [seconds]
 */
export function rawGsm(seconds = 1) {
  const frames = Math.round(seconds / 0.02);
  const out = Buffer.alloc(frames * GSM_FRAME_BYTES);
  for (let i = 0; i < frames; i++) GSM_SILENT_FRAME.copy(out, i * GSM_FRAME_BYTES);
  return out;
}
