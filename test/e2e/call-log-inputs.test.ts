import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placeRecordings } from '../support/demo-audit.js';
import { runCli } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-logs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const archive = path.join(tmp, 'archive');
mkdirSync(archive);
// The recording's time falls back to its mtime; the logs below are of 3 October 2026.
placeRecordings(archive, {
  'C-1.wav': '2026-10-03T08:00:00Z',
  'C-2.wav': '2026-10-03T08:00:00Z',
  'C-3.wav': '2026-10-03T08:00:00Z',
});

/** Windows-1250 bytes for the Slovenian letters; the rest is ASCII. */
function cp1250(text: string): Buffer {
  const map: Record<string, number> = { č: 0xe8, š: 0x9a, ž: 0x9e, Č: 0xc8, Š: 0x8a, Ž: 0x8e };
  return Buffer.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

function audit(name: string, content: Buffer | string, ...extra: string[]) {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  const out = path.join(tmp, `out-${name}`);
  const run = runCli(['audit', archive, '--crm', file, '--out', out, '--now', '2026-11-28', ...extra]);
  const reportFile = path.join(out, 'report.json');
  let report = null;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    // No report is the expected outcome for exit 2.
  }
  return { run, report };
}

describe('call logs as Slovenian offices export them', () => {
  it('reads a Windows-1250, semicolon export and says which encoding it used', () => {
    const { run, report } = audit(
      'cp1250.csv',
      cp1250(
        'call_id;izid;datum\r\nC-1;Naročilo;03.10.2026 09:15\r\nC-2;Splošno vprašanje;3. 10. 2026\r\nC-3;Reklamacija - okvara;2026-10-03 10:00\r\n',
      ),
      '--outcome-column',
      'izid',
      '--time-column',
      'datum',
    );
    expect(run.stderr).toContain('windows-1250');
    expect(report.inputs.callLogs[0]).toMatchObject({ encoding: 'windows-1250', delimiter: ';', rows: 3 });
    const byId = Object.fromEntries(report.recordings.map((r: { callId: string }) => [r.callId, r]));
    expect(byId['C-1'].events[0]).toMatchObject({
      outcome: 'Naročilo',
      category: 'order',
      line: 2,
      at: '2026-10-03T07:15:00.000Z',
    });
    expect(byId['C-2'].verdict).toBe('violation');
    expect(byId['C-3'].verdict).toBe('compliant');
  });

  it('skips a broken row, names its line, and keeps going', () => {
    const rows = ['call_id,outcome'];
    for (let i = 0; i < 150; i++) rows.push(`X-${i},Order`);
    rows.push('C-1,Order,extra');
    rows.push('C-2,Order');
    // Two of the three recordings must join, or the audit stops (--min-join-rate).
    rows.push('C-3,Info');
    const { run, report } = audit('one-bad.csv', `${rows.join('\n')}\n`);
    expect(run.status).toBe(1);
    expect(report.problems).toEqual([
      expect.objectContaining({ line: 152, file: expect.stringContaining('one-bad.csv') }),
    ]);
    expect(report.inputs.callLogs[0].skippedRows).toBe(1);
    const c2 = report.recordings.find((r: { callId: string }) => r.callId === 'C-2');
    expect(c2.verdict).toBe('compliant');
  });

  it('stops with exit 2 when a stray quote swallows the rest of the file', () => {
    const rows = ['call_id,outcome', 'C-1,"Order'];
    for (let i = 0; i < 50; i++) rows.push(`X-${i},Info`);
    const { run } = audit('stray-quote.csv', `${rows.join('\n')}\n`, '--fail-on', 'never');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('stray-quote.csv');
    expect(run.stderr).toMatch(/:2\b/);
  });

  it('applies an outcome map for a company label', () => {
    const map = path.join(tmp, 'map.csv');
    writeFileSync(map, 'label,category\nPrenos pogodbe - potrjen,order\n');
    const { report } = audit(
      'mapped.csv',
      'call_id,outcome\nC-1,Prenos pogodbe - potrjen\nC-2,Order\n',
      '--outcome-map',
      map,
    );
    const c1 = report.recordings.find((r: { callId: string }) => r.callId === 'C-1');
    expect(c1).toMatchObject({
      verdict: 'compliant',
      events: [expect.objectContaining({ matchedBy: 'outcome-map' })],
    });
    expect(report.inputs.outcomeMap).toMatchObject({ entries: 1 });
  });
});
