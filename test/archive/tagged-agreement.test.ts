import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFastHeader } from '../../src/archive/fast-header.js';
import { openFile } from '../../src/archive/read-bytes.js';
import { NOT_DECODED, type NativeTags } from '../../src/archive/native-tags.js';
import { probeAudio } from '../../src/archive/probe.js';
import { findTag, findTagValue, readTagId } from '../../src/archive/tag-ids.js';
import { wavAlaw, wavGsm610, wavMulaw, wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { mp3, oggOpus, oggVorbis } from '../../scripts/mpeg-ogg-bytes.mjs';
import { seededRandom } from '../../scripts/seeded-random.mjs';
import {
  apeTag,
  bextChunk,
  type Id3Frame,
  id3v1Tag,
  id3v2Tag,
  infoList,
  riffChunk,
  withWavChunks,
} from '../../scripts/tag-bytes.mjs';
import { tempDir } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Tag names a call ID is configured under (`archive.idTag`), bare and qualified. */
const TAG_NAMES = [
  'CALL_ID',
  'call_id',
  'TXXX:CALL_ID',
  'COMM',
  'COM',
  'TSSE',
  'TIT2',
  'TT2',
  'TCON',
  'ICMT',
  'INAM',
  'bext.originatorReference',
  'bext.description',
  'originatorReference',
  'comment',
  'title',
  'genre',
  'DATE',
  'ENCODER',
];

/** Frames the fast readers step over without listing them (music-metadata lists them). */
const UNLISTED = /^(APIC|PIC|PRIV|UFID|MCDI|W[A-Z0-9]{2,3})$/;

const { parseFile } = await import('music-metadata');

/** The tags as compared: values the fast reader does not decode are compared by presence only. */
function comparable(native: NativeTags, fast: boolean): Array<[string, string, unknown]> {
  const rows: Array<[string, string, unknown]> = [];
  for (const [type, tags] of Object.entries(native)) {
    for (const { id, value } of tags) {
      if (UNLISTED.test(id)) continue;
      const opaque = fast ? value === NOT_DECODED : /^(TCON|TCO|TMCL|TIPL|IPLS|PCS|PCST|genre)$/.test(id);
      rows.push([type, id, opaque ? '…' : value instanceof Uint8Array ? Array.from(value) : value]);
    }
  }
  return rows;
}

/**
 * The contract: probing with the fast readers says exactly what music-metadata says, and
 * when a fast reader answers, its tag list and every call-ID lookup equal music-metadata's.
 * Returns whether the fast reader answered.
 */
async function agrees(absPath: string, label: string): Promise<boolean> {
  const size = statSync(absPath).size;
  const viaMusicMetadata = await probeAudio(absPath, size, { skipFastReaders: true, wholeFileBytes: 0 });
  expect(await probeAudio(absPath, size), label).toEqual(viaMusicMetadata);
  const fast = readFastHeader(openFile(absPath), extname(absPath).toLowerCase(), size);
  if (fast === null) return false;
  const metadata = await parseFile(absPath, { duration: false, skipCovers: true });
  const native = metadata.native as NativeTags;
  expect(comparable(fast.tags, true), label).toEqual(comparable(native, false));
  for (const name of TAG_NAMES) {
    const expected = findTagValue(native, name);
    const found = findTag(fast.tags, name);
    // A value the fast reader does not decode (a genre) sends readTagId to music-metadata.
    if (found !== NOT_DECODED) expect(found, `${label} ${name}`).toBe(expected);
    expect(await readTagId(absPath, name), `${label} readTagId ${name}`).toEqual({ callId: expected });
  }
  return true;
}

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

// Call IDs as recorders write them, and text that tests each encoding (Latin-1 é, CJK, spaces).
const VALUES = ['C-1001', '1712345678.42', 'Réception', '通話-7', '  padded  ', 'a/b', ''];

function randomFrames(r: () => number, version: 2 | 3 | 4): Id3Frame[] {
  const v2 = version === 2;
  const encoding = () => pick(r, version === 4 ? [0, 1, 2, 3] : [0, 1, 0, 1]) as 0 | 1 | 2 | 3;
  const pool: Array<() => Id3Frame> = [
    () => ({
      id: v2 ? 'TXX' : 'TXXX',
      description: pick(r, ['CALL_ID', 'call_id', 'AGENT', '']),
      text: pick(r, VALUES),
      encoding: encoding(),
    }),
    () => ({
      id: v2 ? 'COM' : 'COMM',
      description: pick(r, ['', 'CALL_ID']),
      text: pick(r, VALUES),
      encoding: encoding(),
    }),
    () => ({ id: v2 ? 'TSS' : 'TSSE', text: pick(r, ['Lavf60.3.100', 'LAME 3.100']), encoding: encoding() }),
    () => ({ id: v2 ? 'TT2' : 'TIT2', text: pick(r, VALUES), encoding: encoding() }),
    () => ({ id: v2 ? 'TP1' : 'TPE1', text: pick(r, ['Agent 7', 'A/B', 'x\0y']), encoding: encoding() }),
    () => ({ id: v2 ? 'TCO' : 'TCON', text: pick(r, ['(12)', 'Speech']), encoding: encoding() }),
    () => ({
      id: v2 ? 'TYE' : version === 4 ? 'TDRC' : 'TYER',
      text: pick(r, ['2026', '2026-10-06T09:15']),
      encoding: 0,
    }),
    () => ({
      id: v2 ? 'PIC' : 'APIC',
      raw: Buffer.concat([
        Buffer.from([0]),
        Buffer.from(v2 ? 'JPG' : 'image/jpeg\0'),
        Buffer.from([3, 0]),
        Buffer.alloc(40 + Math.floor(r() * 3000), 0xff),
      ]),
    }),
    () => ({
      id: v2 ? 'UFI' : 'PRIV',
      raw: Buffer.concat([Buffer.from('recorder\0'), Buffer.from([0xff, 0xfb, 0x90, 0x00, 0xff, 0x00])]),
    }),
    () => ({ id: v2 ? 'WXX' : 'WOAF', raw: Buffer.from('http://pbx.example/rec/1') }),
    () => ({
      id: v2 ? 'WXX' : 'WXXX',
      raw: Buffer.concat([Buffer.from([pick(r, [0, 1, 2])]), Buffer.from('rec\0\0http://pbx/1')]),
    }),
    () => ({
      id: v2 ? 'RVA' : pick(r, ['RVA2', 'XCID', 'USLT', 'GEOB']),
      raw: Buffer.from('eng\0some bytes'),
    }),
  ];
  const frames = Array.from({ length: 1 + Math.floor(r() * 6) }, () => pick(r, pool)());
  if (version === 4)
    for (const frame of frames) if (r() < 0.3) frame.flags = pick(r, [0x0001, 0x0002, 0x0003, 0x4000]);
  if (version === 3) for (const frame of frames) if (r() < 0.1) frame.flags = pick(r, [0x4000, 0x2000]);
  return frames;
}

function randomId3v2(r: () => number): Buffer {
  const version = pick(r, [2, 3, 3, 4, 4] as const);
  return id3v2Tag({
    version,
    frames: randomFrames(r, version),
    padding: pick(r, [0, 0, 1, 64, 1024]),
    extendedHeader: version !== 2 && r() < 0.15 ? pick(r, [10, 16, 6]) : null,
    unsynchronised: r() < 0.1,
  });
}

function randomId3v1(r: () => number): Buffer {
  return id3v1Tag({
    title: pick(r, ['', 'C-1001', 'Réception']),
    comment: pick(r, ['', 'CALL_ID C-9']),
    year: pick(r, ['', '2026']),
    track: pick(r, [0, 3]),
    genre: pick(r, [0, 101, 191, 192, 255]),
  });
}

/** A LIST/INFO chunk two bytes longer than its entries. */
function brokenInfoList(): Buffer {
  const list = infoList({ ICMT: 'C-1' });
  const body = Buffer.concat([list.subarray(8), Buffer.alloc(2)]);
  return riffChunk('LIST', body);
}

describe('the fast readers agree with music-metadata on tagged files', () => {
  it('on every WAV, MP3, Ogg and Opus file in fixtures/, tags included', async () => {
    const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
      .filter((p) => ['.wav', '.mp3', '.mp2', '.ogg', '.oga', '.opus'].includes(extname(p).toLowerCase()))
      .map((p) => join(FIXTURES, p))
      .sort();
    expect(files.length).toBeGreaterThan(20);
    let fast = 0;
    for (const file of files) if (await agrees(file, relative(FIXTURES, file))) fast++;
    expect(fast).toBeGreaterThan(files.length * 0.8);
  });

  it('on generated MP3s with ID3v2.2/2.3/2.4 tags, ID3v1 and APE tails', async () => {
    const r = seededRandom(1806);
    const cases: Array<[string, Buffer]> = [];
    for (let i = 0; i < 150; i++) {
      const parts = [
        mp3({
          frames: 4 + Math.floor(r() * 60),
          kbps: [pick(r, [32, 64, 128])],
          xing: pick(r, ['Info', 'Xing', null] as const),
        }),
      ];
      const tags = r() < 0.9 ? 1 + Math.floor(r() * (r() < 0.1 ? 3 : 1)) : 0;
      for (let t = 0; t < tags; t++) parts.unshift(randomId3v2(r));
      if (r() < 0.05) parts.push(apeTag({ CALL_ID: 'C-ape' }));
      if (r() < 0.3) parts.push(randomId3v1(r));
      cases.push([`tagged-${i}.mp3`, Buffer.concat(parts)]);
    }
    // Extended headers of every size music-metadata meets: none beyond the fixed part, a CRC
    // after it, and ID3v2.3's own count (6, which excludes the size field) that it misreads.
    for (const version of [3, 4] as const) {
      for (const extendedHeader of [10, 16, 6]) {
        const tag = id3v2Tag({
          version,
          frames: [{ id: 'TXXX', description: 'CALL_ID', text: 'C-ext' }],
          extendedHeader,
        });
        cases.push([`extended-${version}-${extendedHeader}.mp3`, Buffer.concat([tag, mp3({ frames: 20 })])]);
      }
    }
    const fast = await agreeOnAll(cases);
    for (const version of [3, 4]) expect(fast).toContain(`extended-${version}-16.mp3`);
    // Tagged MP3s are what this reader is for: all but the few it must leave (APE, compressed frames).
    expect(fast.size).toBeGreaterThan(cases.length * 0.75);
  });

  it('on generated WAVs with LIST/INFO, bext, id3, cue, JUNK, PAD and unknown chunks before and after the audio', async () => {
    const r = seededRandom(1807);
    const chunk = (): Buffer =>
      pick(r, [
        () => infoList({ ICMT: pick(r, VALUES), INAM: pick(r, ['call 1', 'Réception']), ISFT: 'Lavf60' }),
        () =>
          bextChunk({
            description: pick(r, ['CALL_ID=C-7', '']),
            originatorReference: pick(r, ['C-1001', 'USID0001']),
            codingHistory: pick(r, ['', 'A=PCM,F=8000,W=16,M=mono\r\n']),
          }),
        () => riffChunk('id3 ', id3v2Tag({ version: pick(r, [3, 4] as const), frames: randomFrames(r, 3) })),
        () => riffChunk('JUNK', Buffer.alloc(pick(r, [28, 27, 4000]))),
        () => riffChunk('PAD ', Buffer.alloc(pick(r, [3, 92]))),
        () => riffChunk('cue ', Buffer.alloc(28)),
        () => riffChunk('smpl', Buffer.alloc(36, 1)),
        () =>
          riffChunk(
            'LIST',
            Buffer.concat([Buffer.from('adtl'), riffChunk('labl', Buffer.from('\0\0\0\0x\0'))]),
          ),
      ])();
    const cases: Array<[string, Buffer]> = [];
    for (let i = 0; i < 150; i++) {
      const seconds = pick(r, [0.1, 0.5]);
      const wav = pick(r, [
        () => wavPcm16({ seconds }),
        () => wavMulaw({ seconds }),
        () => wavAlaw({ seconds, sampleRate: 16000 }),
        () => wavGsm610({ seconds }),
      ])();
      const before = Array.from({ length: Math.floor(r() * 3) }, chunk);
      const after = Array.from({ length: Math.floor(r() * 3) }, chunk);
      // One in ten INFO lists whose entries do not fill it: WaveParser fails such a file.
      if (r() < 0.1) before.push(brokenInfoList());
      let bytes = withWavChunks(wav, before, after);
      // Cut inside a trailing tag or the audio: WaveParser stops at the end of the file.
      if (r() < 0.1) bytes = bytes.subarray(0, bytes.length - 1 - Math.floor(r() * 200));
      cases.push([`tagged-${i}.wav`, bytes]);
    }
    const fast = await agreeOnAll(cases);
    // All but the broken INFO lists and files cut inside a chunk before the audio.
    expect(fast.size).toBeGreaterThan(cases.length * 0.8);
  });

  it('on generated Ogg Vorbis and Opus files with any comments', async () => {
    const r = seededRandom(1808);
    const cases: Array<[string, Buffer]> = [];
    for (let i = 0; i < 60; i++) {
      const comments: Record<string, string> = {};
      if (r() < 0.8) comments[pick(r, ['CALL_ID', 'call_id', 'Call_Id'])] = pick(r, VALUES);
      if (r() < 0.6) comments.DATE = pick(r, ['2026-10-06', '2026-10-06T09:15:00Z', 'yesterday']);
      if (r() < 0.5) comments[pick(r, ['ENCODER', 'encoder'])] = 'Lavf60.3.100';
      if (r() < 0.5) comments[pick(r, ['TRACKNUMBER', 'X-PBX-QUEUE', 'COMMENT', 'ARTIST'])] = pick(r, VALUES);
      const make = r() < 0.5 ? oggOpus : oggVorbis;
      cases.push([`tagged-${i}.${make === oggOpus ? 'opus' : 'ogg'}`, make({ seconds: 0.5, comments })]);
    }
    const fast = await agreeOnAll(cases);
    expect(fast.size).toBe(cases.length);
  });
});
