import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProbeCache } from '../../src/archive/probe-cache.js';
import { scanArchive, ScanInterrupted } from '../../src/archive/scan.js';
import { wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { tempDir } from './helpers.js';

const STAMP = { toolVersion: '1.0.0', settings: '{"idPattern":null}' };

function archiveWithTwoFiles(): string {
  const root = tempDir();
  writeFileSync(join(root, 'a.wav'), wavPcm16({ seconds: 1 }));
  writeFileSync(join(root, 'b.wav'), wavPcm16({ seconds: 2 }));
  return root;
}

async function scanWith(root: string, cacheFile: string, stamp = STAMP, warnings: string[] = []) {
  const cache = await ProbeCache.load(cacheFile, stamp, (m) => warnings.push(m));
  const scan = await scanArchive([root], { idPattern: null, cache });
  cache.save([root]);
  return { scan, cache, warnings };
}

describe('the probe cache', () => {
  it('answers for unchanged files and gives the same recordings as a fresh probe', async () => {
    const root = archiveWithTwoFiles();
    const file = join(tempDir(), 'cache.jsonl');
    const first = await scanWith(root, file);
    expect([first.cache.hits, first.cache.misses]).toEqual([0, 2]);
    const second = await scanWith(root, file);
    expect([second.cache.hits, second.cache.misses]).toEqual([2, 0]);
    expect(second.scan).toEqual(first.scan);
  });

  it('probes again a file whose size or modification time changed', async () => {
    const root = archiveWithTwoFiles();
    const file = join(tempDir(), 'cache.jsonl');
    await scanWith(root, file);
    writeFileSync(join(root, 'a.wav'), wavPcm16({ seconds: 3 }));
    const old = new Date('2025-01-01T00:00:00Z');
    utimesSync(join(root, 'b.wav'), old, old);
    const again = await scanWith(root, file);
    expect([again.cache.hits, again.cache.misses]).toEqual([0, 2]);
    expect(again.scan.recordings.map((r) => r.durationSec)).toEqual([3, 2]);
  });

  it('is dropped as a whole for another tool version or other ID settings', async () => {
    const root = archiveWithTwoFiles();
    const file = join(tempDir(), 'cache.jsonl');
    await scanWith(root, file);
    const newVersion = await scanWith(root, file, { ...STAMP, toolVersion: '1.0.1' });
    expect(newVersion.cache.hits).toBe(0);
    expect(newVersion.warnings).toEqual([]);
    const newIds = await scanWith(root, file, { ...STAMP, settings: '{"idPattern":"x"}' });
    expect(newIds.cache.hits).toBe(0);
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length - 20)],
    ['a wrong entry', (text: string) => text.replace(/,"WAVE",/, ',42,')],
    ['a header cut in the middle', (text: string) => text.slice(0, 40)],
  ])('is discarded with a warning, never trusted, when %s', async (_what, damage) => {
    const root = archiveWithTwoFiles();
    const file = join(tempDir(), 'cache.jsonl');
    const first = await scanWith(root, file);
    writeFileSync(file, damage(readFileSync(file, 'utf8')));
    const warnings: string[] = [];
    const again = await scanWith(root, file, STAMP, warnings);
    expect(again.cache.hits).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('ignored and rebuilt');
    expect(again.scan).toEqual(first.scan);
    // Rebuilt: the next run is served from it again.
    expect((await scanWith(root, file)).cache.hits).toBe(2);
  });

  it.each([
    ['garbage', (file: string) => writeFileSync(file, 'not json at all\n')],
    ['empty', (file: string) => writeFileSync(file, '')],
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file])],
    ['a folder', (file: string) => mkdirSync(file)],
  ])('is never read or replaced when the file is %s, not a callaudit cache', async (what, make) => {
    const root = archiveWithTwoFiles();
    const file = join(tempDir(), 'cache.jsonl');
    make(file);
    const before = lstatSync(file);
    const bytes = before.isFile() ? readFileSync(file) : null;
    const warnings: string[] = [];
    const cache = await ProbeCache.load(file, STAMP, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('left alone');
    if (what === 'a FIFO') expect(warnings[0]).toContain('is a FIFO');
    const scan = await scanArchive([root], { idPattern: null, cache });
    expect(scan.recordings).toHaveLength(2);
    expect(() => cache.save([root])).toThrow(/is not replaced/);
    const after = lstatSync(file);
    expect([after.ino, after.mode, after.size]).toEqual([before.ino, before.mode, before.size]);
    if (bytes) expect(readFileSync(file)).toEqual(bytes);
    expect(readdirSync(dirname(file))).toEqual(['cache.jsonl']);
  });

  it('is written atomically: no temporary file is left, and a missing cache is no warning', async () => {
    const root = archiveWithTwoFiles();
    const dir = tempDir();
    const { warnings } = await scanWith(root, join(dir, 'sub', 'cache.jsonl'));
    expect(warnings).toEqual([]);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['cache.jsonl']);
    expect(statSync(join(dir, 'sub', 'cache.jsonl')).size).toBeGreaterThan(0);
  });
});

describe('stopping a scan (Ctrl-C)', () => {
  it('lets the files in flight finish, throws ScanInterrupted, and the cache keeps them', async () => {
    const root = tempDir();
    for (let i = 0; i < 40; i++) writeFileSync(join(root, `c${String(i).padStart(2, '0')}.wav`), wavPcm16());
    const file = join(tempDir(), 'cache.jsonl');
    const cache = await ProbeCache.load(file, STAMP, () => {});
    const controller = new AbortController();
    let probed = 0;
    await expect(
      scanArchive([root], {
        idPattern: null,
        cache,
        concurrency: 4,
        signal: controller.signal,
        onProgress: (done) => {
          probed = done;
          if (done === 10) controller.abort();
        },
      }),
    ).rejects.toBeInstanceOf(ScanInterrupted);
    expect(probed).toBeGreaterThanOrEqual(10);
    expect(probed).toBeLessThan(40);
    cache.save([root]);
    const next = await scanWith(root, file);
    expect(next.cache.hits).toBe(probed);
  });
});

describe('a large probe cache', () => {
  it('reads back every entry across its read blocks, with non-ASCII keys intact', async () => {
    const file = join(tempDir(), 'cache.jsonl');
    const cache = ProbeCache.empty(file, STAMP);
    // ~7 MB: the lines cross the reader's 4 MiB blocks at arbitrary places.
    const count = 60_000;
    for (let i = 0; i < count; i++) {
      cache.set(
        `/archive/${i % 7 === 0 ? 'čšž-' : ''}${'x'.repeat(i % 50)}/${i}.wav`,
        { size: i, mtimeMs: i * 1.5, ino: i },
        {
          format: 'WAVE',
          codec: 'PCM',
          durationSec: i / 1000,
          problems: i % 11 === 0 ? [{ code: 'TRUNCATED', message: `cut ${i}` }] : [],
        },
      );
    }
    cache.save();
    const warnings: string[] = [];
    const loaded = await ProbeCache.load(file, STAMP, (m) => warnings.push(m));
    expect(warnings).toEqual([]);
    for (const i of [0, 1, 7, 11, 4242, 31_337, count - 1]) {
      const key = `/archive/${i % 7 === 0 ? 'čšž-' : ''}${'x'.repeat(i % 50)}/${i}.wav`;
      expect(loaded.get(key, { size: i, mtimeMs: i * 1.5, ino: i })).toEqual({
        format: 'WAVE',
        codec: 'PCM',
        durationSec: i / 1000,
        problems: i % 11 === 0 ? [{ code: 'TRUNCATED', message: `cut ${i}` }] : [],
      });
    }
    expect(loaded.hits).toBe(7);
  });

  it('is discarded with a warning when a line is cut in the middle', async () => {
    const file = join(tempDir(), 'cache.jsonl');
    const cache = ProbeCache.empty(file, STAMP);
    for (let i = 0; i < 1000; i++)
      cache.set(
        `/a/${i}.wav`,
        { size: i, mtimeMs: i, ino: i },
        { format: 'WAVE', codec: 'PCM', durationSec: 1, problems: [] },
      );
    cache.save();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    const warnings: string[] = [];
    const loaded = await ProbeCache.load(file, STAMP, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(loaded.get('/a/1.wav', { size: 1, mtimeMs: 1, ino: 1 })).toBeNull();
  });
});

describe('saving the probe cache', () => {
  const linesOf = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n');

  it('leaves the file untouched when the archive is unchanged, and rewrites it when not', async () => {
    const root = archiveWithTwoFiles();
    const file = join(tempDir(), 'cache.jsonl');
    await scanWith(root, file);
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, past, past);
    await scanWith(root, file);
    expect(statSync(file).mtime).toEqual(past);
    writeFileSync(join(root, 'c.wav'), wavPcm16({ seconds: 1 }));
    await scanWith(root, file);
    expect(statSync(file).mtime).not.toEqual(past);
    expect(linesOf(file)).toHaveLength(1 + 3 + 1);
  });

  it('drops the entries of deleted files under the scanned root', async () => {
    const root = archiveWithTwoFiles();
    const file = join(tempDir(), 'cache.jsonl');
    await scanWith(root, file);
    rmSync(join(root, 'b.wav'));
    await scanWith(root, file);
    expect(linesOf(file).filter((line) => line.includes('b.wav'))).toEqual([]);
    expect(linesOf(file)).toHaveLength(1 + 1 + 1);
  });

  it('writes a changed file once, also when it saves without pruning (a shard)', async () => {
    const root = archiveWithTwoFiles();
    const file = join(tempDir(), 'cache.jsonl');
    await scanWith(root, file);
    writeFileSync(join(root, 'a.wav'), wavPcm16({ seconds: 3 }));
    const cache = await ProbeCache.load(file, STAMP, () => {});
    await scanArchive([root], { idPattern: null, cache });
    cache.save([]);
    expect(linesOf(file).filter((line) => line.includes('a.wav'))).toHaveLength(1);
    const reloaded = await scanWith(root, file);
    expect([reloaded.cache.hits, reloaded.cache.misses]).toEqual([2, 0]);
  });
});

describe('a cache that cannot be written', () => {
  it('does not stop the scan, and saving says why', async () => {
    const root = archiveWithTwoFiles();
    const notAFolder = join(tempDir(), 'file');
    writeFileSync(notAFolder, 'x');
    const cache = await ProbeCache.load(join(notAFolder, 'cache.jsonl'), STAMP, () => {});
    const scan = await scanArchive([root], { idPattern: null, cache });
    expect(scan.recordings.map((r) => r.durationSec)).toEqual([1, 2]);
    expect(() => cache.save([root])).toThrow(/EEXIST|ENOTDIR/);
  });
});
