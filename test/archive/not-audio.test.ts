import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMpegFrameRun } from '../../src/archive/audio-structure.js';
import { probeAudio } from '../../src/archive/probe.js';
import { withOpenFile } from '../../src/archive/read-bytes.js';
import { rawGsm, wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { tempDir } from './helpers.js';

const FIXTURE_MP3 = new URL('../../fixtures/codecs/lame-cbr16-8k-info.mp3', import.meta.url);

/** Both readers: the fast header path, and music-metadata alone (as when tags are needed). */
async function probeBoth(name: string, bytes: Uint8Array) {
  const absPath = join(tempDir(), name);
  writeFileSync(absPath, bytes);
  const size = statSync(absPath).size;
  return [await probeAudio(absPath, size), await probeAudio(absPath, size, { skipFastReaders: true })];
}

/** A deterministic byte stream (xorshift32), so a failure can be reproduced. */
function randomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

// Offsets in a canonical 44-byte header: the `fmt ` body starts at 20.
const CHANNELS = 22;
const SAMPLE_RATE = 24;
const BLOCK_ALIGN = 32;
const BITS = 34;

function patchedWav(patch: (wav: Buffer) => void): Buffer {
  const wav = wavPcm16({ seconds: 0.5 }) as Buffer;
  patch(wav);
  return wav;
}

describe('a WAV whose format cannot be audio is unreadable', () => {
  it.each([
    ['0 channels', (w: Buffer) => w.writeUInt16LE(0, CHANNELS)],
    ['0 bits per sample', (w: Buffer) => w.writeUInt16LE(0, BITS)],
    ['block align 0', (w: Buffer) => w.writeUInt16LE(0, BLOCK_ALIGN)],
    ['a sample rate of 4 GHz', (w: Buffer) => w.writeUInt32LE(4_000_000_000, SAMPLE_RATE)],
    ['a sample rate of 1 Hz', (w: Buffer) => w.writeUInt32LE(1, SAMPLE_RATE)],
    ['1,000 channels', (w: Buffer) => w.writeUInt16LE(1000, CHANNELS)],
  ])('%s', async (_what, patch) => {
    for (const result of await probeBoth('bad.wav', patchedWav(patch))) {
      expect(result.problems.map((p) => p.code)).toEqual(['UNDECODABLE']);
    }
  });

  it('the same WAV unpatched is readable on both paths', async () => {
    for (const result of await probeBoth(
      'good.wav',
      patchedWav(() => {}),
    )) {
      expect(result.problems).toEqual([]);
      expect(result.durationSec).toBeCloseTo(0.5, 3);
    }
  });
});

describe('random bytes named .mp3 are unreadable', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('random file %i', async (seed) => {
    for (const result of await probeBoth('random.mp3', randomBytes(64 * 1024, seed))) {
      expect(result.problems.map((p) => p.code)).toEqual(['UNDECODABLE']);
    }
  });

  it('one real frame header followed by junk is not a stream', async () => {
    const bytes = randomBytes(32 * 1024, 99);
    // MPEG-1 Layer 3, 128 kbit/s, 44.1 kHz: a header a chance sync could produce.
    Buffer.from([0xff, 0xfb, 0x90, 0x00]).copy(bytes, 0);
    for (const result of await probeBoth('chance.mp3', bytes)) {
      expect(result.problems.map((p) => p.code)).toEqual(['UNDECODABLE']);
    }
  });

  it('a real MP3 is still readable', async () => {
    for (const result of await probeBoth('real.mp3', readFileSync(FIXTURE_MP3))) {
      expect(result.problems).toEqual([]);
    }
  });
});

describe('an MPEG frame run is looked for in the first 1 MiB', () => {
  const runIn = (bytes: Uint8Array) => {
    const absPath = join(tempDir(), 'stream.mp3');
    writeFileSync(absPath, bytes);
    return withOpenFile(absPath, (fd) => hasMpegFrameRun(fd, bytes.length, false));
  };
  const mp3 = readFileSync(FIXTURE_MP3);

  it('at the start, and behind junk longer than the first look', () => {
    expect(runIn(mp3)).toBe(true);
    expect(runIn(Buffer.concat([Buffer.alloc(100 * 1024), mp3]))).toBe(true);
    expect(runIn(Buffer.concat([randomBytes(900 * 1024, 5), mp3]))).toBe(true);
  });

  it('not in junk alone, nor behind more junk than the search reads', () => {
    expect(runIn(randomBytes(200 * 1024, 3))).toBe(false);
    expect(runIn(Buffer.concat([Buffer.alloc(1200 * 1024), mp3]))).toBe(false);
  });
});

describe('raw GSM needs the signature on every one of its first frames', () => {
  it('random bytes whose first byte happens to carry the signature are unreadable', async () => {
    const bytes = randomBytes(33 * 50, 7);
    bytes[0] = 0xd3;
    const [result] = await probeBoth('chance.gsm', bytes);
    expect(result!.problems.map((p) => p.code)).toEqual(['UNDECODABLE']);
  });

  it('a real GSM stream with one damaged frame among the first is unreadable', async () => {
    const bytes = rawGsm(1) as Buffer;
    bytes[33 * 10] = 0x00;
    const [result] = await probeBoth('damaged.gsm', bytes);
    expect(result!.problems.map((p) => p.code)).toEqual(['UNDECODABLE']);
  });

  it('a real GSM stream is readable', async () => {
    const [result] = await probeBoth('real.gsm', rawGsm(1) as Buffer);
    expect(result!.problems).toEqual([]);
  });
});

describe('a huge file with no audio structure is given up on after a bounded read', () => {
  const sparse = (name: string) => {
    const absPath = join(tempDir(), name);
    // A sparse 3 GB file: made instantly, reads as zeros.
    execFileSync('truncate', ['-s', '3G', absPath]);
    return absPath;
  };

  it.each(['zeros.mp3', 'zeros.aac'])('%s is unreadable, found without reading 3 GB', async (name) => {
    const absPath = sparse(name);
    const size = statSync(absPath).size;
    for (const options of [{}, { skipFastReaders: true }]) {
      const result = await probeAudio(absPath, size, options);
      expect(result.problems.map((p) => p.code)).toEqual(['UNDECODABLE']);
      expect(result.problems[0]!.message).toMatch(/first 1 MiB/);
    }
  });

  it.each(['zeros.wav', 'zeros.m4a', 'zeros.flac', 'zeros.ogg', 'zeros.wma'])(
    '%s is unreadable, its parser stops at the missing header',
    async (name) => {
      const absPath = sparse(name);
      const result = await probeAudio(absPath, statSync(absPath).size);
      expect(result.problems.map((p) => p.code)).toEqual(['UNDECODABLE']);
    },
  );
});
