import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFastHeader } from '../../src/archive/fast-header.js';
import { openFile } from '../../src/archive/read-bytes.js';
import { probeAudio } from '../../src/archive/probe.js';
import { id3v2, mp3, oggOpus, oggVorbis, type Mp3Options } from '../../scripts/mpeg-ogg-bytes.mjs';
import { seededRandom as random } from '../../scripts/seeded-random.mjs';
import { tempDir } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/**
 * The fast MPEG and Ogg readers (mpeg-header.ts, ogg-header.ts) against music-metadata:
 * probeAudio with them (the default) and without them (skipFastReaders, parseFile) must say exactly
 * the same. Returns whether the fast reader answered, so tests can check it is used at all.
 */
async function agrees(absPath: string, label = absPath): Promise<boolean> {
  const size = statSync(absPath).size;
  const viaMusicMetadata = await probeAudio(absPath, size, { skipFastReaders: true, wholeFileBytes: 0 });
  const viaDefault = await probeAudio(absPath, size);
  expect(viaDefault, label).toEqual(viaMusicMetadata);
  return readFastHeader(openFile(absPath), extname(absPath).toLowerCase(), size) !== null;
}

/** Writes each case to a temporary file and checks agreement; returns the names answered fast. */
async function agreeOnAll(cases: Array<[string, Uint8Array]>): Promise<Set<string>> {
  const dir = tempDir();
  const fast = new Set<string>();
  for (const [name, bytes] of cases) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    if (await agrees(path, name)) fast.add(name);
  }
  return fast;
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

const MPEG_SHAPES: ReadonlyArray<{ version: 1 | 2 | 2.5; rates: number[]; kbps: number[] }> = [
  { version: 1, rates: [44100, 48000, 32000], kbps: [32, 40, 48, 64, 96, 128] },
  { version: 2, rates: [22050, 24000, 16000], kbps: [8, 16, 24, 32, 48, 64] },
  { version: 2.5, rates: [11025, 12000, 8000], kbps: [8, 16, 24, 32] },
];

function randomMp3Options(r: () => number): Mp3Options {
  const shape = pick(r, MPEG_SHAPES);
  const vbr = r() < 0.3;
  const kbps = vbr
    ? Array.from({ length: 1 + Math.floor(r() * 5) }, () => pick(r, shape.kbps))
    : [pick(r, shape.kbps)];
  return {
    version: shape.version,
    sampleRate: pick(r, shape.rates),
    kbps,
    channels: r() < 0.7 ? 1 : 2,
    frames: 1 + Math.floor(r() * 300),
    xing: pick(r, ['Info', 'Xing', null] as const),
    // Mostly all four fields, as LAME writes them; any subset changes where the duration comes from.
    xingFlags: r() < 0.6 ? 0x0f : Math.floor(r() * 16),
    lame: r() < 0.7,
    crc: r() < 0.15,
    id3v2: r() < 0.4 ? { TIT2: `call ${Math.floor(r() * 1e6)}`, TSSE: 'Lavf' } : null,
    id3Padding: r() < 0.5 ? Math.floor(r() * 200) : 0,
  };
}

function randomOgg(r: () => number): Buffer {
  const options = {
    sampleRate: pick(r, [8000, 16000, 22050, 44100, 48000]),
    channels: r() < 0.7 ? (1 as const) : (2 as const),
    seconds: Math.round(r() * 30000) / 1000,
    packetsPerPage: 1 + Math.floor(r() * 40),
    packetBytes: 1 + Math.floor(r() * 300),
    preSkip: Math.floor(r() * 4000),
    setupBytes: 30 + Math.floor(r() * 5000),
  };
  return r() < 0.5 ? oggVorbis(options) : oggOpus(options);
}

/** Damage archives really hold: cut anywhere, junk after the end, or both. */
function damaged(r: () => number, bytes: Buffer): Buffer {
  const junk = Buffer.from(Array.from({ length: Math.floor(r() * 3000) }, () => Math.floor(r() * 256)));
  const cut = bytes.subarray(0, Math.floor(r() * bytes.length));
  const roll = r();
  if (roll < 0.4) return cut;
  if (roll < 0.7) return Buffer.concat([bytes, junk]);
  if (roll < 0.85) return Buffer.concat([cut, junk]);
  // Zero padding where a recorder preallocated the file.
  return Buffer.concat([cut, Buffer.alloc(Math.floor(r() * 5000))]);
}

/** Corruption: bytes overwritten at random, mostly in the headers the readers look at. */
function corrupted(r: () => number, bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const hits = 1 + Math.floor(r() * 6);
  for (let i = 0; i < hits; i++) {
    const span = r() < 0.7 ? Math.min(copy.length, 600) : copy.length;
    copy[Math.floor(r() * span)] = Math.floor(r() * 256);
  }
  return copy;
}

/** `bytes` with `flags` set on its `index`-th Ogg page (0 is the first). */
function withPageFlag(bytes: Buffer, index: number, flags: number): Buffer {
  const copy = Buffer.from(bytes);
  let at = 0;
  for (let i = 0; i < index; i++) {
    const segments = copy[at + 26]!;
    let length = 0;
    for (let s = 0; s < segments; s++) length += copy[at + 27 + s]!;
    at += 27 + segments + length;
  }
  copy[at + 5] = copy[at + 5]! | flags;
  return copy;
}

function listAudio(dir: string, extensions: string[]): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => extensions.includes(extname(p).toLowerCase()))
    .map((p) => join(dir, p))
    .sort();
}

describe('the fast MPEG and Ogg readers agree with music-metadata', () => {
  it('on every MP3, Ogg and Opus file in fixtures/, and answer for them', async () => {
    const files = listAudio(FIXTURES, ['.mp3', '.mp2', '.ogg', '.oga', '.opus', '.spx']);
    expect(files.length).toBeGreaterThanOrEqual(6);
    const deferred: string[] = [];
    for (const file of files) if (!(await agrees(file, relative(FIXTURES, file)))) deferred.push(file);
    // Committed encoder output is what the fast readers exist for, tagged or not (an ID3v1
    // tail, the HubSpot files' call ID in a TXXX frame). music-metadata decides only for Speex.
    expect(deferred.map((file) => relative(FIXTURES, file))).toEqual(['codecs/ffmpeg-speex-8k.spx']);
  });

  it('on generated MP3s: MPEG 1/2/2.5, CBR and VBR, Xing/Info or not, ID3v2 or not', async () => {
    const r = random(2026);
    const cases: Array<[string, Buffer]> = [];
    for (let i = 0; i < 120; i++) cases.push([`gen-${i}.mp3`, mp3(randomMp3Options(r))]);
    const fast = await agreeOnAll(cases);
    // Whole files of these shapes are what the reader is for: it answers nearly all of them
    // (VBR without a Xing frame in files past its head, Xing frames without a frame count or
    // whose fields overrun the frame are the exceptions).
    expect(fast.size).toBeGreaterThanOrEqual(100);
  });

  it('on generated Ogg Vorbis and Opus files: rates, channels, lengths, page layouts', async () => {
    const r = random(7);
    const cases: Array<[string, Buffer]> = [];
    for (let i = 0; i < 80; i++) cases.push([`gen-${i}.${r() < 0.5 ? 'ogg' : 'opus'}`, randomOgg(r)]);
    const fast = await agreeOnAll(cases);
    expect(fast.size).toBe(cases.length);
  });

  it('on generated files cut short, with junk or zeros appended', async () => {
    const r = random(11);
    const cases: Array<[string, Buffer]> = [];
    for (let i = 0; i < 150; i++) cases.push([`cut-${i}.mp3`, damaged(r, mp3(randomMp3Options(r)))]);
    for (let i = 0; i < 120; i++) cases.push([`cut-${i}.ogg`, damaged(r, randomOgg(r))]);
    const fast = await agreeOnAll(cases);
    // Truncated recordings are common: most of them must not fall back.
    expect(fast.size).toBeGreaterThan(cases.length / 2);
  });

  it('on real encoder output cut short, with junk appended, and corrupted', async () => {
    const r = random(3);
    const cases: Array<[string, Buffer]> = [];
    for (const file of listAudio(join(FIXTURES, 'codecs'), ['.mp3', '.mp2', '.ogg', '.oga', '.opus'])) {
      const bytes = readFileSync(file);
      const name = basename(file);
      for (let i = 0; i < 12; i++) cases.push([`damaged-${i}-${name}`, damaged(r, bytes)]);
      for (let i = 0; i < 8; i++) cases.push([`corrupt-${i}-${name}`, corrupted(r, bytes)]);
    }
    expect(cases.length).toBeGreaterThan(200);
    const fast = await agreeOnAll(cases);
    expect(fast.size).toBeGreaterThan(cases.length / 2);
  });

  it('on every cut near the end of VBR MP3s without a Xing frame (the frame count is the duration)', async () => {
    const cases: Array<[string, Buffer]> = [];
    for (const [i, options] of [
      { kbps: [32, 48, 40, 64] },
      { version: 2.5 as const, sampleRate: 8000, kbps: [8, 16, 24], channels: 2 as const },
    ].entries()) {
      const bytes = mp3({ ...options, xing: null, frames: 30 });
      // music-metadata stops looking for frames when 163 bytes or fewer are left.
      for (let cut = bytes.length - 260; cut <= bytes.length; cut++) {
        cases.push([`vbr-${i}-cut-${cut}.mp3`, bytes.subarray(0, cut)]);
      }
    }
    const fast = await agreeOnAll(cases);
    expect(fast.size).toBe(cases.length);
  });

  it('on headers music-metadata rejects before the first frame, and still answers', async () => {
    const junk: Record<string, number[]> = {
      'free-format': [0xff, 0xfb, 0x04, 0xc4],
      'reserved-bitrate': [0xff, 0xfb, 0xf4, 0xc4],
      'reserved-rate': [0xff, 0xfb, 0x9c, 0xc4],
      'reserved-version': [0xff, 0xeb, 0x94, 0xc4],
      'layer-0': [0xff, 0xe1, 0x94, 0xc4],
    };
    const cases: Array<[string, Buffer]> = Object.entries(junk).map(([name, bytes]) => [
      `${name}.mp3`,
      Buffer.concat([Buffer.from(bytes), Buffer.alloc(20), mp3({ frames: 20 })]),
    ]);
    const fast = await agreeOnAll(cases);
    // music-metadata warns and moves on a byte: no reason to leave these files to it.
    expect([...fast].sort()).toEqual(cases.map(([name]) => name).sort());
  });

  it('on corrupt files: overwritten bytes, other formats, noise', async () => {
    const r = random(5);
    const cases: Array<[string, Buffer]> = [];
    for (let i = 0; i < 150; i++) cases.push([`bad-${i}.mp3`, corrupted(r, mp3(randomMp3Options(r)))]);
    for (let i = 0; i < 120; i++) cases.push([`bad-${i}.ogg`, corrupted(r, randomOgg(r))]);
    const noise = Buffer.from(Array.from({ length: 5000 }, () => Math.floor(r() * 256)));
    const fixed: Array<[string, Buffer]> = [
      ['empty-tag.mp3', Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x00', 'latin1')],
      ['tiny.mp3', Buffer.from([0xff, 0xfb, 0x90])],
      ['noise.mp3', noise],
      ['noise.ogg', noise],
      ['noise-after-sync.mp3', Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), noise])],
      ['ogg-as.mp3', oggVorbis()],
      ['mp3-as.ogg', mp3()],
      ['html.mp3', Buffer.from('<html><body>404 Not Found</body></html>\n')],
      ['only-capture.ogg', Buffer.from('OggS')],
      ['two-streams.ogg', Buffer.concat([oggVorbis({ serial: 1 }), oggOpus({ serial: 2 })])],
      ['chained.ogg', Buffer.concat([oggVorbis({ serial: 1 }), oggVorbis({ serial: 1 })])],
      ['id3v1.mp3', Buffer.concat([mp3(), Buffer.from('TAG'), Buffer.alloc(125, 0x20)])],
      ['ape.mp3', Buffer.concat([mp3(), Buffer.from('APETAGEX'), Buffer.alloc(24)])],
      ['picture-comment.ogg', oggVorbis({ comments: { METADATA_BLOCK_PICTURE: 'AAAA' } })],
      ['tracknumber.opus', oggOpus({ comments: { TRACKNUMBER: '1/2', DATE: '2026' } })],
      ['no-xing-two-frames.mp3', mp3({ xing: null, frames: 2 })],
      ['no-frames.mp3', mp3({ xing: 'Info', frames: 0 })],
      ['continued-without-start.ogg', withPageFlag(oggVorbis(), 1, 0x01)],
      ['second-first-page.opus', withPageFlag(oggOpus(), 2, 0x02)],
      ['id3v2-past-end.mp3', Buffer.concat([id3v2({ TIT2: 'x' }, 3000), mp3()]).subarray(0, 1500)],
      ['id3v2-cut.mp3', id3v2({ TIT2: 'call' }).subarray(0, 14)],
      ['id3v2-only.mp3', id3v2({ TIT2: 'call' }, 400)],
      ['id3v2-twice.mp3', Buffer.concat([id3v2({ TIT2: 'a' }), id3v2({ TPE1: 'b' }), mp3()])],
      ['id3v2-then-junk.mp3', Buffer.concat([id3v2({ TIT2: 'a' }), Buffer.from('junk'), mp3()])],
    ];
    cases.push(...fixed);
    await agreeOnAll(cases);
  });
});
