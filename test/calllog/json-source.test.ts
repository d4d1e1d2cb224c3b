import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readAnyCallLog } from '../../src/calllog/read-any-call-log.js';
import type { CallLogOptions } from '../../src/calllog/types.js';
import { kindOfHead } from '../../src/calllog/source-kind.js';
import type { CallLogSource } from '../../src/config/settings.js';
import { CALL_LOG_OPTIONS, sourceOptions } from '../support/call-log-options.js';
import { rejectionOf } from '../support/error-of.js';

const dir = mkdtempSync(path.join(tmpdir(), 'callaudit-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

function presetOptions(preset: string, extra: Partial<CallLogSource> = {}): CallLogOptions {
  return sourceOptions({ preset, ...extra });
}

/** A contact record as Connect writes it (see fixtures/json-sources/README.md). */
function ctr(id: string, at: string, disposition?: string) {
  return {
    AWSAccountId: '123456789012',
    Channel: 'VOICE',
    ContactId: id,
    InitiationMethod: 'INBOUND',
    InitiationTimestamp: at,
    Attributes: disposition === undefined ? {} : { disposition },
    Recording: { Location: `bucket/connect/${id}.wav`, Status: 'AVAILABLE', Type: 'AUDIO' },
  };
}

describe('NDJSON call logs', () => {
  const lines = [
    ctr('c-1', '2026-10-03T07:15:00Z', 'naročilo'),
    ctr('c-2', '2026-10-03T08:15:00Z', 'informacije'),
    ctr('c-3', '2026-10-03T09:15:00Z'),
  ].map((r) => JSON.stringify(r));

  it('reads Connect contact records with the preset, an event a line with its line number', async () => {
    const file = write('ctr.ndjson', `${lines[0]}\n\n${lines[1]}\n${lines[2]}\n`);
    const log = await readAnyCallLog(file, 'ctr.ndjson', presetOptions('amazon-connect-ctr'));
    expect(log.format).toBe('ndjson');
    expect(log.events.map((e) => [e.callId, e.outcome, e.at, e.line])).toEqual([
      ['c-1', 'naročilo', '2026-10-03T07:15:00.000Z', 1],
      ['c-2', 'informacije', '2026-10-03T08:15:00.000Z', 3],
      ['c-3', '', '2026-10-03T09:15:00.000Z', 4],
    ]);
  });

  it('reads gzip-compressed NDJSON as Firehose delivers it, and a disposition attribute named by flag', async () => {
    const renamed = lines.map((l) => l.replace('"disposition"', '"izid"'));
    const file = write('ctr-2026-10-03', gzipSync(`${renamed.join('\n')}\n`));
    const options = presetOptions('amazon-connect-ctr', { outcomeColumn: 'Attributes.izid' });
    const log = await readAnyCallLog(file, 'ctr-2026-10-03', options);
    expect(log.events.map((e) => e.outcome)).toEqual(['naročilo', 'informacije', '']);
  });

  it('skips a malformed line with its line number, and fails when more than 1% of the lines are bad', async () => {
    const many = Array.from({ length: 150 }, (_, i) =>
      JSON.stringify(ctr(`m-${i}`, '2026-10-03T07:15:00Z', 'naročilo')),
    );
    many.splice(100, 0, '{"ContactId": "broken",');
    const file = write('bad-line.ndjson', `${many.join('\n')}\n`);
    const log = await readAnyCallLog(file, 'bad-line.ndjson', presetOptions('amazon-connect-ctr'));
    expect(log.problems).toEqual([
      expect.objectContaining({ file: 'bad-line.ndjson', line: 101, code: 'BAD_JSON_LINE' }),
    ]);
    expect(log.events).toHaveLength(150);
    expect(log.events[100]!.line).toBe(102);

    const few = write('bad-lines.ndjson', `${lines[0]}\n[1, 2\n${lines[1]}\n`);
    const error = await rejectionOf(
      readAnyCallLog(few, 'bad-lines.ndjson', presetOptions('amazon-connect-ctr')),
    );
    expect(error.code).toBe('CSV_TOO_MANY_BAD_ROWS');
    expect(error.line).toBe(2);
  });

  it('names the NDJSON line in row problems and errors, past blank lines', async () => {
    const record = (id: string, time: string) => JSON.stringify({ call_id: id, outcome: 'naročilo', time });
    const text = `\n\n${record('n-1', '2026-10-03 09:15')}\n\n${record('n-2\0', '2026-10-03 09:15')}\n`;
    const bad = await rejectionOf(readAnyCallLog(write('nul.ndjson', text), 'nul.ndjson', CALL_LOG_OPTIONS));
    expect(bad.code).toBe('CSV_TOO_MANY_BAD_ROWS');
    expect(bad.line).toBe(5);
    expect(bad.message).toContain('NUL byte (line 5)');
    const ambiguous = write('ambiguous.ndjson', `\n${record('n-1', '03/04/2026 09:15')}\n`);
    const error = await rejectionOf(readAnyCallLog(ambiguous, 'ambiguous.ndjson', CALL_LOG_OPTIONS));
    expect(error.code).toBe('AMBIGUOUS_DATE');
    expect(error.line).toBe(2);
  });

  it('reports a missing column with the paths found', async () => {
    const file = write('other.ndjson', `{"id":"x","result":"ok"}\n`);
    const error = await rejectionOf(
      readAnyCallLog(file, 'other.ndjson', presetOptions('amazon-connect-ctr')),
    );
    expect(error.code).toBe('CSV_MISSING_COLUMN');
    expect(error.message).toContain('"ContactId"');
    expect(error.message).toContain('Columns found: "id", "result"');
  });
});

describe('JSON call logs', () => {
  /** A conversation as the analytics conversation-detail query returns it. */
  const conversation = {
    conversationId: 'g-1',
    conversationStart: '2026-10-03T07:15:00.000Z',
    conversationEnd: '2026-10-03T07:20:00.000Z',
    originatingDirection: 'inbound',
    participants: [
      { purpose: 'customer', sessions: [{ mediaType: 'voice', segments: [{ segmentType: 'interact' }] }] },
      {
        purpose: 'agent',
        sessions: [
          {
            mediaType: 'voice',
            segments: [{ segmentType: 'interact' }, { segmentType: 'wrapup', wrapUpCode: 'order-code' }],
          },
          { mediaType: 'voice', segments: [{ segmentType: 'wrapup', wrapUpCode: 'complaint-code' }] },
        ],
      },
    ],
  };

  it('gives one event per wrap-up code of a Genesys conversation, from the one array in the object', async () => {
    const file = write(
      'conversations.json',
      JSON.stringify(
        {
          totalHits: 2,
          conversations: [conversation, { ...conversation, conversationId: 'g-2', participants: [] }],
        },
        null,
        2,
      ),
    );
    const log = await readAnyCallLog(
      file,
      'conversations.json',
      presetOptions('genesys-cloud-conversations'),
    );
    expect(log.source).toBe('conversations');
    expect(log.events.map((e) => [e.callId, e.outcome, e.line])).toEqual([
      ['g-1', 'order-code', 1],
      ['g-1', 'complaint-code', 1],
      ['g-2', '', 2],
    ]);
  });

  it('asks for --records when an object holds several arrays, and follows it', async () => {
    const file = write('two.json', JSON.stringify({ conversations: [conversation], users: [{ id: 'u' }] }));
    const error = await rejectionOf(
      readAnyCallLog(file, 'two.json', presetOptions('genesys-cloud-conversations')),
    );
    expect(error.code).toBe('JSON_NO_RECORDS');
    expect(error.message).toContain('conversations, users');
    expect(error.hint).toContain('--records');
    const log = await readAnyCallLog(file, 'two.json', {
      ...presetOptions('genesys-cloud-conversations'),
      records: 'conversations',
    });
    expect(log.events).toHaveLength(2);
  });

  it('reports malformed JSON with its line and column', async () => {
    const file = write(
      'broken.json',
      '[\n  {"call_id": "a", "outcome": "x"},\n  {"call_id": "b" "outcome": "y"}\n]\n',
    );
    const error = await rejectionOf(readAnyCallLog(file, 'broken.json', presetOptions('generic')));
    expect(error.code).toBe('JSON_MALFORMED');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/line 3, column 19/);
  });
});

describe('telling the kind of a call log by its bytes', () => {
  it.each([
    ['PK\x03\x04....[Content_Types].xml', 'export', 'xlsx'],
    ['PK\x03\x04....notes.txt', 'export.zip', 'zip'],
    ['\x1f\x8b\x08\x00', 'ctr', 'ndjson-gzip'],
    ['[{"a":1}]', 'x.txt', 'json'],
    ['{"a":1}\n{"a":2}\n', 'export', 'ndjson'],
    ['{\n  "a": [1]\n}\n', 'export', 'json'],
    ['{"a":1}', 'calls.jsonl', 'ndjson'],
    ['call_id;outcome\n', 'calls.json', 'csv'],
  ])('%j named %s is %s', (bytes, name, kind) => {
    expect(kindOfHead(Buffer.from(bytes, 'latin1'), name)).toBe(kind);
  });
});
