import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeAudio } from '../../src/archive/probe.js';
import { rawGsm, wavGsm610, wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { DEMO_RECORDINGS, tempDir } from './helpers.js';

async function probeDemo(path: string) {
  const absPath = join(DEMO_RECORDINGS, path);
  return probeAudio(absPath, statSync(absPath).size);
}

async function probeBytes(name: string, bytes: Buffer | string) {
  const absPath = join(tempDir(), name);
  writeFileSync(absPath, bytes);
  return probeAudio(absPath, statSync(absPath).size);
}

describe('probeAudio on every committed demo format', () => {
  // Lossy encoders pad to whole frames, so their durations run up to ~0.2 s long.
  it.each([
    ['2026/10/03/in_38640111222_20261003-0915_C-1001.wav', 'WAVE', 'PCM', 2, 0.001],
    ['2026/10/03/in_38651333444_20261003-1140_C-1003.wav', 'WAVE', 'MULAW', 2, 0.001],
    ['2026/10/03/in_38640444555_20261003-1405_C-1004.wav', 'WAVE', 'ALAW', 2, 0.001],
    ['2026/10/03/out_38641222333_20261003-1002_C-1002.WAV', 'WAVE', 'GSM610', 3, 0.001],
    ['support/2026/10/in_20261005-0930_C-1014.WAV', 'WAVE', 'GSM610', 2, 0.001],
    ['2026/10/04/in_38631555666_20261004-0831_C-1005.gsm', 'GSM', 'GSM610', 2, 0.001],
    ['2026/10/07/in_38640333111_20261007-0812_C-1020.wav', 'WAVE', 'PCM', 1, 0.001],
    ['sales/out_20261004-0912_C-1006.mp3', 'MPEG', 'MPEG 2.5 Layer 3', 2, 0.25],
    ['sales/OUT_20261007-1202_C-1024.MP3', 'MPEG', 'MPEG 2.5 Layer 3', 1, 0.25],
    ['sales/2026-10/out_20261004-0948_C-1007.ogg', 'Ogg', 'Vorbis I', 2, 0.05],
    ['sales/2026-10/out_20261004-1020_C-1008.opus', 'Ogg', 'Opus', 2, 0.05],
    ['2026/10/04/in_38640777888_20261004-1103_C-1009.flac', 'FLAC', 'FLAC', 1.5, 0.001],
    ['sales/2026-10/week-41/out_20261004-1337_C-1010.m4a', 'M4A/isom/iso2', 'MPEG-4/AAC', 2, 0.25],
    ['sales/out_20261007-0905_C-1021.aac', 'ADTS/MPEG-4', 'AAC', 2, 0.25],
    [
      '3cx/[Janez Novak]_100-038640111222_20261007101500(3)_20261007-1015_C-1022.wav',
      'WAVE',
      'PCM',
      1,
      0.001,
    ],
  ])('%s is %s/%s, about %d s', async (path, format, codec, seconds, tolerance) => {
    const result = await probeDemo(path);
    expect(result.problems).toEqual([]);
    expect(result.format).toBe(format);
    expect(result.codec).toBe(codec);
    expect(result.durationSec).not.toBeNull();
    expect(Math.abs((result.durationSec ?? 0) - seconds)).toBeLessThanOrEqual(tolerance);
    // Three decimals at most: reports and JSON diffs stay stable.
    expect(result.durationSec).toBe(Math.round((result.durationSec ?? 0) * 1000) / 1000);
  });

  it('flags the zero-byte demo file as EMPTY_FILE without parsing it', async () => {
    expect(await probeDemo('2026/10/06/in_38640111333_20261006-0900_C-1017.wav')).toEqual({
      format: null,
      codec: null,
      durationSec: null,
      problems: [{ code: 'EMPTY_FILE', message: expect.stringContaining('0 bytes') }],
    });
  });

  it('flags the demo WAV cut after its header as TRUNCATED', async () => {
    const result = await probeDemo('2026/10/06/in_38640111444_20261006-0920_C-1018.wav');
    expect(result.codec).toBe('PCM');
    expect(result.problems.map((p) => p.code)).toEqual(['TRUNCATED']);
  });
});

describe('probeAudio on damaged and unusual files', () => {
  it('takes a GSM WAV duration from the fact chunk, not from whole 320-sample blocks', async () => {
    // 2.5 s is 62.5 blocks: the data holds 63 (2.52 s), the fact chunk says 20000 samples.
    const result = await probeBytes('asterisk.WAV', wavGsm610({ seconds: 2.5 }));
    expect(result).toEqual({ format: 'WAVE', codec: 'GSM610', durationSec: 2.5, problems: [] });
  });

  it('does not take the "Data chunk size exceeds file size" warning every WAV gets for damage', async () => {
    const result = await probeBytes('ok.wav', wavPcm16({ seconds: 1.25, info: { ICMT: 'C-1' } }));
    expect(result).toEqual({ format: 'WAVE', codec: 'PCM', durationSec: 1.25, problems: [] });
  });

  it.each([
    ['inside the RIFF header', 6],
    ['inside the fmt chunk', 20],
    ['right after the header', 44],
  ])('flags a WAV cut %s as TRUNCATED', async (_where, bytes) => {
    const result = await probeBytes('cut.wav', wavPcm16({ seconds: 1 }).subarray(0, bytes));
    expect(result.problems.map((p) => p.code)).toEqual(['TRUNCATED']);
    expect(result.durationSec).toBeNull();
  });

  it('flags a WAV whose writer died before filling in the sizes', async () => {
    const bytes = Buffer.from(wavPcm16({ seconds: 1 }));
    bytes.writeUInt32LE(0, 4);
    bytes.writeUInt32LE(0, 40);
    const result = await probeBytes('stale.wav', bytes);
    expect(result.problems).toHaveLength(1);
    expect(['TRUNCATED', 'UNDECODABLE']).toContain(result.problems[0]?.code);
  });

  it.each([
    ['error-page.mp3', '<html><body>404 Not Found</body></html>\n'],
    ['noise.wav', Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 251))],
    ['noise.ogg', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 31) % 256))],
  ])('flags %s as UNDECODABLE', async (name, bytes) => {
    const result = await probeBytes(name, bytes);
    expect(result.problems.map((p) => p.code)).toEqual(['UNDECODABLE']);
  });

  it('reads raw GSM by its size', async () => {
    expect(await probeBytes('call.gsm', rawGsm(1.5))).toEqual({
      format: 'GSM',
      codec: 'GSM610',
      durationSec: 1.5,
      problems: [],
    });
  });

  it('flags raw GSM with a partial last frame as TRUNCATED', async () => {
    const result = await probeBytes('cut.gsm', rawGsm(1).subarray(0, 33 * 10 + 5));
    expect(result.durationSec).toBe(0.2);
    expect(result.problems.map((p) => p.code)).toEqual(['TRUNCATED']);
  });

  it('flags a .gsm file without the GSM frame signature as UNDECODABLE', async () => {
    const result = await probeBytes('fake.GSM', Buffer.alloc(330, 0x41));
    expect(result.problems.map((p) => p.code)).toEqual(['UNDECODABLE']);
  });

  it('reports an OS error as UNREADABLE instead of throwing', async () => {
    const dir = tempDir();
    const missing = await probeAudio(join(dir, 'gone.wav'), 100);
    expect(missing.problems).toEqual([{ code: 'UNREADABLE', message: expect.stringContaining('ENOENT') }]);
    mkdirSync(join(dir, 'folder.mp3'));
    const folder = await probeAudio(join(dir, 'folder.mp3'), 4096);
    expect(folder.problems.map((p) => p.code)).toEqual(['UNREADABLE']);
    const rawMissing = await probeAudio(join(dir, 'gone.gsm'), 33);
    expect(rawMissing.problems.map((p) => p.code)).toEqual(['UNREADABLE']);
  });
});
