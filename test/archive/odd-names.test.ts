import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanArchive } from '../../src/archive/scan.js';
import { wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { tempDir } from './helpers.js';

/** Every entry that is not a folder, counted by its bytes, independently of the walker. */
function filesOnDisk(folder: Buffer): number {
  let total = 0;
  for (const name of readdirSync(folder, { encoding: 'buffer' })) {
    const path = Buffer.concat([folder, Buffer.from('/'), name]);
    total += lstatSync(path).isDirectory() ? filesOnDisk(path) : 1;
  }
  return total;
}

const AUDITED_NAMES = [
  '\nbegins-with-newline.wav',
  '\rbegins-with-cr.wav',
  'middle\nnewline.wav',
  'middle\rcr.wav',
  '-leading-dash.wav',
  '--help.wav',
  '  spaces  around  .wav',
  `${'Špela'.normalize('NFD')}-nfd.wav`,
  `${'a'.repeat(250)}.wav`,
  '*?[]{}!(x)+@.wav',
  'back\\slash.wav',
  'deep/er/\nnested.WAV',
];

describe('every file under a root is audited or counted as ignored with its reason', () => {
  it('a tree of odd names adds up', async () => {
    const root = tempDir();
    const wav = wavPcm16({ seconds: 0.1 }) as Buffer;
    for (const name of AUDITED_NAMES) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), wav);
    }
    writeFileSync(join(root, 'notes.txt'), 'x');
    writeFileSync(join(root, '\nnotes'), 'x');
    writeFileSync(join(root, '.hidden.wav'), wav);
    mkdirSync(join(root, '.snapshot', 'sub'), { recursive: true });
    writeFileSync(join(root, '.snapshot', 'sub', 'in_C-9.wav'), wav);
    writeFileSync(join(root, 'excluded.wav'), wav);
    symlinkSync(join(root, 'notes.txt'), join(root, 'link.wav'));
    symlinkSync(join(root, 'deep'), join(root, 'linked-folder'));
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling.wav'));
    execFileSync('mkfifo', [join(root, 'pipe.wav')]);
    // Names that are not UTF-8, where the file system allows them (Linux does).
    const rootBytes = Buffer.from(root);
    const latin1 = (name: string) =>
      Buffer.concat([rootBytes, Buffer.from('/'), Buffer.from(name, 'latin1')]);
    let notUtf8 = 0;
    try {
      writeFileSync(latin1('\u008apela-cp1250.wav'), wav);
      mkdirSync(latin1('mapa-\u00e8'));
      writeFileSync(Buffer.concat([latin1('mapa-\u00e8'), Buffer.from('/a.wav')]), wav);
      writeFileSync(Buffer.concat([latin1('mapa-\u00e8'), Buffer.from('/b.wav')]), wav);
      notUtf8 = 3;
    } catch {
      // A file system that insists on UTF-8 names (macOS): nothing to count.
    }

    const result = await scanArchive([root], {
      idPattern: null,
      include: (path) => !path.startsWith('excluded'),
    });

    const paths = result.recordings.map((r) => r.path).sort();
    expect(paths).toEqual([...AUDITED_NAMES].sort());
    const [summary] = result.roots;
    expect(summary!.recordings + summary!.ignoredFiles).toBe(filesOnDisk(rootBytes));
    expect(summary!.ignoredByReason).toEqual({
      hidden: 2,
      ...(notUtf8 ? { 'name-not-utf8': notUtf8 } : {}),
      'not-audio': 2,
      'not-included': 1,
      'special-file': 1,
      'symbolic-link': 3,
    });
    const reasons = Object.values(summary!.ignoredByReason).reduce((a, b) => a + b, 0);
    expect(reasons).toBe(summary!.ignoredFiles);
    const extensions = Object.values(summary!.ignoredByExtension).reduce((a, b) => a + b, 0);
    expect(extensions).toBe(summary!.ignoredFiles);
  });

  it('names that are not UTF-8 and decode to one string are each counted once, beside many others', async () => {
    const root = tempDir();
    const wav = wavPcm16({ seconds: 0.1 }) as Buffer;
    const rootBytes = Buffer.from(root);
    const latin1 = (name: string) =>
      Buffer.concat([rootBytes, Buffer.from('/'), Buffer.from(name, 'latin1')]);
    try {
      // \u00e8 and \u00e9 are single invalid bytes: both names read as "\uFFFDx.wav".
      writeFileSync(latin1('\u00e8x.wav'), wav);
      writeFileSync(latin1('\u00e9x.wav'), wav);
      for (let i = 0; i < 300; i++) writeFileSync(latin1(`klic-\u00e8-${i}.wav`), wav);
    } catch {
      return; // A file system that insists on UTF-8 names (macOS).
    }
    writeFileSync(join(root, 'C-1.wav'), wav);
    const result = await scanArchive([root], { idPattern: null });
    expect(result.recordings.map((r) => r.path)).toEqual(['C-1.wav']);
    expect(result.roots[0]!.ignoredByReason).toEqual({ 'name-not-utf8': 302 });
    expect(result.roots[0]!.ignoredFiles + 1).toBe(filesOnDisk(rootBytes));
  });

  it('a name with a newline keeps its call ID whole', async () => {
    const root = tempDir();
    writeFileSync(join(root, '\nC-1001.wav'), wavPcm16({ seconds: 0.1 }) as Buffer);
    const result = await scanArchive([root], { idPattern: null });
    expect(result.recordings.map((r) => [r.path, r.callId, r.problems])).toEqual([
      ['\nC-1001.wav', 'C-1001', []],
    ]);
  });
});
