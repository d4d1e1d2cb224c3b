import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirstTry, readCallLog } from '../../src/calllog/read-call-log.js';
import type { CallLogOptions } from '../../src/calllog/types.js';
import { columns } from '../support/call-log-options.js';

/*
 * The whole reader, split on the bytes (the default) and split on decoded text (the reader as
 * it was, itself checked against csv-parse), must give the same result or the same error for
 * any file: BOMs, Excel's sep= line, CR/LF/CRLF, quotes good and bad, Windows-1250 bytes,
 * wrong encodings, missing columns, empty call IDs, unreadable and canonical ISO times.
 */

let dir: string;
let counter = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callaudit-bytes-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function outcome(path: string, options: CallLogOptions, firstTry: FirstTry) {
  try {
    return { result: await readCallLog(path, 'calls.csv', options, firstTry) };
  } catch (error) {
    const { name, message, code, line } = error as {
      name: string;
      message: string;
      code?: string;
      line?: number;
    };
    return { error: { name, message, code, line } };
  }
}

async function expectSameBothWays(bytes: Uint8Array, options: CallLogOptions): Promise<void> {
  const path = join(dir, `log-${++counter}.csv`);
  await writeFile(path, bytes);
  const viaBytes = await outcome(path, options, 'bytes');
  const viaText = await outcome(path, options, 'text');
  expect(viaBytes).toEqual(viaText);
}

const CP1250: Record<string, number> = { č: 0xe8, š: 0x9a, ž: 0x9e, Č: 0xc8, Š: 0x8a, Ž: 0x8e, '€': 0x80 };
function encode(text: string, encoding: 'utf-8' | 'windows-1250'): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  return Uint8Array.from(
    [...text].map((ch) => CP1250[ch] ?? (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0x3f)),
  );
}

/** Mostly good values, with the rarer broken ones that must fail the same way. */
const mostly = <T>(good: T[], bad: T[], goodWeight = 6) =>
  fc.oneof(
    { weight: goodWeight, arbitrary: fc.constantFrom(...good) },
    { weight: 1, arbitrary: fc.constantFrom(...bad) },
  );

const idArb = mostly(
  ['1001', ' 1002 ', '1759478400.12345', '"1003"', 'ID-č-1', '"a""b"'],
  ['', 'x"y', '"1"2'],
);
const outcomeArb = fc.constantFrom('Naročilo', 'Info', ' Reklamacija ', '', '"Naročilo, nujno"', '"2\n3"');
const timeArb = mostly(
  [
    '2026-10-03T07:15:00.000Z',
    ' 2026-10-03T07:15:00.000Z ',
    '2026-02-30T07:15:00.000Z',
    '2026-10-25T01:30:00.000Z',
    '03.10.2026 09:15',
    '2026-03-29 02:30',
    '2026-10-03',
    'soon',
    '',
    '"2026-10-03T07:15:00.000Z"',
    '1759478400',
  ],
  ['3/10/2026'],
  60,
);
const noteArb = fc.constantFrom(
  '',
  'kratko',
  '"paket M, 12,50 EUR"',
  '"prva\r\ndruga"',
  '"a ""citat"""',
  '"x\ry"',
  'č;š',
);
const rowArb = fc
  .tuple(idArb, timeArb, outcomeArb, noteArb, mostly([0], [1, -1], 12))
  .map(([id, time, out, note, extra]) => {
    const fields = [id, time, out, note];
    if (extra > 0) fields.push('extra');
    if (extra < 0) fields.pop();
    return fields;
  });

const fileArb = fc.record({
  encoding: fc.constantFrom<'utf-8' | 'windows-1250'>('utf-8', 'windows-1250'),
  delimiter: fc.constantFrom(',', ';', '\t'),
  lineBreak: fc.constantFrom('\n', '\r\n', '\r'),
  boms: fc.constantFrom(0, 0, 1, 2),
  sepLine: fc.boolean(),
  header: mostly(
    ['call_id|calldate|outcome|note', '"call_id"|calldate|Outcome|note'],
    ['id|calldate|outcome|note'],
    12,
  ),
  blankFirst: fc.boolean(),
  rows: fc.array(rowArb, { maxLength: 12 }),
  // Good rows around the random ones, so one bad row stays under the 1% limit and is reported.
  filler: fc.constantFrom(0, 0, 150),
  finalBreak: fc.boolean(),
  strayByte: mostly([null], [0xe8, 0xc3]),
});

const optionsArb = fc.record({
  encoding: mostly<CallLogOptions['encoding']>(['auto'], ['utf-8', 'windows-1250'], 4),
  delimiter: mostly<CallLogOptions['delimiter']>(['auto'], [',', ';'], 10),
  notice: fc.boolean(),
});

describe('readCallLog on the bytes agrees with readCallLog on decoded text', () => {
  it('for any small call log: the same result, or the same error', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, optionsArb, async (file, asked) => {
        const d = file.delimiter;
        const lines = [
          ...(file.sepLine ? [`sep=${d}`] : []),
          ...(file.blankFirst ? [''] : []),
          file.header.replaceAll('|', d),
          ...Array.from({ length: file.filler }, (_, i) => [`f${i}`, '2026-10-03 09:15', 'Info', ''].join(d)),
          ...file.rows.map((fields) => fields.join(d)),
          ...Array.from({ length: file.filler }, (_, i) =>
            [`g${i}`, '03.10.2026 09:15', 'Naročilo', 'x'].join(d),
          ),
        ];
        const text =
          '\uFEFF'.repeat(file.boms) + lines.join(file.lineBreak) + (file.finalBreak ? file.lineBreak : '');
        let bytes = encode(text, file.encoding);
        if (file.boms > 0 && file.encoding === 'windows-1250')
          bytes = encode(text.replaceAll('\uFEFF', ''), 'windows-1250');
        if (file.strayByte !== null) bytes = Uint8Array.from([...bytes, file.strayByte]);
        const options: CallLogOptions = {
          columns: columns({ time: 'calldate', notice: asked.notice ? 'note' : null }),
          encoding: asked.encoding,
          delimiter: asked.delimiter,
          timezone: 'Europe/Ljubljana',
        };
        await expectSameBothWays(bytes, options);
      }),
      { numRuns: 400 },
    );
  });

  it('across chunk boundaries, with letters cut between chunks and CRLF split', async () => {
    const rows = ['call_id;calldate;outcome;note'];
    for (let i = 0; i < 6000; i++) {
      const note =
        i % 7 === 0 ? '"preveriti račun\r\nv ponedeljek"' : i % 5 === 0 ? '"a;b ""c"""' : 'č'.repeat(i % 4);
      rows.push(
        `${1759478400 + i}.${i};0${(i % 9) + 1}.10.2026 09:${String(i % 60).padStart(2, '0')};Naročilo;${note}`,
      );
    }
    const text = `${rows.join('\r\n')}\r\n`;
    const options: CallLogOptions = {
      columns: columns({ time: 'calldate', notice: 'note' }),
      encoding: 'auto',
      delimiter: 'auto',
      timezone: 'Europe/Ljubljana',
    };
    for (const encoding of ['utf-8', 'windows-1250'] as const) {
      // Shifting the start moves every chunk boundary through the letters and line breaks.
      for (const shift of ['', 'x', 'xy']) {
        await expectSameBothWays(encode(text.replace('note', `note${shift}`), encoding), options);
        await expectSameBothWays(encode(text.replace('note', `note${shift}`), encoding), {
          ...options,
          columns: columns({ time: 'calldate', notice: `note${shift}` }),
        });
      }
    }
  });
});
