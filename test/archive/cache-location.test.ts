import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCacheFile } from '../../src/archive/cache-location.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-cache-location-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const a = path.join(tmp, 'a');
const b = path.join(tmp, 'b');
mkdirSync(a);
mkdirSync(b);
symlinkSync(a, path.join(tmp, 'link-to-a'));
const xdg = path.join(tmp, 'xdg');

describe('defaultCacheFile', () => {
  it('lies under $XDG_CACHE_HOME/callaudit, keyed by the roots', () => {
    const file = defaultCacheFile([a], { XDG_CACHE_HOME: xdg }, '/home/dpo')!;
    expect(file).toMatch(new RegExp(`^${xdg}/callaudit/[0-9a-f]{16}/probe-cache\\.jsonl$`));
  });

  it('falls back to ~/.cache when XDG_CACHE_HOME is unset, empty or relative', () => {
    for (const env of [{}, { XDG_CACHE_HOME: '' }, { XDG_CACHE_HOME: 'relative/cache' }])
      expect(defaultCacheFile([a], env, '/home/dpo')).toMatch(
        /^\/home\/dpo\/\.cache\/callaudit\/[0-9a-f]{16}\//,
      );
    expect(defaultCacheFile([a], {}, '')).toBeNull();
  });

  it('gives the same roots the same cache, however they are named or ordered', () => {
    const env = { XDG_CACHE_HOME: xdg };
    const key = defaultCacheFile([a, b], env);
    expect(defaultCacheFile([b, a], env)).toBe(key);
    expect(defaultCacheFile([path.join(tmp, 'link-to-a'), `${b}/`], env)).toBe(key);
    expect(defaultCacheFile([path.relative(process.cwd(), a), b], env)).toBe(key);
  });

  it('gives other roots another cache', () => {
    const env = { XDG_CACHE_HOME: xdg };
    expect(defaultCacheFile([b], env)).not.toBe(defaultCacheFile([a], env));
    expect(defaultCacheFile([a, b], env)).not.toBe(defaultCacheFile([a], env));
  });
});
