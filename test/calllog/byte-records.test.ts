import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteRecordSplitter } from '../../src/calllog/byte-records.js';
import { FastPathUnsupported } from '../../src/calllog/fast-records.js';
import { fieldDecoder } from '../../src/calllog/field-decoders.js';
import { lineBreaksIn } from '../../src/calllog/line-tracker.js';
import type { CallLogDelimiter } from '../../src/calllog/types.js';
import { cutAt } from '../support/cut-at.js';
import { parseAsReference, withOnlyWanted } from './reference-records.js';

type ByteEncoding = 'utf-8' | 'windows-1250';

/**
 * What the reader did before splitting on bytes: decode the bytes with TextDecoder (the BOM it
 * would drop at the start of the file is left to the splitter under test, as byteSource leaves
 * only that one to it), turn CRLF and CR into LF, and parse with csv-parse.
 */
function reference(bytes: Uint8Array, encoding: ByteEncoding, delimiter: CallLogDelimiter) {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes).replace(/\r\n?/g, '\n');
  return parseAsReference(text, delimiter);
}

/**
 * The byte splitter fed the given pieces: its records (copied, as it reuses one array), the line
 * breaks it reports, or null when it hands the file to csv-parse. After the first record only
 * `wanted` columns are asked for, as the reader asks once it has the header.
 */
function split(
  pieces: Uint8Array[],
  encoding: ByteEncoding,
  delimiter: CallLogDelimiter,
  wanted: boolean[] | null = null,
) {
  const records: string[][] = [];
  const breaks: number[] = [];
  const splitter = new ByteRecordSplitter(
    delimiter,
    fieldDecoder(encoding),
    (record, lineBreaks) => {
      records.push([...record]);
      breaks.push(lineBreaks);
      if (records.length === 1) splitter.keepOnly(wanted);
    },
    encoding === 'utf-8',
  );
  try {
    // A fresh buffer per piece, overwritten after the push as the reader's read buffers are.
    for (const piece of pieces) {
      const chunk = Buffer.from(piece);
      splitter.push(chunk);
      chunk.fill(0x78);
    }
    splitter.end();
  } catch (error) {
    if (error instanceof FastPathUnsupported) return null;
    throw error;
  }
  return { records, breaks };
}

const encoder = new TextEncoder();
const bytesOf = (parts: number[][]) => Uint8Array.from(parts.flat());

/** Pieces of a call log in each encoding: quotes, delimiters, CR/LF/CRLF, letters above ASCII. */
const SHARED = ['a', 'bb', ' ', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', '\n\n', '12345678901234'];
const piecesByEncoding: Record<ByteEncoding, number[][]> = {
  'utf-8': [...SHARED, 'č', 'Naročilo', '€', '😀', '\uFEFF'].map((s) => [...encoder.encode(s)]),
  // 0xE8 č, 0x8A Š, 0x9E ž, 0x81 (unassigned: TextDecoder reads it as U+0081), 0xFF ˙.
  'windows-1250': [...SHARED.map((s) => [...encoder.encode(s)]), [0xe8], [0x8a], [0x9e], [0x81], [0xff]],
};

const encodingArb = fc.constantFrom<ByteEncoding>('utf-8', 'windows-1250');
const delimiterArb = fc.constantFrom<CallLogDelimiter>(',', ';', '\t');
const cutsArb = fc.array(fc.nat(400), { maxLength: 6 });
const inputArb = encodingArb.chain((encoding) =>
  fc.record({
    encoding: fc.constant(encoding),
    bytes: fc.array(fc.constantFrom(...piecesByEncoding[encoding]), { maxLength: 60 }).map(bytesOf),
  }),
);

describe('ByteRecordSplitter agrees with decoding, LF line breaks and csv-parse', () => {
  it('on any bytes: the same records and line breaks, or it hands the file to csv-parse', () => {
    fc.assert(
      fc.property(inputArb, delimiterArb, cutsArb, ({ encoding, bytes }, delimiter, cuts) => {
        const ours = split(cutAt(bytes, cuts), encoding, delimiter);
        if (ours === null) return;
        const theirs = reference(bytes, encoding, delimiter);
        expect(theirs.skipped).toBe(0);
        expect(ours.records).toEqual(theirs.records);
        expect(ours.breaks).toEqual(theirs.records.map((record) => lineBreaksIn(record)));
      }),
      { numRuns: 4000 },
    );
  });

  it('reads well-formed CSV itself: quotes, embedded delimiters, CR, LF and CRLF, any chunking', () => {
    const fieldArb = fc
      .array(fc.constantFrom('x', 'Naročilo', ' ', ',', ';', '\t', '"', '\n', '\r\n', '\r', '12,50'), {
        maxLength: 5,
      })
      .map((parts) => parts.join(''));
    const rowsArb = fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 8,
    });
    const lineBreakArb = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(
        rowsArb,
        delimiterArb,
        lineBreakArb,
        cutsArb,
        fc.boolean(),
        fc.boolean(),
        (rows, delimiter, lineBreak, cuts, finalBreak, bom) => {
          const quoteIfNeeded = (f: string) =>
            /["\r\n,;\t]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f;
          const text =
            (bom ? '\uFEFF' : '') +
            rows.map((r) => r.map(quoteIfNeeded).join(delimiter)).join(lineBreak) +
            (finalBreak ? lineBreak : '');
          const bytes = encoder.encode(text);
          const ours = split(cutAt(bytes, cuts), 'utf-8', delimiter);
          expect(ours).not.toBeNull();
          expect(ours!.records).toEqual(reference(bytes, 'utf-8', delimiter).records);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('with only some columns wanted: the same records with the others empty', () => {
    const wantedArb = fc.option(fc.array(fc.boolean(), { maxLength: 5 }), { nil: null });
    fc.assert(
      fc.property(
        inputArb,
        delimiterArb,
        cutsArb,
        wantedArb,
        ({ encoding, bytes }, delimiter, cuts, wanted) => {
          const ours = split(cutAt(bytes, cuts), encoding, delimiter, wanted);
          if (ours === null) return;
          const theirs = reference(bytes, encoding, delimiter).records;
          expect(ours.records).toEqual(withOnlyWanted(theirs, wanted));
          expect(ours.breaks).toEqual(theirs.map((record) => lineBreaksIn(record)));
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('keeps blank lines, drops one BOM, and reads a lone CR as a line break', () => {
    const records = (text: string) => split([encoder.encode(text)], 'utf-8', ',')?.records;
    expect(records('a,b\n\nc,d\n')).toEqual([['a', 'b'], [''], ['c', 'd']]);
    expect(records('\uFEFFa,b\r\r\nc,"d\r\ne"\r')).toEqual([['a', 'b'], [''], ['c', 'd\ne']]);
    expect(records('\uFEFF\uFEFFa\n')).toEqual([['\uFEFFa']]);
  });

  it('hands over a stray quote, text after a closing quote and an unclosed quote', () => {
    const records = (text: string) => split([encoder.encode(text)], 'utf-8', ',');
    expect(records('a,b"c\n')).toBeNull();
    expect(records('"a"b,c\n')).toBeNull();
    expect(records('a,"b\nc\n')).toBeNull();
  });
});
