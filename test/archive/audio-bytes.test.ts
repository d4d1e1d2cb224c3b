import { parseBuffer } from 'music-metadata';
import { describe, expect, it } from 'vitest';
import {
  linearToAlaw,
  linearToMulaw,
  rawGsm,
  wavAlaw,
  wavGsm610,
  wavMulaw,
  wavPcm16,
} from '../../scripts/audio-bytes.mjs';

// Decoders written from ITU-T G.711 independently of the encoders, so a shared mistake cannot
// cancel out.
function mulawToLinear(code: number): number {
  const u = ~code & 0xff;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4)) - 0x84;
  return u & 0x80 ? -magnitude : magnitude;
}

function alawToLinear(code: number): number {
  const a = code ^ 0x55;
  const segment = (a & 0x70) >> 4;
  let magnitude = (a & 0x0f) << 4;
  if (segment === 0) magnitude += 8;
  else magnitude = (magnitude + 0x108) << (segment - 1);
  return a & 0x80 ? magnitude : -magnitude;
}

/** Offset of a chunk's body inside a RIFF file. */
function chunkBody(wav: Buffer, id: string): { offset: number; size: number } {
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const size = wav.readUInt32LE(offset + 4);
    if (wav.toString('latin1', offset, offset + 4) === id) return { offset: offset + 8, size };
    offset += 8 + size + (size % 2);
  }
  throw new Error(`no ${id} chunk`);
}

function rms(samples: number[]): number {
  return Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length) / 32768;
}

async function parse(bytes: Buffer) {
  const { format, common } = await parseBuffer(bytes, { mimeType: 'audio/wav' }, { skipCovers: true });
  return { format, common };
}

describe('WAV writers produce files music-metadata reads as intended', () => {
  it.each([
    ['wavPcm16', wavPcm16, 'PCM', 16],
    ['wavMulaw', wavMulaw, 'MULAW', 8],
    ['wavAlaw', wavAlaw, 'ALAW', 8],
  ] as const)('%s', async (_name, write, codec, bits) => {
    const { format } = await parse(write({ seconds: 2.25, sampleRate: 8000 }));
    expect(format.container).toBe('WAVE');
    expect(format.codec).toBe(codec);
    expect(format.bitsPerSample).toBe(bits);
    expect(format.sampleRate).toBe(8000);
    expect(format.numberOfChannels).toBe(1);
    expect(format.duration).toBeCloseTo(2.25, 6);
  });

  it('writes stereo and other sample rates', async () => {
    const { format } = await parse(wavPcm16({ seconds: 0.5, sampleRate: 16000, channels: 2 }));
    expect(format).toMatchObject({ sampleRate: 16000, numberOfChannels: 2, duration: 0.5 });
  });

  it('wavGsm610 writes an Asterisk wav49 structure', async () => {
    const wav = wavGsm610({ seconds: 2 });
    const fmt = chunkBody(wav, 'fmt ');
    expect(fmt.size).toBe(20);
    expect(wav.readUInt16LE(fmt.offset)).toBe(0x31);
    expect(wav.readUInt16LE(fmt.offset + 2)).toBe(1);
    expect(wav.readUInt32LE(fmt.offset + 4)).toBe(8000);
    expect(wav.readUInt32LE(fmt.offset + 8)).toBe(1625);
    expect(wav.readUInt16LE(fmt.offset + 12)).toBe(65);
    expect(wav.readUInt16LE(fmt.offset + 16)).toBe(2);
    expect(wav.readUInt16LE(fmt.offset + 18)).toBe(320);
    const fact = chunkBody(wav, 'fact');
    expect(wav.readUInt32LE(fact.offset)).toBe(16000);
    expect(chunkBody(wav, 'data').size).toBe(50 * 65);
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);

    const { format } = await parse(wav);
    expect(format).toMatchObject({ container: 'WAVE', codec: 'GSM610', sampleRate: 8000, duration: 2 });
  });

  it('pads an odd-sized GSM data chunk as RIFF requires', async () => {
    const wav = wavGsm610({ seconds: 0.04 });
    expect(chunkBody(wav, 'data').size).toBe(65);
    expect(wav.length % 2).toBe(0);
    expect((await parse(wav)).format.duration).toBeCloseTo(0.04, 6);
  });

  it('writes LIST/INFO after the audio, where ICMT becomes the comment', async () => {
    for (const write of [wavPcm16, wavMulaw, wavGsm610]) {
      const wav = write({ seconds: 1, info: { ICMT: 'C-1001', INAM: 'Klic Zoë' } });
      expect(chunkBody(wav, 'LIST').offset).toBeGreaterThan(chunkBody(wav, 'data').offset);
      const { common } = await parse(wav);
      expect(common.comment?.map((c) => c.text)).toEqual(['C-1001']);
      expect(common.title).toBe('Klic Zoë');
    }
  });

  it('rejects INFO ids that are not four characters and text readers would garble', () => {
    expect(() => wavPcm16({ info: { COMMENT: 'x' } })).toThrow(/4 characters/);
    expect(() => wavPcm16({ info: { INAM: 'Klic Žiga' } })).toThrow(/Latin-1/);
  });
});

describe('tone data', () => {
  it('is the same sine everywhere, including far past the first tiled period', () => {
    const wav = wavPcm16({ seconds: 10, freq: 440, amplitude: 0.5 });
    const data = chunkBody(wav, 'data');
    for (const i of [0, 1, 199, 200, 12345, 79999]) {
      const expected = Math.round(0.5 * 32767 * Math.sin((2 * Math.PI * 440 * i) / 8000));
      expect(wav.readInt16LE(data.offset + 2 * i)).toBe(expected);
    }
  });

  it('computes every sample when the frequency has no whole-sample period', () => {
    const wav = wavPcm16({ seconds: 1, freq: 440.5 });
    const data = chunkBody(wav, 'data');
    const i = 7777;
    expect(wav.readInt16LE(data.offset + 2 * i)).toBe(
      Math.round(0.5 * 32767 * Math.sin((2 * Math.PI * 440.5 * i) / 8000)),
    );
  });

  it('is deterministic', () => {
    expect(wavMulaw({ seconds: 1.3, freq: 523 }).equals(wavMulaw({ seconds: 1.3, freq: 523 }))).toBe(true);
    expect(wavGsm610({ seconds: 3 }).equals(wavGsm610({ seconds: 3 }))).toBe(true);
    expect(rawGsm(2).equals(rawGsm(2))).toBe(true);
  });

  it.each([
    ['µ-law', wavMulaw, mulawToLinear],
    ['A-law', wavAlaw, alawToLinear],
  ] as const)('%s data decodes back to the sine', (_name, write, decode) => {
    const wav = write({ seconds: 1, freq: 400, amplitude: 0.5 });
    const data = chunkBody(wav, 'data');
    const decoded = [...wav.subarray(data.offset, data.offset + data.size)].map(decode);
    expect(rms(decoded)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    decoded.forEach((sample, i) => {
      const original = 0.5 * 32767 * Math.sin((2 * Math.PI * 400 * i) / 8000);
      expect(Math.abs(sample - original)).toBeLessThanOrEqual(Math.abs(original) / 16 + 16);
    });
  });
});

describe('G.711 encoders', () => {
  it('encode silence as the standard idle codes', () => {
    expect(linearToMulaw(0)).toBe(0xff);
    expect(linearToAlaw(0)).toBe(0xd5);
  });

  it.each([
    ['µ-law', linearToMulaw, mulawToLinear],
    ['A-law', linearToAlaw, alawToLinear],
  ] as const)(
    '%s keeps the error within one quantisation step over the whole range',
    (_name, encode, decode) => {
      for (let s = -32768; s <= 32767; s += 13) {
        const code = encode(s);
        expect(code).toBeGreaterThanOrEqual(0);
        expect(code).toBeLessThanOrEqual(255);
        expect(Math.abs(decode(code) - s)).toBeLessThanOrEqual(Math.abs(s) / 16 + 16);
      }
    },
  );
});

describe('rawGsm', () => {
  it('writes 33-byte frames of 20 ms, each with the 0xD signature', () => {
    const gsm = rawGsm(1.5);
    expect(gsm.length).toBe(75 * 33);
    for (let frame = 0; frame < 75; frame++) expect(gsm[frame * 33]! >> 4).toBe(0xd);
  });
});
