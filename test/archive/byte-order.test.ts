import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByBytes } from '../../src/archive/byte-order.js';

const byEncoding = (keys: string[]) =>
  [...keys].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));

describe('sortByBytes', () => {
  it('orders as the UTF-8 bytes do, for any text including astral characters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 40 }), (keys) => {
        expect(sortByBytes(keys, (k) => k)).toEqual(byEncoding(keys));
      }),
      { numRuns: 500 },
    );
  });

  it('orders BMP text by code point, where UTF-16 order would agree anyway', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme-composite' }), { maxLength: 40 }), (keys) => {
        expect(sortByBytes(keys, (k) => k)).toEqual(byEncoding(keys));
      }),
      { numRuns: 500 },
    );
  });

  it('puts a character above U+FFFF after U+E000..U+FFFF, as UTF-8 does and UTF-16 would not', () => {
    const keys = ['a\u{1F600}', 'a\uFF21', 'a\uE000', 'a'];
    expect(sortByBytes(keys, (k) => k)).toEqual(['a', 'a\uE000', 'a\uFF21', 'a\u{1F600}']);
  });
});
