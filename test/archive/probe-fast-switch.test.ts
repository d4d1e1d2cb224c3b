import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { probeAudio } from '../../src/archive/probe.js';
import { DEMO_RECORDINGS } from './helpers.js';

// Every fast reader answers with a marker, so the test sees which route a probe took.
vi.mock('../../src/archive/fast-header.js', () => ({
  readFastHeader: () => ({
    format: { container: 'FAST', codec: 'FAST', sampleRate: 1, duration: 1 },
    dataCut: false,
  }),
}));

describe('probeAudio and the fast header readers', () => {
  it.each([
    'sales/out_20261004-0912_C-1006.mp3',
    'sales/2026-10/out_20261004-0948_C-1007.ogg',
    'sales/2026-10/out_20261004-1020_C-1008.opus',
  ])('takes the fast reader for %s by default, music-metadata when tags are needed', async (file) => {
    const path = join(DEMO_RECORDINGS, file);
    const size = statSync(path).size;
    expect((await probeAudio(path, size)).format).toBe('FAST');
    const withTags = await probeAudio(path, size, { skipFastReaders: true });
    expect(withTags.format).not.toBe('FAST');
    expect(withTags.codec).toMatch(/MPEG|Vorbis|Opus/);
  });
});
