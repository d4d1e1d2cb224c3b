import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChunkDecoder,
  InvalidEncoding,
  Utf8ChunkDecoder,
  Windows1250ChunkDecoder,
} from '../../src/calllog/chunk-decoders.js';
import { cutAt } from '../support/cut-at.js';

/** Text per chunk, or the index of the chunk (chunks.length for the flush) that failed. */
function run(decoder: ChunkDecoder, chunks: Uint8Array[]): { text: string } | { failedAt: number } {
  let text = '';
  for (let i = 0; i <= chunks.length; i++) {
    try {
      text += i < chunks.length ? decoder.decode(Buffer.from(chunks[i]!)) : decoder.end();
    } catch (error) {
      if (error instanceof InvalidEncoding) return { failedAt: i };
      throw error;
    }
  }
  return { text };
}

/** TextDecoder in streaming mode, as the reader used it before. */
function reference(encoding: string, chunks: Uint8Array[]): { text: string } | { failedAt: number } {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let text = '';
  for (let i = 0; i <= chunks.length; i++) {
    try {
      text += i < chunks.length ? decoder.decode(chunks[i], { stream: true }) : decoder.decode();
    } catch (error) {
      if (error instanceof TypeError) return { failedAt: i };
      throw error;
    }
  }
  return { text };
}

const encoder = new TextEncoder();
/** Mostly real UTF-8 (ASCII, č, €, emoji, a BOM), with stray and truncated bytes mixed in. */
const utf8ish = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', 'č', 'Š', '€', '😀', '\uFEFF', '\n').map((s) => [...encoder.encode(s)]),
      fc.constantFrom([0xe2, 0x82], [0xf0, 0x9f], [0xc4], [0x80], [0xff], [0xed, 0xa0, 0x80], [0xf0, 0x80]),
      fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 3 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => Uint8Array.from(parts.flat()));
const cutsArb = fc.array(fc.nat(200), { maxLength: 6 });

describe('Utf8ChunkDecoder', () => {
  it('gives the text TextDecoder gives, and fails on the same chunk', () => {
    fc.assert(
      fc.property(utf8ish, cutsArb, (bytes, cuts) => {
        const chunks = cutAt(bytes, cuts);
        expect(run(new Utf8ChunkDecoder(), chunks)).toEqual(reference('utf-8', chunks));
      }),
      { numRuns: 10_000 },
    );
  });

  it('drops a byte order mark only at the start', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const chunks = [Uint8Array.from([bom[0]!]), Uint8Array.from([...bom.slice(1), 0x61, ...bom])];
    expect(run(new Utf8ChunkDecoder(), chunks)).toEqual({ text: 'a\uFEFF' });
  });
});

describe('Windows1250ChunkDecoder', () => {
  it('gives the text TextDecoder gives for any bytes', () => {
    const bytesArb = fc.uint8Array({ maxLength: 300 });
    fc.assert(
      fc.property(bytesArb, cutsArb, (bytes, cuts) => {
        const chunks = cutAt(bytes, cuts);
        expect(run(new Windows1250ChunkDecoder(), chunks)).toEqual(reference('windows-1250', chunks));
      }),
      { numRuns: 3000 },
    );
  });

  it('maps all 256 byte values as TextDecoder does', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(run(new Windows1250ChunkDecoder(), [all])).toEqual(reference('windows-1250', [all]));
  });
});
