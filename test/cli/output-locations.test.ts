import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputLocations, type OutputLocations } from '../../src/cli/output-locations.js';
import { isWithin, realPathOf } from '../../src/real-path.js';
import { tempDir } from '../archive/helpers.js';
import { errorOf } from '../support/error-of.js';

// Item 8 of issue 13: every output location is checked by real path against every archive root
// and every input file before anything is written.

/** A work folder with an archive root holding a recording and a sub-folder, and a call log beside it. */
function workspace() {
  const dir = tempDir('callaudit-locations-');
  const root = path.join(dir, 'root');
  mkdirSync(path.join(root, 'sub'), { recursive: true });
  const recording = path.join(root, 'C-1.wav');
  writeFileSync(recording, 'RIFF');
  const callLog = path.join(dir, 'calls.csv');
  writeFileSync(callLog, 'call_id,outcome\n');
  const check = (changes: Partial<OutputLocations>) => {
    const outDir = changes.outDir ?? path.join(dir, 'out');
    return () =>
      checkOutputLocations({
        outDir,
        files: [path.join(outDir, 'report.json')],
        cache: null,
        roots: [root],
        inputs: [callLog],
        ...changes,
      });
  };
  return { dir, root, recording, callLog, check };
}

describe('realPathOf', () => {
  it('resolves links in existing ancestors and keeps the missing tail', () => {
    const { dir, root } = workspace();
    symlinkSync(root, path.join(dir, 'link'));
    expect(realPathOf(path.join(dir, 'link', 'new', 'deeper'))).toBe(path.join(root, 'new', 'deeper'));
  });

  it('follows a dangling link to where a file made through it would appear', () => {
    const { dir, root } = workspace();
    symlinkSync(path.join(root, 'not-yet'), path.join(dir, 'dangling'));
    expect(realPathOf(path.join(dir, 'dangling'))).toBe(path.join(root, 'not-yet'));
  });

  it('reads `..` after a link as the kernel does: from the link target', () => {
    const { dir, root } = workspace();
    symlinkSync(path.join(root, 'sub'), path.join(dir, 'to-sub'));
    expect(realPathOf(`${dir}/to-sub/../x`)).toBe(path.join(root, 'x'));
  });

  it('stops a loop of links with a clear error', () => {
    const { dir } = workspace();
    symlinkSync(path.join(dir, 'b'), path.join(dir, 'a'));
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'b'));
    expect(errorOf(() => realPathOf(path.join(dir, 'a', 'x'))).code).toBe('PATH_LOOP');
  });

  it('isWithin: a name beginning with `..` is inside; a sibling sharing a prefix is not', () => {
    expect(isWithin('/a/root/..out', '/a/root')).toBe(true);
    expect(isWithin('/a/root', '/a/root')).toBe(true);
    expect(isWithin('/a/root-other', '/a/root')).toBe(false);
    expect(isWithin('/a', '/a/root')).toBe(false);
  });
});

describe('the output folder', () => {
  it('outside every root is accepted, also beside a root whose name it starts with', () => {
    const { dir, check } = workspace();
    expect(check({ outDir: path.join(dir, 'root-reports') })).not.toThrow();
    expect(check({})).not.toThrow();
  });

  it.each([
    ['a name beginning with ".." inside the root', (root: string) => path.join(root, '..out')],
    ['a folder that does not exist yet below the root', (root: string) => path.join(root, 'a', 'b', 'c')],
    ['the root itself', (root: string) => root],
  ])('is refused as %s', (_what, outOf) => {
    const { root, check } = workspace();
    const error = errorOf(check({ outDir: outOf(root) }));
    expect(error.code).toBe('OUT_INSIDE_ARCHIVE');
  });

  it('is refused through a symbolic link into the root, and through a dangling one', () => {
    const { dir, root, check } = workspace();
    symlinkSync(root, path.join(dir, 'link'));
    expect(errorOf(check({ outDir: path.join(dir, 'link', 'new') })).code).toBe('OUT_INSIDE_ARCHIVE');
    symlinkSync(path.join(root, 'later'), path.join(dir, 'dangling'));
    expect(errorOf(check({ outDir: path.join(dir, 'dangling') })).code).toBe('OUT_INSIDE_ARCHIVE');
  });

  it('naming a file, or below a file, is a clear error', () => {
    const { dir, callLog, check } = workspace();
    const notes = path.join(dir, 'notes.txt');
    writeFileSync(notes, 'x');
    const onFile = errorOf(check({ outDir: notes, inputs: [callLog] }));
    expect([onFile.code, onFile.message]).toEqual([
      'OUT_NOT_A_FOLDER',
      'the output folder is a regular file, not a folder',
    ]);
    const below = errorOf(check({ outDir: path.join(notes, 'reports') }));
    expect(below.code).toBe('OUT_NOT_A_FOLDER');
    expect(below.message).toContain('lies below');
  });
});

describe('a report file', () => {
  it('that is an input file, by path or by hard link, is refused', () => {
    const { dir, callLog, check } = workspace();
    const out = path.join(dir, 'out');
    mkdirSync(out);
    linkSync(callLog, path.join(out, 'findings.csv'));
    const error = errorOf(check({ outDir: out, files: [path.join(out, 'findings.csv')] }));
    expect(error.code).toBe('OUTPUT_IS_INPUT');
    expect(error.message).toContain(callLog);
    expect(errorOf(check({ outDir: dir, files: [callLog] })).code).toBe('OUTPUT_IS_INPUT');
  });

  it('that exists as a FIFO or a folder is refused by its kind', () => {
    const { dir, check } = workspace();
    const out = path.join(dir, 'out');
    mkdirSync(path.join(out, 'report.json'), { recursive: true });
    expect(errorOf(check({ outDir: out })).message).toContain('is a folder');
    execFileSync('mkfifo', [path.join(out, 'summary.md')]);
    const error = errorOf(check({ outDir: out, files: [path.join(out, 'summary.md')] }));
    expect([error.code, error.message]).toEqual([
      'NOT_A_REGULAR_FILE',
      'the report file is a FIFO (named pipe); a report is only ever written over a regular file',
    ]);
  });

  it('reached through a link into the root is refused', () => {
    const { dir, recording, check } = workspace();
    const out = path.join(dir, 'out');
    mkdirSync(out);
    symlinkSync(recording, path.join(out, 'report.json'));
    expect(errorOf(check({ outDir: out })).code).toBe('OUTPUT_INSIDE_ARCHIVE');
  });
});

describe('the probe cache', () => {
  it.each([
    [
      'inside the root',
      (w: ReturnType<typeof workspace>) => path.join(w.root, 'cache.jsonl'),
      'CACHE_INSIDE_ARCHIVE',
    ],
    ['a recording', (w: ReturnType<typeof workspace>) => w.recording, 'CACHE_INSIDE_ARCHIVE'],
    ['a call log', (w: ReturnType<typeof workspace>) => w.callLog, 'OUTPUT_IS_INPUT'],
    [
      'a report of the run',
      (w: ReturnType<typeof workspace>) => path.join(w.dir, 'out', 'report.json'),
      'OUTPUT_IS_INPUT',
    ],
    ['/dev/zero', () => '/dev/zero', 'CACHE_NOT_A_CACHE'],
    ['/dev/null', () => '/dev/null', 'CACHE_NOT_A_CACHE'],
    ['a folder', (w: ReturnType<typeof workspace>) => w.dir, 'CACHE_NOT_A_CACHE'],
  ])('is refused as %s', (_what, cacheOf, code) => {
    const w = workspace();
    expect(errorOf(w.check({ cache: cacheOf(w) })).code).toBe(code);
  });

  it('inside the archive or on an input says how to choose another cache, the default one too', () => {
    const w = workspace();
    for (const cache of [path.join(w.root, '.cache', 'callaudit', 'probe-cache.jsonl'), w.callLog]) {
      expect(errorOf(w.check({ cache })).hint).toBe(
        'choose another --cache file, outside the archive, or --no-cache',
      );
    }
  });

  it('is refused as a FIFO, by its kind, without opening it', () => {
    const w = workspace();
    const fifo = path.join(w.dir, 'cache.jsonl');
    execFileSync('mkfifo', [fifo]);
    const error = errorOf(w.check({ cache: fifo }));
    expect(error.code).toBe('CACHE_NOT_A_CACHE');
    expect(error.message).toContain('is a FIFO');
  });

  it('is written over only when it is a callaudit cache (its header says so)', () => {
    const w = workspace();
    const cache = path.join(w.dir, 'cache.jsonl');
    expect(w.check({ cache })).not.toThrow();
    writeFileSync(cache, 'call_id,outcome\n');
    expect(errorOf(w.check({ cache })).message).toContain('not a callaudit probe cache');
    writeFileSync(cache, '{"format":"callaudit-probe-cache","version":1}\n{"entries":0}\n');
    expect(w.check({ cache })).not.toThrow();
  });
});
