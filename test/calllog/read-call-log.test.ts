import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCallLog } from '../../src/calllog/read-call-log.js';
import type { CallLogOptions } from '../../src/calllog/types.js';
import { rejectionOf } from '../support/error-of.js';
import { columns } from '../support/call-log-options.js';

const options: CallLogOptions = {
  columns: columns(),
  encoding: 'auto',
  delimiter: 'auto',
  timezone: 'Europe/Ljubljana',
};

let dir: string;
let counter = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callaudit-calllog-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(content: string | Uint8Array): Promise<string> {
  const path = join(dir, `log-${++counter}.csv`);
  await writeFile(path, content);
  return path;
}

/** Encodes text as Windows-1250 for the letters the tests use. */
function cp1250(text: string): Uint8Array {
  const map: Record<string, number> = { č: 0xe8, š: 0x9a, ž: 0x9e, Č: 0xc8, Š: 0x8a, Ž: 0x8e };
  return Uint8Array.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

function utf16le(text: string): Uint8Array {
  return Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
}

describe('readCallLog', () => {
  it('reads a UTF-8 BOM, semicolon, CRLF export with a multi-line note', async () => {
    const text =
      'ID klica;Izid;Čas;Opomba\r\n' +
      '1001;Naročilo;03.10.2026 09:15;"prva vrstica\r\ndruga; vrstica\r\ntretja ""citat"""\r\n' +
      '1002;Reklamacija;3. 10. 2026 10:00;kratko\r\n';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const path = await file(bytes);
    const result = await readCallLog(path, 'crm/klici.csv', {
      ...options,
      columns: columns({ id: 'ID klica', outcome: 'izid', time: 'Čas', notice: 'Opomba' }),
    });
    expect(result.file).toBe('crm/klici.csv');
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.encoding).toBe('utf-8');
    expect(result.encodingDetected).toBe(true);
    expect(result.delimiter).toBe(';');
    expect(result.headers).toEqual(['ID klica', 'Izid', 'Čas', 'Opomba']);
    expect(result.rows).toBe(2);
    expect(result.problems).toEqual([]);
    expect(result.events).toEqual([
      {
        callId: '1001',
        at: '2026-10-03T07:15:00.000Z',
        outcome: 'Naročilo',
        file: 'crm/klici.csv',
        line: 2,
        notice: 'prva vrstica\ndruga; vrstica\ntretja "citat"',
      },
      {
        callId: '1002',
        at: '2026-10-03T08:00:00.000Z',
        outcome: 'Reklamacija',
        file: 'crm/klici.csv',
        line: 5,
        notice: 'kratko',
      },
    ]);
    expect(result.firstAt).toBe('2026-10-03T07:15:00.000Z');
    expect(result.lastAt).toBe('2026-10-03T08:00:00.000Z');
  });

  it('reports problems on the start line after notes with embedded CRLF', async () => {
    const path = await file(
      'call_id,outcome,time\r\n' +
        'A,"Naročilo\r\n",2026-10-03 09:00\r\n' +
        'B,Info,"not\r\na time"\r\n' +
        ',Info,2026-10-03 09:00\r\n' +
        'C,Info,soon\r\n',
    );
    const result = await readCallLog(path, 'calls.csv', { ...options, columns: columns({ time: 'time' }) });
    expect(result.problems.map((p) => [p.code, p.line])).toEqual([
      ['UNREADABLE_TIME', 4],
      ['EMPTY_CALL_ID', 6],
      ['UNREADABLE_TIME', 7],
    ]);
    expect(result.events.map((e) => [e.callId, e.line])).toEqual([
      ['A', 2],
      ['B', 4],
      ['C', 7],
    ]);
  });

  it('reads a plain comma file with quoted delimiters and doubled quotes', async () => {
    const path = await file('call_id,outcome,customer\n"A,1","Order ""big""",K1\nB,"x, y",\n');
    const result = await readCallLog(path, 'c.csv', {
      ...options,
      columns: columns({ customer: 'customer' }),
    });
    expect(result.delimiter).toBe(',');
    expect(result.events.map((e) => [e.callId, e.outcome, e.customerId])).toEqual([
      ['A,1', 'Order "big"', 'K1'],
      ['B', 'x, y', null],
    ]);
  });

  it('decodes Windows-1250 Slovenian letters under auto', async () => {
    const path = await file(
      cp1250('call_id;outcome;čas\n1;Naročilo;1.3.2026\n2;Šola in Žito;\n3;ČŠŽ čšž;\n'),
    );
    const result = await readCallLog(path, 'cp.csv', { ...options, columns: columns({ time: 'čas' }) });
    expect(result.encoding).toBe('windows-1250');
    expect(result.encodingDetected).toBe(true);
    expect(result.headers).toEqual(['call_id', 'outcome', 'čas']);
    expect(result.events.map((e) => e.outcome)).toEqual(['Naročilo', 'Šola in Žito', 'ČŠŽ čšž']);
    expect(result.events[0]?.at).toBe('2026-02-28T23:00:00.000Z');
  });

  it('decodes Windows-1250 when asked, and refuses it as UTF-8', async () => {
    const path = await file(cp1250('call_id;outcome\n1;Naročilo\n'));
    const asked = await readCallLog(path, 'cp.csv', { ...options, encoding: 'windows-1250' });
    expect(asked.encoding).toBe('windows-1250');
    expect(asked.encodingDetected).toBe(false);
    expect(asked.events[0]?.outcome).toBe('Naročilo');

    const error = await rejectionOf(readCallLog(path, 'cp.csv', { ...options, encoding: 'utf-8' }));
    expect(error.code).toBe('CSV_BAD_ENCODING');
    expect(error.hint).toContain('windows-1250');
  });

  it('starts over as Windows-1250 when invalid UTF-8 appears late in a large file', async () => {
    const lines = ['call_id,outcome'];
    for (let i = 0; i < 20_000; i++) lines.push(`id-${i},Informacija`);
    lines.push('late,Naročilo');
    const bytes = cp1250(lines.join('\n') + '\n');
    expect(bytes.length).toBeGreaterThan(3 * 65_536);
    const result = await readCallLog(await file(bytes), 'late.csv', options);
    expect(result.encoding).toBe('windows-1250');
    expect(result.rows).toBe(20_001);
    expect(result.events).toHaveLength(20_001);
    expect(result.events.at(-1)).toMatchObject({ callId: 'late', outcome: 'Naročilo', line: 20_002 });
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('reads UTF-16LE with BOM and tabs', async () => {
    const text = 'call_id\toutcome\tnote\r\n1\tNaročilo\t"a\tb"\r\n2\tŽalba\t\r\n';
    const path = await file(utf16le(text));
    const result = await readCallLog(path, 'u16.txt', options);
    expect(result.encoding).toBe('utf-16le');
    expect(result.delimiter).toBe('\t');
    expect(result.headers).toEqual(['call_id', 'outcome', 'note']);
    expect(result.events.map((e) => [e.callId, e.outcome, e.line])).toEqual([
      ['1', 'Naročilo', 2],
      ['2', 'Žalba', 3],
    ]);
    const asked = await readCallLog(path, 'u16.txt', { ...options, encoding: 'utf-16le', delimiter: '\t' });
    expect(asked.events).toEqual(result.events);
  });

  it('recognises BOM-less UTF-16LE and refuses UTF-16BE', async () => {
    const noBom = await file(Buffer.from('call_id\toutcome\n1\tx\n', 'utf16le'));
    expect((await readCallLog(noBom, 'a', options)).events.map((e) => e.outcome)).toEqual(['x']);
    const be = await file(Uint8Array.from([0xfe, 0xff, 0x00, 0x61]));
    expect((await rejectionOf(readCallLog(be, 'be.csv', options))).code).toBe('CSV_UNSUPPORTED_ENCODING');
  });

  it("follows Excel's sep= line and keeps counting lines from it", async () => {
    const path = await file('sep=;\r\ncall_id;outcome,extra\r\n1;Naročilo,x\r\n');
    const result = await readCallLog(path, 'sep.csv', {
      ...options,
      columns: columns({ outcome: 'outcome,extra' }),
    });
    expect(result.delimiter).toBe(';');
    expect(result.headers).toEqual(['call_id', 'outcome,extra']);
    expect(result.events.map((e) => [e.callId, e.outcome, e.line])).toEqual([['1', 'Naročilo,x', 3]]);
  });

  it('uses an explicit delimiter instead of sniffing', async () => {
    const path = await file('call_id;outcome,with,commas\n1;a,b\n');
    const result = await readCallLog(path, 'd.csv', {
      ...options,
      columns: columns({ outcome: 'outcome,with,commas' }),
      delimiter: ';',
    });
    expect(result.delimiter).toBe(';');
    expect(result.events[0]?.outcome).toBe('a,b');
  });

  it('keeps line numbers exact across chunk boundaries with CRLF and multi-byte letters', async () => {
    const lines = ['call_id;outcome;note'];
    // Varying lengths move CRLF pairs, 'č' and quoted notes across the 64 KiB read boundaries.
    for (let i = 0; i < 6_000; i++) {
      lines.push(
        i % 7 === 0 ? `${i};Naročilo;"two\r\nlines ${'č'.repeat(i % 13)}"` : `${i};č${'ž'.repeat(i % 11)};x`,
      );
    }
    const result = await readCallLog(await file(lines.join('\r\n') + '\r\n'), 'big.csv', options);
    expect(result.problems).toEqual([]);
    expect(result.events).toHaveLength(6_000);
    let expected = 2;
    for (const [i, event] of result.events.entries()) {
      expect(event.callId).toBe(String(i));
      expect(event.line).toBe(expected);
      expected += i % 7 === 0 ? 2 : 1;
    }
  });

  it('skips one bad row in a hundred and keeps going', async () => {
    const lines = ['call_id,outcome'];
    for (let i = 0; i < 99; i++) lines.push(`${i},ok`);
    lines.splice(50, 0, 'broken,row,with,extra,fields');
    const result = await readCallLog(await file(lines.join('\n')), 'one-bad.csv', options);
    expect(result.events).toHaveLength(99);
    expect(result.rows).toBe(100);
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'one-bad.csv', line: 51, code: 'WRONG_FIELD_COUNT' }),
    ]);
  });

  it('refuses a file whose stray quote swallows the rest', async () => {
    const lines = ['call_id,outcome'];
    for (let i = 0; i < 200; i++) lines.push(i === 150 ? `${i},"Naročilo` : `${i},ok`);
    const error = await rejectionOf(readCallLog(await file(lines.join('\n') + '\n'), 'stray.csv', options));
    expect(error.code).toBe('CSV_TOO_MANY_BAD_ROWS');
    expect(error.file).toBe('stray.csv');
    expect(error.line).toBe(152);
    expect(error.message).toContain('stray.csv');
    expect(error.message).toContain('50 of 200');
    expect(error.message).toContain('line 152');
    expect(error.hint).toContain('--delimiter');
  });

  it('lets a stray quote on the last line of a long file cost only that line', async () => {
    const lines = ['call_id,outcome'];
    for (let i = 0; i < 150; i++) lines.push(`${i},ok`);
    lines.push('last,"Naročilo');
    const result = await readCallLog(await file(lines.join('\r\n') + '\r\n'), 'tail.csv', options);
    expect(result.events).toHaveLength(150);
    expect(result.rows).toBe(151);
    expect(result.problems).toEqual([expect.objectContaining({ line: 152, code: 'UNCLOSED_QUOTE' })]);
  });

  it('refuses a UTF-8 BOM file whose bytes are not UTF-8', async () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...cp1250('call_id;outcome\n1;Naročilo\n')]);
    const error = await rejectionOf(readCallLog(await file(bytes), 'mixed.csv', options));
    expect(error.code).toBe('CSV_BAD_ENCODING');
    expect(error.file).toBe('mixed.csv');
  });

  it('names the missing column and the columns it found', async () => {
    const path = await file('ID klica;Izid\n1;x\n');
    const error = await rejectionOf(readCallLog(path, 'crm.csv', options));
    expect(error.code).toBe('CSV_MISSING_COLUMN');
    expect(error.message).toContain('"call_id"');
    expect(error.message).toContain('"ID klica", "Izid"');
    expect(error.hint).toContain('--id-column');
  });

  it('returns no events for a header-only file', async () => {
    const result = await readCallLog(await file('call_id,outcome\r\n'), 'h.csv', options);
    expect(result.rows).toBe(0);
    expect(result.events).toEqual([]);
    expect(result.firstAt).toBeNull();
    expect(result.lastAt).toBeNull();
  });

  it('reports empty, BOM-only, missing and directory paths with codes', async () => {
    const empty = await rejectionOf(readCallLog(await file(''), 'empty.csv', options));
    expect([empty.code, empty.file]).toEqual(['CSV_EMPTY_FILE', 'empty.csv']);
    const bomOnly = await rejectionOf(
      readCallLog(await file(Uint8Array.from([0xef, 0xbb, 0xbf])), 'bom.csv', options),
    );
    expect(bomOnly.code).toBe('CSV_EMPTY_FILE');
    const missing = await rejectionOf(readCallLog(join(dir, 'nope.csv'), 'nope.csv', options));
    expect([missing.code, missing.file]).toEqual(['CSV_UNREADABLE', 'nope.csv']);
    expect(missing.message).toContain('does not exist');
    const sub = join(dir, 'a-directory');
    await mkdir(sub);
    expect((await rejectionOf(readCallLog(sub, 'a-directory', options))).code).toBe('CSV_UNREADABLE');
  });

  it('refuses an unknown time zone', async () => {
    const path = await file('call_id,outcome\n1,x\n');
    const error = await rejectionOf(readCallLog(path, 'tz.csv', { ...options, timezone: 'Europe/Atlantis' }));
    expect(error.code).toBe('INVALID_TIMEZONE');
  });
});
