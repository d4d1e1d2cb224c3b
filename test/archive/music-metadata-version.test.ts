import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PORTED_MUSIC_METADATA_VERSION } from '../../src/archive/ported-music-metadata.js';

const ROOT = join(import.meta.dirname, '..', '..');

function installedVersion(): string {
  // music-metadata's exports map hides package.json, so read it from the package folder itself.
  const entry = createRequire(join(ROOT, 'package.json')).resolve('music-metadata');
  const folder = entry.slice(
    0,
    entry.lastIndexOf('/node_modules/music-metadata/') + '/node_modules/music-metadata/'.length,
  );
  return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
}

describe('music-metadata, whose parsers the fast header readers copy', () => {
  it('is installed in the version the fast readers were verified against', () => {
    expect(installedVersion()).toBe(PORTED_MUSIC_METADATA_VERSION);
  });

  it('is pinned to that exact version in package.json', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies['music-metadata']).toBe(PORTED_MUSIC_METADATA_VERSION);
  });
});
