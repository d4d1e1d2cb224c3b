import { cpSync, mkdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAudioPath, extensionOf } from '../../src/archive/audio-extensions.js';
import { compileIdPattern, EXAMPLE_ID_PATTERN } from '../../src/archive/call-id.js';
import { scanArchive } from '../../src/archive/scan.js';
import { walkArchive } from '../../src/archive/walk.js';
import { CallauditError } from '../../src/errors.js';
import { rawGsm, wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { DEMO, DEMO_RECORDINGS, tempDir, treeFingerprint } from './helpers.js';

const idPattern = compileIdPattern(EXAMPLE_ID_PATTERN);
const expected = JSON.parse(readFileSync(join(DEMO, 'expected.json'), 'utf8')) as Record<
  string,
  { verdict: string; reason: string }
>;
const byteOrder = (paths: string[]) =>
  [...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

async function collect(root: string): Promise<string[]> {
  const paths: string[] = [];
  for await (const path of walkArchive(root)) paths.push(path);
  return paths.sort();
}

describe('audio extensions', () => {
  it.each([
    'a.wav',
    'A.WAV',
    'b.bwf',
    'c.Mp3',
    'd.ogg',
    'e.oga',
    'f.opus',
    'g.flac',
    'h.m4a',
    'i.mp4',
    'j.aac',
    'k.gsm',
    'l.wma',
  ])('%s is a recording', (path) => expect(isAudioPath(`x/${path}`)).toBe(true));

  it.each(['a.json', 'a.wav.json', 'a.xml', 'notes.txt', 'README', '.wav', 'wav', 'a.wav/notes.txt'])(
    '%s is not',
    (path) => expect(isAudioPath(path)).toBe(false),
  );

  it('names extensions in lower case without the dot', () => {
    expect(extensionOf('dir.v2/Rec.OPUS')).toBe('opus');
    expect(extensionOf('dir.v2/README')).toBe('');
  });
});

describe('scanArchive on the demo archive', () => {
  it('finds every recording, sorted, with the call IDs and problems the demo expects', async () => {
    const progress: number[] = [];
    const result = await scanArchive([DEMO_RECORDINGS], { idPattern, onProgress: (n) => progress.push(n) });
    const paths = result.recordings.map((r) => r.path);

    expect(paths).toEqual(byteOrder(Object.keys(expected)));
    expect(paths).toHaveLength(30);
    expect(progress).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(result.ignored).toEqual({
      total: 2,
      byExtension: { json: 1, txt: 1 },
      byReason: { 'not-audio': 2 },
    });
    expect(result.roots).toEqual([
      {
        path: DEMO_RECORDINGS,
        recordings: 30,
        ignoredFiles: 2,
        ignoredByExtension: { json: 1, txt: 1 },
        ignoredByReason: { 'not-audio': 2 },
      },
    ]);

    for (const r of result.recordings) {
      const want = expected[r.path]!;
      expect(r.root).toBe(DEMO_RECORDINGS);
      expect(r.mtime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(r.startedAt).toBeNull();
      expect(r.timeSource).toBeNull();
      expect(r.problems.length > 0, `${r.path} problems`).toBe(want.reason === 'UNREADABLE_FILE');
      expect(r.callId === null, `${r.path} call ID`).toBe(want.reason === 'NO_CALL_ID');
      expect(r.idSource).toBe(r.callId === null ? 'none' : 'filename');
      if (r.problems.length === 0) {
        expect(r.codec, r.path).not.toBeNull();
        expect(r.durationSec, r.path).toBeGreaterThan(0.5);
      }
    }
    const byPath = new Map(result.recordings.map((r) => [r.path, r]));
    expect(byPath.get('2026/10/03/in_38640111222_20261003-0915_C-1001.wav')).toMatchObject({
      callId: 'C-1001',
      size: 32044,
      format: 'WAVE',
      codec: 'PCM',
      durationSec: 2,
    });
    expect(
      byPath.get('2026/10/06/in_38640111333_20261006-0900_C-1017.wav')?.problems.map((p) => p.code),
    ).toEqual(['EMPTY_FILE']);
    expect(
      byPath.get('2026/10/06/in_38640111444_20261006-0920_C-1018.wav')?.problems.map((p) => p.code),
    ).toEqual(['TRUNCATED']);
  });

  it('writes nothing inside the archive', async () => {
    const before = treeFingerprint(DEMO_RECORDINGS);
    await scanArchive([DEMO_RECORDINGS], { idPattern });
    await scanArchive([DEMO_RECORDINGS], { idPattern: null, concurrency: 1 });
    expect(treeFingerprint(DEMO_RECORDINGS)).toBe(before);
  });

  it('gives the same result whatever the concurrency', async () => {
    const strip = (rs: Awaited<ReturnType<typeof scanArchive>>) =>
      rs.recordings.map(({ mtime: _m, ...r }) => r);
    const one = await scanArchive([DEMO_RECORDINGS], { idPattern, concurrency: 1 });
    const many = await scanArchive([DEMO_RECORDINGS], { idPattern, concurrency: 200 });
    expect(strip(many)).toEqual(strip(one));
  });

  it('without a pattern takes the file name as the call ID', async () => {
    const result = await scanArchive([DEMO_RECORDINGS], { idPattern: null });
    const recording = result.recordings.find((r) => r.path === 'misc/recording 20261007-1000.wav');
    expect(recording).toMatchObject({ callId: 'recording 20261007-1000', idSource: 'filename' });
  });

  it('works on a root whose name is full of glob metacharacters', async () => {
    const root = join(tempDir(), 'archive [x] (y) {z} *!');
    cpSync(DEMO_RECORDINGS, root, { recursive: true });
    expect(await collect(root)).toEqual(await collect(DEMO_RECORDINGS));
    const before = treeFingerprint(root);
    const result = await scanArchive([root], { idPattern });
    expect(result.recordings.map((r) => r.path)).toEqual(byteOrder(Object.keys(expected)));
    expect(result.recordings.every((r) => r.root === root)).toBe(true);
    expect(treeFingerprint(root)).toBe(before);
  });
});

describe('scanArchive on hand-made archives', () => {
  it('sorts by root, then by path in byte order, and counts ignored files per root', async () => {
    const dir = tempDir();
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    for (const [root, files] of [
      [b, ['Z/in_C-3.wav', 'z/in_C-4.wav', 'ž/in_C-5.wav', 'readme', 'x.JSON']],
      [a, ['in_C-2.wav', 'in_C-1.gsm', 'in_C-1.wav.json']],
    ] as const) {
      for (const file of files) {
        mkdirSync(join(root, file, '..'), { recursive: true });
        writeFileSync(join(root, file), file.endsWith('.gsm') ? rawGsm(0.1) : wavPcm16({ seconds: 0.1 }));
      }
    }
    const result = await scanArchive([b, a, b], { idPattern });
    expect(result.recordings.map((r) => [r.root, r.path])).toEqual([
      [a, 'in_C-1.gsm'],
      [a, 'in_C-2.wav'],
      [b, 'Z/in_C-3.wav'],
      [b, 'z/in_C-4.wav'],
      [b, 'ž/in_C-5.wav'],
    ]);
    expect(result.ignored).toEqual({
      total: 3,
      byExtension: { '(none)': 1, json: 2 },
      byReason: { 'not-audio': 3 },
    });
    expect(result.roots).toEqual([
      {
        path: b,
        recordings: 3,
        ignoredFiles: 2,
        ignoredByExtension: { '(none)': 1, json: 1 },
        ignoredByReason: { 'not-audio': 2 },
      },
      {
        path: a,
        recordings: 2,
        ignoredFiles: 1,
        ignoredByExtension: { json: 1 },
        ignoredByReason: { 'not-audio': 1 },
      },
    ]);
  });

  it('skips hidden files and symbolic links, counting them, and does not follow linked folders', async () => {
    const dir = tempDir();
    const root = join(dir, 'root');
    const outside = join(dir, 'outside');
    mkdirSync(join(root, '.trash'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(root, 'in_C-1.wav'), wavPcm16({ seconds: 0.1 }));
    writeFileSync(join(root, '.in_C-2.wav'), wavPcm16({ seconds: 0.1 }));
    writeFileSync(join(root, '.trash', 'in_C-3.wav'), wavPcm16({ seconds: 0.1 }));
    writeFileSync(join(outside, 'in_C-4.wav'), wavPcm16({ seconds: 0.1 }));
    symlinkSync(outside, join(root, 'linked'));
    symlinkSync(join(outside, 'in_C-4.wav'), join(root, 'in_C-5.wav'));
    const result = await scanArchive([root], { idPattern });
    expect(result.recordings.map((r) => r.path)).toEqual(['in_C-1.wav']);
    expect(result.ignored.byReason).toEqual({ hidden: 2, 'symbolic-link': 2 });
    expect(result.ignored.total).toBe(4);
  });

  it('reports an empty archive as empty', async () => {
    const result = await scanArchive([tempDir()], { idPattern });
    expect(result.recordings).toEqual([]);
    expect(result.ignored).toEqual({ total: 0, byExtension: {}, byReason: {} });
  });

  it('throws ARCHIVE_NOT_FOUND naming a root that is missing or not a folder', async () => {
    const dir = tempDir();
    const missing = join(dir, 'no such [folder]');
    await expect(scanArchive([missing], { idPattern })).rejects.toMatchObject({
      code: 'ARCHIVE_NOT_FOUND',
      message: expect.stringContaining(missing),
    });
    const file = join(dir, 'file.wav');
    writeFileSync(file, wavPcm16({ seconds: 0.1 }));
    const error = await scanArchive([file], { idPattern }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallauditError);
    expect(error).toMatchObject({ code: 'ARCHIVE_NOT_FOUND', message: expect.stringContaining(file) });
  });
});

describe('modification times', () => {
  it('are written as fs.Stats gives them, also with fractional milliseconds', async () => {
    const root = tempDir();
    const file = join(root, 'a.wav');
    writeFileSync(file, wavPcm16({ seconds: 0.1 }));
    // 0.4567 ms past the second: Stats rounds to .000Z... .001Z, a plain Date would cut it.
    utimesSync(file, 1_700_000_000 + 0.0004567, 1_700_000_000 + 0.0009567);
    const scan = await scanArchive([root], { idPattern: null });
    expect(scan.recordings[0]?.mtime).toBe(statSync(file).mtime.toISOString());
  });
});
