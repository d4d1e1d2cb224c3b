import { describe, expect, it } from 'vitest';
import { ByteRecordSplitter } from '../../src/calllog/byte-records.js';
import type { RecordCollector } from '../../src/calllog/collector.js';
import { CsvParseSplitter } from '../../src/calllog/csv-parse-records.js';
import { FastPathUnsupported, FastRecordSplitter } from '../../src/calllog/fast-records.js';
import { fieldDecoder } from '../../src/calllog/field-decoders.js';
import { LineEndNormaliser } from '../../src/calllog/line-ends.js';
import { LineTracker } from '../../src/calllog/line-tracker.js';
import { splitInto, type RecordSink, type RecordSplitter } from '../../src/calllog/record-splitter.js';
import type { CallLogDelimiter } from '../../src/calllog/types.js';

/** Collects each record with its start line, counted as the call-log collector counts them. */
class LineRecorder implements RecordCollector {
  readonly records: Array<{ line: number; fields: string[] }> = [];
  rows = 0;
  wantedColumns: boolean[] | null = null;
  private readonly lines = new LineTracker();

  constructor(readonly fieldsAreCopies: boolean) {}

  onRecord(record: string[], lineBreaks?: number): void {
    // Copied: the byte splitter writes every record into one reused array.
    this.records.push({ line: this.lines.advance(record, lineBreaks), fields: [...record] });
    this.rows++;
  }
}

interface SplitterUnderTest {
  name: string;
  fieldsAreCopies: boolean;
  run(bytes: Buffer, delimiter: CallLogDelimiter, chunkSize: number): Promise<LineRecorder>;
}

/** Text as the reader hands it to a text splitter: decoded (BOM dropped) with LF line breaks. */
function textChunks(bytes: Buffer, chunkSize: number): string[] {
  const normaliser = new LineEndNormaliser();
  const text = normaliser.push(new TextDecoder('utf-8').decode(bytes)) + normaliser.end();
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
  return chunks;
}

async function* each<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function run<Chunk>(
  chunks: Chunk[],
  make: (sink: RecordSink) => RecordSplitter<Chunk>,
): Promise<LineRecorder> {
  const { collector, skipped } = await splitInto(each(chunks), make, (copies) => new LineRecorder(copies));
  expect(skipped).toEqual([]);
  return collector;
}

const SPLITTERS: SplitterUnderTest[] = [
  {
    name: 'csv-parse (the reference)',
    fieldsAreCopies: false,
    run: (bytes, delimiter, size) =>
      run(textChunks(bytes, size), (sink) => new CsvParseSplitter(delimiter, sink, 'calls.csv')),
  },
  {
    name: 'the text splitter',
    fieldsAreCopies: false,
    run: (bytes, delimiter, size) =>
      run(textChunks(bytes, size), (sink) => new FastRecordSplitter(delimiter, sink)),
  },
  {
    name: 'the byte splitter',
    fieldsAreCopies: true,
    run: (bytes, delimiter, size) => {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      return run(chunks, (sink) => new ByteRecordSplitter(delimiter, fieldDecoder('utf-8'), sink, true));
    },
  },
];

type Row = [line: number, ...fields: string[]];

const TRICKY: Array<{ name: string; text: string; delimiter: CallLogDelimiter; rows: Row[] }> = [
  {
    name: 'quoted fields with delimiters and doubled quotes',
    text: 'call_id,outcome,note\n1,"Naročilo, plačano","rekel je ""da"""\n2,x,""\n',
    delimiter: ',',
    rows: [
      [1, 'call_id', 'outcome', 'note'],
      [2, '1', 'Naročilo, plačano', 'rekel je "da"'],
      [3, '2', 'x', ''],
    ],
  },
  {
    name: 'CRLF line ends and no final line break',
    text: 'call_id;outcome\r\n1;a\r\n2;"b;c"',
    delimiter: ';',
    rows: [
      [1, 'call_id', 'outcome'],
      [2, '1', 'a'],
      [3, '2', 'b;c'],
    ],
  },
  {
    name: 'a byte order mark before the header',
    text: '\uFEFFcall_id\toutcome\r\n1\tNaročilo\r\n',
    delimiter: '\t',
    rows: [
      [1, 'call_id', 'outcome'],
      [2, '1', 'Naročilo'],
    ],
  },
  {
    name: 'line breaks inside quoted fields (LF, CRLF, CR) and blank lines',
    text: 'call_id,outcome,note\n\n1,a,"one\r\ntwo"\n2,b,"x\ny\rz"\n\n3,c,\n',
    delimiter: ',',
    rows: [
      [1, 'call_id', 'outcome', 'note'],
      [2, ''],
      [3, '1', 'a', 'one\ntwo'],
      [5, '2', 'b', 'x\ny\nz'],
      [8, ''],
      [9, '3', 'c', ''],
    ],
  },
];

describe('every record splitter keeps the same contract', () => {
  for (const splitter of SPLITTERS) {
    describe(splitter.name, () => {
      for (const input of TRICKY) {
        it(`gives the same records at the same lines: ${input.name}`, async () => {
          for (const chunkSize of [1, 3, 7, 1 << 16]) {
            const recorder = await splitter.run(Buffer.from(input.text, 'utf8'), input.delimiter, chunkSize);
            expect(recorder.records.map(({ line, fields }) => [line, ...fields])).toEqual(input.rows);
          }
        });
      }

      it('says whether its fields are copies, and the collector is made knowing it', async () => {
        const recorder = await splitter.run(Buffer.from('a,b\n1,2\n'), ',', 4);
        expect(recorder.fieldsAreCopies).toBe(splitter.fieldsAreCopies);
      });
    });
  }

  it('the fast splitters decline what only csv-parse reads, a stray quote', async () => {
    const stray = Buffer.from('call_id,outcome\n1,a"b\n');
    const reference = await SPLITTERS[0]!.run(stray, ',', 5);
    expect(reference.records.map((r) => r.fields)).toEqual([
      ['call_id', 'outcome'],
      ['1', 'a"b'],
    ]);
    for (const fast of SPLITTERS.slice(1)) {
      await expect(fast.run(stray, ',', 5)).rejects.toBeInstanceOf(FastPathUnsupported);
    }
  });
});
