import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FastPathUnsupported, FastRecordSplitter } from '../../src/calllog/fast-records.js';
import { lineBreaksIn } from '../../src/calllog/line-tracker.js';
import type { CallLogDelimiter } from '../../src/calllog/types.js';
import { cutAt } from '../support/cut-at.js';
import { parseAsReference, withOnlyWanted } from './reference-records.js';

/** The fast splitter fed in the given pieces: records, or null when it hands over to csv-parse. */
function fast(pieces: string[], delimiter: CallLogDelimiter): string[][] | null {
  return fastWithBreaks(pieces, delimiter)?.records ?? null;
}

/** Also the line breaks it reports per record, and with only `wanted` columns after the first record. */
function fastWithBreaks(pieces: string[], delimiter: CallLogDelimiter, wanted: boolean[] | null = null) {
  const records: string[][] = [];
  const breaks: number[] = [];
  const splitter = new FastRecordSplitter(delimiter, (r, lineBreaks) => {
    records.push(r);
    breaks.push(lineBreaks);
    if (records.length === 1) splitter.keepOnly(wanted);
  });
  try {
    for (const piece of pieces) splitter.push(piece);
    splitter.end();
  } catch (error) {
    if (error instanceof FastPathUnsupported) return null;
    throw error;
  }
  return { records, breaks };
}

const delimiterArb = fc.constantFrom<CallLogDelimiter>(',', ';', '\t');
const cutsArb = fc.array(fc.nat(400), { maxLength: 6 });

describe('FastRecordSplitter agrees with csv-parse', () => {
  it('on any text: the same records, or it hands the file to csv-parse', () => {
    const textArb = fc
      .array(fc.constantFrom('a', 'b', 'č', ' ', ',', ';', '\t', '"', '""', '\n', '\n\n', '\uFEFF'), {
        maxLength: 60,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(textArb, delimiterArb, cutsArb, (text, delimiter, cuts) => {
        const ours = fast(cutAt(text, cuts), delimiter);
        if (ours === null) return;
        const theirs = parseAsReference(text, delimiter);
        expect(theirs.skipped).toBe(0);
        expect(ours).toEqual(theirs.records);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads well-formed CSV itself, quotes, embedded delimiters and line breaks included', () => {
    const fieldArb = fc
      .array(fc.constantFrom('x', 'Naročilo', ' ', ',', ';', '\t', '"', '\n', '12,50'), { maxLength: 5 })
      .map((parts) => parts.join(''));
    const rowsArb = fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(rowsArb, delimiterArb, cutsArb, fc.boolean(), (rows, delimiter, cuts, finalNewline) => {
        const quoteIfNeeded = (f: string) =>
          /["\n,;\t]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f;
        const text =
          rows.map((r) => r.map(quoteIfNeeded).join(delimiter)).join('\n') + (finalNewline ? '\n' : '');
        const ours = fast(cutAt(text, cuts), delimiter);
        expect(ours).not.toBeNull();
        expect(ours).toEqual(parseAsReference(text, delimiter).records);
      }),
      { numRuns: 1000 },
    );
  });

  it('with only some columns wanted: the same records with the others empty, and their line breaks', () => {
    const textArb = fc
      .array(
        fc.constantFrom('a', 'bb', 'č', ' ', ',', ';', '\t', '"', '""', '\n', '\n\n', '12345678901234'),
        {
          maxLength: 80,
        },
      )
      .map((parts) => parts.join(''));
    const wantedArb = fc.option(fc.array(fc.boolean(), { maxLength: 5 }), { nil: null });
    fc.assert(
      fc.property(textArb, delimiterArb, cutsArb, wantedArb, (text, delimiter, cuts, wanted) => {
        const ours = fastWithBreaks(cutAt(text, cuts), delimiter, wanted);
        if (ours === null) return;
        const theirs = parseAsReference(text, delimiter).records;
        expect(ours.records).toEqual(withOnlyWanted(theirs, wanted));
        expect(ours.breaks).toEqual(theirs.map((record) => lineBreaksIn(record)));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps blank lines as single empty fields, as the collector expects', () => {
    expect(fast(['a,b\n\nc,d\n'], ',')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });

  it('hands over a stray quote, text after a closing quote and an unclosed quote', () => {
    expect(fast(['a,b"c\n'], ',')).toBeNull();
    expect(fast(['"a"b,c\n'], ',')).toBeNull();
    expect(fast(['a,"b\nc\n'], ',')).toBeNull();
  });
});
