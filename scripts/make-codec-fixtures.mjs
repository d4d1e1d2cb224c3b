#!/usr/bin/env node
// Regenerates fixtures/codecs: real encoder output (lame, ffmpeg) in the MP3 and Ogg shapes the
// fast header readers (src/archive/mpeg-header.ts, ogg-header.ts) must agree with
// music-metadata on: CBR with and without an Info frame, VBR with a Xing frame, CRC-protected
// frames, ID3v2 and ID3v1 tags, layer II, Vorbis and Opus long enough to span many pages, Speex
// (which the fast reader leaves to music-metadata). test/archive/mpeg-ogg-header.test.ts reads
// every file here. The output is committed so that CI never needs lame or ffmpeg.
// Usage: node scripts/make-codec-fixtures.mjs   (needs the Debian packages lame and ffmpeg)

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wavPcm16 } from './audio-bytes.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'codecs');
// Bit-exact, no metadata: the same bytes on every run of the same ffmpeg.
const FFMPEG_COMMON = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact'];

/** @param {string} tool @param {string[]} args */
function run(tool, args) {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(`${tool} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'callaudit-codecs-'));
try {
  const tone = (name, options) => {
    const path = join(tmp, name);
    writeFileSync(path, wavPcm16(options));
    return path;
  };
  const mono8k = tone('mono8k.wav', { sampleRate: 8000, seconds: 6.3 });
  const stereo = tone('stereo.wav', { sampleRate: 32000, channels: 2, seconds: 2.2, freq: 300 });
  const wide = tone('wide.wav', { sampleRate: 22050, seconds: 4.1, freq: 1000 });

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const lame = (input, name, args) => run('lame', ['--quiet', ...args, input, join(OUT, name)]);
  lame(mono8k, 'lame-cbr16-8k-info.mp3', ['-b', '16', '-m', 'm']);
  lame(mono8k, 'lame-vbr-8k-xing.mp3', ['-V', '9', '-m', 'm']);
  lame(stereo, 'lame-cbr64-32k-stereo-no-tag.mp3', ['-b', '64', '-t']);
  lame(wide, 'lame-vbr-22k-crc.mp3', ['-V', '6', '-p']);
  lame(mono8k, 'lame-id3v2-title.mp3', ['-b', '24', '--id3v2-only', '--tt', 'Call 1001', '--ta', 'PBX']);
  lame(mono8k, 'lame-id3v1.mp3', ['-b', '24', '--id3v1-only', '--tt', 'Call 1002']);
  lame(wide, 'lame-abr-22k.mp3', ['--abr', '40']);

  const ffmpeg = (input, name, args) =>
    run('ffmpeg', ['-loglevel', 'error', '-y', '-i', input, ...FFMPEG_COMMON, ...args, join(OUT, name)]);
  ffmpeg(stereo, 'ffmpeg-mp2-32k.mp2', ['-c:a', 'mp2', '-b:a', '64k']);
  ffmpeg(mono8k, 'ffmpeg-vorbis-8k.ogg', ['-c:a', 'libvorbis', '-q:a', '0']);
  ffmpeg(wide, 'ffmpeg-vorbis-22k.oga', ['-c:a', 'libvorbis', '-q:a', '2']);
  ffmpeg(mono8k, 'ffmpeg-opus-8k.opus', ['-c:a', 'libopus', '-b:a', '8k']);
  ffmpeg(stereo, 'ffmpeg-opus-32k-stereo.ogg', ['-c:a', 'libopus', '-b:a', '24k']);
  ffmpeg(mono8k, 'ffmpeg-speex-8k.spx', ['-c:a', 'libspeex']);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`wrote ${OUT}`);
