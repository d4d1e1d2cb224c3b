import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeAudio } from '../../src/archive/probe.js';
import { readWavHeader } from '../../src/archive/wav-header.js';
import { generateArchive } from '../../bench/generate-archive.mjs';
import { wavAlaw, wavGsm610, wavMulaw, wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { DEMO_RECORDINGS, tempDir } from './helpers.js';

function listFiles(dir: string, ...extensions: string[]): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => extensions.some((e) => p.toLowerCase().endsWith(e)))
    .map((p) => join(dir, p))
    .sort();
}

/**
 * The fast paths (the default: WAV, MPEG and Ogg header readers, small files parsed from memory)
 * and plain music-metadata `parseFile` must say exactly the same. mpeg-ogg-header.test.ts holds
 * the MPEG and Ogg readers to this on many more files.
 */
async function expectAgreement(absPath: string): Promise<boolean> {
  const size = statSync(absPath).size;
  const viaMusicMetadata = await probeAudio(absPath, size, { skipFastReaders: true, wholeFileBytes: 0 });
  const viaDefault = await probeAudio(absPath, size);
  expect(viaDefault, relative(DEMO_RECORDINGS, absPath)).toEqual(viaMusicMetadata);
  return readWavHeader(readFileSync(absPath).subarray(0, 4096), size) !== null;
}

function variants(): Array<[string, Buffer]> {
  const list: Array<[string, Buffer]> = [];
  for (const seconds of [0, 0.01, 0.25, 1, 2.5, 7.3]) {
    list.push([`pcm-${seconds}.wav`, wavPcm16({ seconds })]);
    list.push([`mulaw-${seconds}.wav`, wavMulaw({ seconds })]);
    list.push([`alaw-${seconds}.wav`, wavAlaw({ seconds })]);
    list.push([`gsm-${seconds}.WAV`, wavGsm610({ seconds })]);
  }
  list.push(['pcm-16k-stereo.wav', wavPcm16({ sampleRate: 16000, channels: 2, seconds: 0.5 })]);
  list.push(['pcm-odd-frames.wav', wavPcm16({ sampleRate: 11025, seconds: 0.333 })]);
  list.push(['mulaw-stereo.wav', wavMulaw({ channels: 2, seconds: 0.4 })]);
  list.push(['pcm-info.wav', wavPcm16({ seconds: 0.5, info: { ICMT: 'C-1' } })]);
  list.push(['gsm-info.wav', wavGsm610({ seconds: 1, info: { INAM: 'x' } })]);
  // Every cut of a header and the first audio bytes: the damaged files archives really hold.
  const pcm = wavPcm16({ seconds: 0.1 });
  const gsm = wavGsm610({ seconds: 1 });
  for (const cut of [1, 4, 8, 11, 12, 16, 20, 24, 35, 36, 40, 43, 44, 45, 100, 1000]) {
    list.push([`pcm-cut-${cut}.wav`, pcm.subarray(0, cut)]);
  }
  for (const cut of [30, 48, 60, 66, 67, 68, 70, 200, gsm.length - 1]) {
    list.push([`gsm-cut-${cut}.wav`, gsm.subarray(0, cut)]);
  }
  // Headers a writer left unfinished or wrong.
  const staleRiff = Buffer.from(pcm);
  staleRiff.writeUInt32LE(0, 4);
  list.push(['stale-riff.wav', staleRiff]);
  const staleData = Buffer.from(pcm);
  staleData.writeUInt32LE(0, 40);
  list.push(['stale-data.wav', staleData]);
  const bothStale = Buffer.from(staleRiff);
  bothStale.writeUInt32LE(0, 40);
  list.push(['stale-both.wav', bothStale]);
  const streaming = Buffer.from(pcm);
  streaming.writeUInt32LE(0xffffffff, 4);
  streaming.writeUInt32LE(0xffffffff, 40);
  list.push(['streaming-sizes.wav', streaming]);
  const longRiff = Buffer.from(pcm);
  longRiff.writeUInt32LE(pcm.length + 100, 4);
  list.push(['riff-longer-than-file.wav', longRiff]);
  const zeroRate = Buffer.from(pcm);
  zeroRate.writeUInt32LE(0, 24);
  list.push(['zero-rate.wav', zeroRate]);
  const zeroAlign = Buffer.from(pcm);
  zeroAlign.writeUInt16LE(0, 32);
  list.push(['zero-block-align.wav', zeroAlign]);
  const adpcm = Buffer.from(pcm);
  adpcm.writeUInt16LE(0x0011, 20);
  list.push(['dvi-adpcm.wav', adpcm]);
  const gsmNoFact = Buffer.concat([gsm.subarray(0, 12), gsm.subarray(12, 40), gsm.subarray(52)]);
  gsmNoFact.writeUInt32LE(gsmNoFact.length - 8, 4);
  list.push(['gsm-no-fact.wav', gsmNoFact]);
  const oddData = wavPcm16({ seconds: 0.1 });
  list.push(['odd-data.wav', Buffer.concat([oddData.subarray(0, oddData.length - 1)])]);
  list.push(['rifx.wav', Buffer.concat([Buffer.from('RIFX'), pcm.subarray(4)])]);
  list.push(['avi.wav', Buffer.concat([pcm.subarray(0, 8), Buffer.from('AVI '), pcm.subarray(12)])]);
  list.push(['noise.wav', Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 251))]);
  list.push(['html.wav', Buffer.from('<html><body>404</body></html>\n')]);
  return list;
}

describe('parsing small files from memory agrees with parseFile', () => {
  it('on every other demo recording', async () => {
    const others = listFiles(DEMO_RECORDINGS, '.mp3', '.ogg', '.opus', '.flac', '.m4a', '.aac', '.gsm');
    expect(others.length).toBeGreaterThan(8);
    for (const file of others) await expectAgreement(file);
  });

  it('on damaged MP3, Ogg and unknown files', async () => {
    const dir = tempDir();
    const mp3 = readFileSync(join(DEMO_RECORDINGS, 'sales/out_20261004-0912_C-1006.mp3'));
    const ogg = readFileSync(join(DEMO_RECORDINGS, 'sales/2026-10/out_20261004-0948_C-1007.ogg'));
    const cases: Array<[string, Buffer]> = [
      ['error-page.mp3', Buffer.from('<html><body>404 Not Found</body></html>\n')],
      ['noise.ogg', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 31) % 256))],
      ['noise.m4a', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 31) % 256))],
      ['ogg-as.mp3', ogg],
      ['mp3-as.flac', mp3],
    ];
    for (const cut of [3, 10, 100, 417, 1000]) {
      cases.push([`cut-${cut}.mp3`, mp3.subarray(0, cut)]);
      cases.push([`cut-${cut}.ogg`, ogg.subarray(0, cut)]);
    }
    for (const [name, bytes] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      await expectAgreement(path);
    }
  });
});

describe('the fast WAV header path agrees with music-metadata', () => {
  it('on every WAV of the demo fixture', async () => {
    const wavs = listFiles(DEMO_RECORDINGS, '.wav');
    expect(wavs.length).toBeGreaterThan(15);
    let fast = 0;
    for (const wav of wavs) if (await expectAgreement(wav)) fast++;
    // Nearly all demo WAVs are the plain shapes the fast path exists for.
    expect(fast).toBeGreaterThanOrEqual(wavs.length - 3);
  });

  it('on generated PCM, µ-law, A-law and GSM files, whole, cut and with broken headers', async () => {
    const dir = tempDir();
    const results: Record<string, boolean> = {};
    for (const [name, bytes] of variants()) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      results[name] = await expectAgreement(path);
    }
    // The shapes that matter go the fast way; tagged files go to music-metadata.
    for (const name of ['pcm-1.wav', 'mulaw-1.wav', 'alaw-1.wav', 'gsm-2.5.WAV', 'pcm-cut-1000.wav']) {
      expect(results[name], name).toBe(true);
    }
    expect(results['pcm-info.wav']).toBe(false);
  });
});

describe('the fast paths agree with music-metadata on a generated benchmark archive', () => {
  it('on every file of a 400-recording archive: WAV variants, MP3, Ogg and damaged files', async () => {
    const { archive, kinds } = generateArchive(tempDir(), 400);
    expect(Object.keys(kinds).length).toBeGreaterThanOrEqual(7);
    const files = listFiles(archive, '.wav', '.mp3', '.ogg');
    expect(files).toHaveLength(400);
    let fast = 0;
    for (const file of files) if (await expectAgreement(file)) fast++;
    expect(fast).toBeGreaterThan(200);
  });
});
