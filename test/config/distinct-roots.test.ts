import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDistinctRoots } from '../../src/config/sources.js';
import type { ArchiveSource } from '../../src/config/settings.js';
import { tempDir } from '../archive/helpers.js';
import { errorOf } from '../support/error-of.js';

// Item 14 of issue 13: the same root given twice, or a root inside another, is refused (compared
// by real path), as its recordings would otherwise be audited and listed for deletion twice.
const sources = (...roots: string[]) => roots.map((root) => ({ root }) as ArchiveSource);

function archives() {
  const dir = tempDir('callaudit-roots-');
  const a = path.join(dir, 'a');
  const b = path.join(dir, 'b');
  mkdirSync(path.join(a, 'day'), { recursive: true });
  mkdirSync(b);
  return { dir, a, b };
}

describe('checkDistinctRoots', () => {
  it('accepts distinct roots, also one whose name starts with the other', () => {
    const { dir, a, b } = archives();
    mkdirSync(path.join(dir, 'a2'));
    expect(() => checkDistinctRoots(sources(a, b, path.join(dir, 'a2')))).not.toThrow();
  });

  it.each([
    ['with a trailing slash', (a: string) => `${a}/`],
    ['relative and absolute', (a: string) => path.relative(process.cwd(), a)],
    ['through ".."', (a: string) => path.join(a, 'day', '..')],
  ])('refuses the same root given twice, %s', (_what, again) => {
    const { a } = archives();
    const error = errorOf(() => checkDistinctRoots(sources(a, again(a))));
    expect(error.code).toBe('ROOT_TWICE');
    expect(error.message).toContain('is the same folder as');
  });

  it('refuses the same root reached through a symbolic link', () => {
    const { dir, a } = archives();
    symlinkSync(a, path.join(dir, 'link'));
    expect(errorOf(() => checkDistinctRoots(sources(path.join(dir, 'link'), a))).code).toBe('ROOT_TWICE');
  });

  it('refuses a root inside another, in either order, naming the outer one', () => {
    const { a } = archives();
    const inner = path.join(a, 'day');
    for (const order of [sources(a, inner), sources(inner, a)]) {
      const error = errorOf(() => checkDistinctRoots(order));
      expect(error.code).toBe('ROOT_INSIDE_ROOT');
      expect(error.message).toBe(`the archive root ${inner} lies inside the archive root ${a}`);
    }
  });
});
