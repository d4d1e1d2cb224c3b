import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinPrefix } from '../../src/archive/scan.js';

const segment = fc.oneof(
  fc.constantFrom('.', '..', '', 'a', 'b c', 'Špela', '[Name]_100-(3)', '...', '.hidden'),
  fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !s.includes('/') && !s.includes('\0')),
);
const root = fc
  .tuple(fc.boolean(), fc.array(segment, { maxLength: 5 }), fc.boolean())
  .map(([absolute, parts, trailing]) => `${absolute ? '/' : ''}${parts.join('/')}${trailing ? '/' : ''}`);
// As the walker gives them: relative, forward slashes, no empty, `.` or `..` segments.
const cleanPath = fc
  .array(
    segment.filter((s) => s !== '' && s !== '.' && s !== '..'),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join('/'));

describe('joinPrefix', () => {
  it("puts before a walker's path exactly what path.join would", () => {
    fc.assert(
      fc.property(root, cleanPath, (r, p) => {
        expect(joinPrefix(r) + p).toBe(join(r, p));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles the roots that normalise to nothing or to the file-system root', () => {
    for (const r of ['.', './', 'a/..', '/', '//', '/..', '..', '../', 'a/./b/'])
      expect(joinPrefix(r) + 'x.wav', r).toBe(join(r, 'x.wav'));
  });
});
