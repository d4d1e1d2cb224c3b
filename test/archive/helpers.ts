import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

export const DEMO = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));
export const DEMO_RECORDINGS = join(DEMO, 'recordings');

/** A fresh temporary folder, removed when the calling test finishes. */
export function tempDir(name = 'callaudit-archive-'): string {
  const dir = mkdtempSync(join(tmpdir(), name));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Fingerprint of everything under `root` that a write would change: names (hidden ones too),
 * kinds, sizes, modification times and contents. Access times are left out: reading sets them.
 */
export function treeFingerprint(root: string): string {
  const hash = createHash('sha256');
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stats = lstatSync(path);
      hash.update(`${path}\0${stats.mode}\0${stats.size}\0${stats.mtimeMs}\0`);
      if (stats.isDirectory()) visit(path);
      else if (stats.isFile()) hash.update(readFileSync(path));
    }
  };
  visit(root);
  return hash.digest('hex');
}
