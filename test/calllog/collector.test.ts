import { parse, type CsvError } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CallLogCollector } from '../../src/calllog/collector.js';
import { csvParseOptions } from '../../src/calllog/csv-options.js';
import { LineEndNormaliser } from '../../src/calllog/line-ends.js';
import type { CallLogDelimiter, CallLogOptions } from '../../src/calllog/types.js';
import { CallauditError } from '../../src/errors.js';
import { columns } from '../support/call-log-options.js';

const base: CallLogOptions = {
  columns: columns(),
  encoding: 'auto',
  delimiter: 'auto',
  timezone: 'Europe/Ljubljana',
};

/** Runs text through the same normalising and csv-parse setup as the file reader, without files. */
function collect(
  text: string,
  options: Partial<CallLogOptions> = {},
  delimiter: CallLogDelimiter = ',',
): CallLogCollector {
  const normaliser = new LineEndNormaliser();
  const lf = normaliser.push(text) + normaliser.end();
  const collector = new CallLogCollector('calls.csv', { ...base, ...options });
  const skipped: CsvError[] = [];
  const records: string[][] = parse(
    lf,
    csvParseOptions(delimiter, (error) => skipped.push(error)),
  );
  for (const record of records) collector.onRecord(record);
  for (const error of skipped) collector.onSkip(error, normaliser.lines);
  return collector;
}

function finishError(collector: CallLogCollector): CallauditError {
  try {
    collector.finish();
  } catch (error) {
    if (error instanceof CallauditError) return error;
    throw error;
  }
  throw new Error('expected finish() to throw');
}

function rows(count: number, from = 1): string {
  let text = '';
  for (let i = from; i < from + count; i++) text += `C${i},Naročilo\n`;
  return text;
}

describe('CallLogCollector', () => {
  it('makes one event per row with trimmed call ID, outcome and start line', () => {
    const c = collect('call_id,outcome\n  A1 ,Naročilo\nB2, Reklamacija \n');
    c.finish();
    expect(c.headers).toEqual(['call_id', 'outcome']);
    expect(c.events).toEqual([
      { callId: 'A1', at: null, outcome: 'Naročilo', file: 'calls.csv', line: 2 },
      { callId: 'B2', at: null, outcome: 'Reklamacija', file: 'calls.csv', line: 3 },
    ]);
    expect(c.rows).toBe(2);
    expect(c.problems).toEqual([]);
  });

  it('keeps the start line of a record after a quoted note with embedded CRLF', () => {
    const text =
      'call_id,outcome,note\r\n' +
      'A1,Naročilo,"first line\r\nsecond line\r\nthird ""quoted"" line"\r\n' +
      'B2,Reklamacija,plain\r\n';
    const c = collect(text, { columns: columns({ notice: 'note' }) });
    expect(c.events.map((e) => [e.callId, e.line])).toEqual([
      ['A1', 2],
      ['B2', 5],
    ]);
    expect(c.events[0]?.notice).toBe('first line\nsecond line\nthird "quoted" line');
  });

  it('counts empty lines between records', () => {
    const c = collect('call_id,outcome\n\nA1,x\n\n\nB2,y\n');
    expect(c.events.map((e) => e.line)).toEqual([3, 6]);
  });

  it('ignores lines of blank space', () => {
    const c = collect('call_id,outcome\nA1,x\n   \nB2,y\n');
    c.finish();
    expect(c.events.map((e) => e.line)).toEqual([2, 4]);
    expect(c.problems).toEqual([]);
    expect(c.rows).toBe(2);
  });

  it('reports rows with an empty call ID and makes no event for them', () => {
    const c = collect('call_id,outcome\n,Naročilo\n  ,x\nA1,y\n');
    expect(c.events.map((e) => e.callId)).toEqual(['A1']);
    expect(c.problems.map((p) => [p.code, p.line])).toEqual([
      ['EMPTY_CALL_ID', 2],
      ['EMPTY_CALL_ID', 3],
    ]);
    expect(c.rows).toBe(3);
    expect(c.failedLines).toBe(0);
  });

  it('reads times, keeps rows with unreadable times, and tracks the time span', () => {
    const c = collect(
      'call_id;outcome;čas\nA;x;03.10.2026 09:15\nB;y;včeraj\nC;z;\nD;w;2026-10-01T08:00:00Z\n',
      { columns: columns({ time: 'čas' }) },
      ';',
    );
    expect(c.events.map((e) => [e.callId, e.at])).toEqual([
      ['A', '2026-10-03T07:15:00.000Z'],
      ['B', null],
      ['C', null],
      ['D', '2026-10-01T08:00:00.000Z'],
    ]);
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]).toMatchObject({ file: 'calls.csv', line: 3, code: 'UNREADABLE_TIME' });
    expect(c.problems[0]?.message).toContain('včeraj');
    expect(c.firstAt).toBe('2026-10-01T08:00:00.000Z');
    expect(c.lastAt).toBe('2026-10-03T07:15:00.000Z');
  });

  it('fills customer, notice and purpose only when their columns exist', () => {
    const text = 'call_id,outcome,customer,notice,purpose\nA,x,K-1,da,\n';
    const withAll = collect(text, {
      columns: columns({ customer: 'customer', notice: 'notice', purpose: 'purpose' }),
    });
    expect(withAll.events[0]).toMatchObject({ customerId: 'K-1', notice: 'da', purpose: null });
    const without = collect(text, { columns: columns({ customer: 'stranka' }) });
    expect(without.events[0]).not.toHaveProperty('customerId');
    expect(without.events[0]).not.toHaveProperty('notice');
  });

  it('skips a row with the wrong number of fields and keeps going', () => {
    const c = collect('call_id,outcome\nA,x\nB,y,extra\nC\nD,z\n' + rows(300, 10));
    expect(c.events.slice(0, 2).map((e) => e.callId)).toEqual(['A', 'D']);
    expect(c.problems.map((p) => [p.code, p.line])).toEqual([
      ['WRONG_FIELD_COUNT', 3],
      ['WRONG_FIELD_COUNT', 4],
    ]);
    expect(c.problems[0]?.message).toContain('expected 2 fields');
    expect(c.problems[0]?.message).toContain('found 3');
    expect(c.rows).toBe(304);
    expect(c.failedLines).toBe(2);
    expect(() => c.finish()).not.toThrow();
  });

  it('counts every line swallowed by a quote that is never closed', () => {
    const c = collect('call_id,outcome\nA,x\nB,"broken\nC,y\nD,z\n');
    expect(c.events.map((e) => e.callId)).toEqual(['A']);
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]).toMatchObject({ line: 3, code: 'UNCLOSED_QUOTE' });
    expect(c.problems[0]?.message).toContain('lines 3–5');
    expect(c.failedLines).toBe(3);
    const error = finishError(c);
    expect(error.code).toBe('CSV_TOO_MANY_BAD_ROWS');
    expect(error.line).toBe(3);
    expect(error.message).toContain('calls.csv');
    expect(error.message).toContain('line 3');
    expect(error.hint).toMatch(/quot/);
    expect(error.hint).toContain('--delimiter');
  });

  it('treats a quote that closes rows later as one bad record over all its lines', () => {
    const c = collect('call_id;outcome\nA;"x\nB;y\nC;z";w\nD;v\n', {}, ';');
    expect(c.events.map((e) => [e.callId, e.line])).toEqual([['D', 5]]);
    expect(c.problems[0]).toMatchObject({ line: 2, code: 'WRONG_FIELD_COUNT' });
    expect(c.failedLines).toBe(3);
  });

  it('rejects a glued record even when its field count happens to fit', () => {
    const c = collect('call_id;outcome\nA;"x\nB;y"\nC;z\n', {}, ';');
    expect(c.events.map((e) => [e.callId, e.line])).toEqual([['C', 4]]);
    expect(c.problems[0]).toMatchObject({ line: 2, code: 'UNBALANCED_QUOTE' });
  });

  it('accepts exactly 1% bad lines and refuses more', () => {
    const atLimit = collect('call_id,outcome\nbad\n' + rows(99));
    expect(atLimit.dataLines).toBe(100);
    expect(atLimit.failedLines).toBe(1);
    expect(() => atLimit.finish()).not.toThrow();

    const over = collect('call_id,outcome\nbad\n' + rows(98));
    expect(finishError(over).code).toBe('CSV_TOO_MANY_BAD_ROWS');
  });

  it('skips blank lines before the header and counts them', () => {
    const c = collect('\n  \ncall_id,outcome\nA,x\n');
    expect(c.headers).toEqual(['call_id', 'outcome']);
    expect(c.events.map((e) => e.line)).toEqual([4]);
  });

  it('throws CSV_BAD_HEADER when the header itself never closes its quote', () => {
    expect(() => collect('"call_id,outcome\nA,x\n')).toThrowError(/header row/);
  });

  it('throws CSV_EMPTY_FILE when there was no header at all', () => {
    const c = collect('\n\n');
    const error = finishError(c);
    expect(error.code).toBe('CSV_EMPTY_FILE');
    expect(error.file).toBe('calls.csv');
  });

  it('throws CSV_MISSING_COLUMN from the header record', () => {
    expect(() => collect('id,result\n1,x\n')).toThrowError(/"call_id"/);
  });
});
