import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCallId } from '../../src/archive/call-id.js';
import { DEFAULT_ENGINE } from '../../src/audit/engine-settings.js';
import { eventsForCall, indexEventsByCallId } from '../../src/audit/join.js';
import { judge } from '../../src/audit/judge.js';
import { readCallLog, type FirstTry } from '../../src/calllog/read-call-log.js';
import type { CallLogOptions } from '../../src/calllog/types.js';
import { CallauditError } from '../../src/errors.js';
import { holdMatches } from '../../src/policy/holds.js';
import { tempDir } from '../archive/helpers.js';
import { makeEvent, makeRecording, stubClassifier, testPack } from '../support/builders.js';
import { columns } from '../support/call-log-options.js';

const NFC = 'Š-1001';
const NFD = NFC.normalize('NFD');
const NOW = '2026-11-28T12:00:00.000Z';
const SPLITTERS: FirstTry[] = ['bytes', 'text'];

function options(overrides: Partial<CallLogOptions> = {}): CallLogOptions {
  return {
    columns: columns({ time: 'time' }),
    encoding: 'auto',
    delimiter: 'auto',
    timezone: 'Europe/Ljubljana',
    now: NOW,
    ...overrides,
  };
}

function csvFile(text: string | Buffer): string {
  const file = join(tempDir('callaudit-log-'), 'calls.csv');
  writeFileSync(file, text);
  return file;
}

describe('call IDs join in Unicode NFC whatever form the file system wrote', () => {
  it('a decomposed (macOS) file name gives the composed call ID', () => {
    expect(NFD).not.toBe(NFC);
    expect(extractCallId(`prodaja/in_${NFD}.wav`, null)).toBe(`in_${NFC}`);
  });

  it('a decomposed ID finds the events logged under the composed one, and the other way round', () => {
    const index = indexEventsByCallId([makeEvent('Order', { callId: NFC })]);
    expect(eventsForCall(index, NFD)).toHaveLength(1);
    const reverse = indexEventsByCallId([makeEvent('Order', { callId: NFD })]);
    expect(eventsForCall(reverse, NFC)).toHaveLength(1);
  });

  it('a call_id hold written composed holds the recording named decomposed', () => {
    const subject = { callId: NFD, customerIds: [], path: `${NFD}.wav`, callAt: null };
    const hold = {
      id: 'holds.csv:2',
      type: 'litigation',
      scope: 'call_id',
      value: NFC,
      reference: 'P 1/2026',
      reason: 'court case',
      until: null,
      period: null,
    } as const;
    expect(holdMatches(hold, subject)).toBe(true);
  });
});

describe('implausible call-log times become unknown, with a warning per row', () => {
  const text =
    'call_id;outcome;time\n' +
    'C-1;Naročilo;1900-01-01 00:00\n' +
    'C-2;Naročilo;2026-10-03 09:15\n' +
    'C-3;Naročilo;2099-05-01 10:00\n' +
    'C-4;Naročilo;2026-11-29 11:00\n';

  it.each(SPLITTERS)('splitter %s', async (splitter) => {
    const result = await readCallLog(csvFile(text), 'calls.csv', options(), splitter);
    const byId = new Map(result.events.map((e) => [e.callId, e]));
    expect(byId.get('C-1')).toMatchObject({ at: null, timeImplausible: true });
    expect(byId.get('C-3')).toMatchObject({ at: null, timeImplausible: true });
    expect(byId.get('C-2')).toMatchObject({ at: '2026-10-03T07:15:00.000Z' });
    expect(byId.get('C-2')!.timeImplausible).toBeUndefined();
    // Less than a day after --now: a clock a little off, not a placeholder.
    expect(byId.get('C-4')!.at).toBe('2026-11-29T10:00:00.000Z');
    expect(result.problems.map((p) => [p.code, p.line])).toEqual([
      ['IMPLAUSIBLE_TIME', 2],
      ['IMPLAUSIBLE_TIME', 4],
    ]);
    expect(result.problems[0]!.message).toMatch(/1900-01-01 00:00.*before 1970/);
    // The span of the log is made of plausible times only.
    expect([result.firstAt, result.lastAt]).toEqual(['2026-10-03T07:15:00.000Z', '2026-11-29T10:00:00.000Z']);
  });

  it('without a reference time only times before 1970 are refused', async () => {
    const result = await readCallLog(csvFile(text), 'calls.csv', options({ now: undefined }));
    expect(result.problems.map((p) => p.line)).toEqual([2]);
  });
});

describe('a recording is never deleted for retention on an implausible time', () => {
  const classify = stubClassifier({ Order: 'order' });
  const engine = { ...DEFAULT_ENGINE, now: NOW };
  const old = makeRecording({ startedAt: '2019-01-10T08:00:00.000Z', timeSource: 'mtime' });

  it('a plausible old order expires (the control)', () => {
    const finding = judge(old, [makeEvent('Order', { at: '2019-01-10T09:00:00.000Z' })], {
      pack: testPack(),
      classify,
      engine,
    });
    expect(finding.reason).toBe('RETENTION_EXPIRED');
  });

  it('an order whose time was implausible gives no deadline, not even from the file time', () => {
    const event = makeEvent('Order', { at: null, timeImplausible: true });
    const finding = judge(old, [event], { pack: testPack(), classify, engine });
    expect([finding.verdict, finding.reason, finding.deleteBy ?? null]).toEqual([
      'compliant',
      'QUALIFYING_EVENT',
      null,
    ]);
  });

  it('nor when another order of the same call has a plausible old time', () => {
    const events = [
      makeEvent('Order', { at: '2019-01-10T09:00:00.000Z' }),
      makeEvent('Order', { at: null, timeImplausible: true }),
    ];
    const finding = judge(old, events, { pack: testPack(), classify, engine });
    expect(finding.verdict).not.toBe('violation');
  });
});

describe('two columns answering to a used column name are an error', () => {
  it.each(SPLITTERS)('splitter %s', async (splitter) => {
    const file = csvFile('call_id;outcome;time;Call_ID\nC-1;Naročilo;2026-10-03 09:15;C-2\n');
    const error = await readCallLog(file, 'calls.csv', options(), splitter).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallauditError);
    expect((error as CallauditError).code).toBe('CSV_DUPLICATE_COLUMN');
    expect((error as CallauditError).message).toMatch(
      /calls\.csv has 2 columns named "call_id" \(columns 1 and 4\)/,
    );
    expect((error as CallauditError).line).toBe(1);
  });

  it('a duplicate of a column the audit does not read is fine', async () => {
    const file = csvFile('call_id;outcome;note;note\nC-1;Naročilo;a;b\n');
    const result = await readCallLog(file, 'calls.csv', options({ columns: columns() }));
    expect(result.events).toHaveLength(1);
  });
});

describe('a NUL byte in a field is a skipped row with its line', () => {
  // Enough good rows that two bad ones stay under the 1% limit of unreadable lines.
  const padding = Array.from({ length: 300 }, (_, i) => `P-${i};Naročilo;2026-10-04 09:00\n`).join('');
  const text = Buffer.from(
    'call_id;outcome;time\nC-1;Naročilo;2026-10-03 09:15\nC-\u00002;Naročilo;2026-10-03 09:20\n' +
      '"C-3";"Nar\u0000očilo";2026-10-03 09:25\nC-4;Naročilo;2026-10-03 09:30\n' +
      padding,
  );

  it.each(SPLITTERS)('splitter %s', async (splitter) => {
    const result = await readCallLog(csvFile(text), 'calls.csv', options(), splitter);
    expect(result.events.map((e) => e.callId).slice(0, 3)).toEqual(['C-1', 'C-4', 'P-0']);
    expect(result.events.some((e) => e.callId.includes('\0') || e.outcome.includes('\0'))).toBe(false);
    expect(result.problems.map((p) => [p.code, p.line])).toEqual([
      ['NUL_IN_FIELD', 3],
      ['NUL_IN_FIELD', 4],
    ]);
    expect(result.rows).toBe(304);
  });
});
