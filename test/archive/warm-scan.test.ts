import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeAudio } from '../../src/archive/probe.js';
import { ProbeCache } from '../../src/archive/probe-cache.js';
import { scanArchive } from '../../src/archive/scan.js';
import { wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { tempDir } from './helpers.js';

const STAMP = { toolVersion: '1.0.0', settings: '{"idPattern":null}' };
const NAMES = ['a.wav', 'b.wav', 'c.wav', 'd.wav', 'e.wav'];

/** A scan through the cache file whose prober records every file it is asked to read. */
async function scanCounting(root: string, cacheFile: string) {
  const probed: string[] = [];
  const cache = await ProbeCache.load(cacheFile, STAMP, (message) => {
    throw new Error(message);
  });
  const scan = await scanArchive([root], {
    idPattern: null,
    cache,
    probe: (absPath, size, options) => {
      probed.push(absPath.slice(root.length + 1));
      return probeAudio(absPath, size, options);
    },
  });
  cache.save([root]);
  return { scan, probed };
}

describe('a warm run', () => {
  it('probes no file of an unchanged archive, and only the files that changed', async () => {
    const root = tempDir();
    NAMES.forEach((name, i) => writeFileSync(join(root, name), wavPcm16({ seconds: i + 1 })));
    const cacheFile = join(tempDir(), 'cache.jsonl');

    const cold = await scanCounting(root, cacheFile);
    expect(cold.probed.sort()).toEqual(NAMES);
    const warm = await scanCounting(root, cacheFile);
    expect(warm.probed).toEqual([]);
    expect(warm.scan).toEqual(cold.scan);

    writeFileSync(join(root, 'b.wav'), wavPcm16({ seconds: 7 }));
    const touched = new Date('2025-01-01T00:00:00Z');
    utimesSync(join(root, 'd.wav'), touched, touched);
    const changed = await scanCounting(root, cacheFile);
    expect(changed.probed.sort()).toEqual(['b.wav', 'd.wav']);
    expect(changed.scan.recordings.map((r) => r.durationSec)).toEqual([1, 7, 3, 4, 5]);
    expect((await scanCounting(root, cacheFile)).probed).toEqual([]);
  });
});
