import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placeRecordings } from '../support/demo-audit.js';
import { REPO, runCli } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-labels-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A CRM export as call centres write it: compound labels, codes, a phone number in free text. */
const CALLS = [
  'call_id;outcome',
  'C-1;Reklamacija, klic prekinjen',
  'C-2;Ni nakupa',
  'C-3;NI NAKUPA',
  'C-4;Ni nakupa',
  'C-5;Vprašanje o reklamaciji',
  'C-6;03 - Reklamacija',
  'C-7;Klic prekinjen',
  'C-8;Stranka ni naročila',
  'C-9;Info - poklicati na 041 555 123',
  '',
].join('\n');
const callsFile = path.join(tmp, 'calls.csv');
writeFileSync(callsFile, CALLS);

function labels(...args: string[]) {
  return runCli(['labels', '--crm', callsFile, ...args], tmp);
}

describe('callaudit labels', () => {
  it('lists each distinct label with its count, category and the parts that decided, most frequent first', () => {
    const run = labels('--format', 'json');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.rows).toBe(9);
    expect(out.labels.map((l: { label: string; count: number }) => [l.label, l.count])).toEqual([
      ['Ni nakupa', 2],
      ['03 - Reklamacija', 1],
      ['Info - poklicati na 041 555 123', 1],
      ['Klic prekinjen', 1],
      ['NI NAKUPA', 1],
      ['Reklamacija, klic prekinjen', 1],
      ['Stranka ni naročila', 1],
      ['Vprašanje o reklamaciji', 1],
    ]);
    const compound = out.labels.find((l: { label: string }) => l.label === 'Reklamacija, klic prekinjen');
    expect(compound).toMatchObject({
      category: 'complaint',
      qualifies: 'yes',
      confirmed: false,
      mapped: false,
    });
    expect(compound.parts.map((p: { text: string; category: string }) => [p.text, p.category])).toEqual([
      ['reklamacija', 'complaint'],
      ['klic prekinjen', 'technical_interruption'],
    ]);
    const negated = out.labels.find((l: { label: string }) => l.label === 'Stranka ni naročila');
    expect(negated.parts[0]).toMatchObject({
      negations: ['ni'],
      matches: [{ phrase: 'ni narocil', category: 'no_sale' }],
    });
    const topic = out.labels.find((l: { label: string }) => l.label === 'Vprašanje o reklamaciji');
    expect(topic).toMatchObject({ category: 'complaint', qualifies: 'review', matchedBy: 'topic' });
  });

  it('prints text by default, naming the vocabulary entries and negations', () => {
    const run = labels();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^8 distinct outcome label\(s\) in 9 call-log row\(s\):/);
    expect(run.stdout).toMatch(/2 {2}"Ni nakupa" → no_sale \(qualifies: no; not in the outcome map\)/);
    expect(run.stdout).toContain(
      'part "stranka ni narocila" → no_sale [vocabulary] ← ni narocil (no_sale); negations: ni',
    );
    expect(run.stdout).toContain('topic marker: vprasanj o');
  });

  it('prints CSV with formula triggers neutralised', () => {
    const file = path.join(tmp, 'formula.csv');
    writeFileSync(file, 'call_id,outcome\nC-1,=HYPERLINK("x")\n');
    const run = runCli(['labels', '--crm', file, '--format', 'csv'], tmp);
    expect(run.status).toBe(0);
    const [header, row] = run.stdout.trim().split('\n');
    expect(header).toBe('label,count,category,qualifies,matched_by,term,confirmed,parts');
    expect(row).toMatch(/^"'=HYPERLINK\(""x""\)",1,unknown,review,none,,no,/);
  });

  it('writes a draft outcome map the audit reads back, and refuses to overwrite it without --force', () => {
    const draft = path.join(tmp, 'draft.csv');
    const first = labels('--write-map', draft);
    expect(first.status).toBe(0);
    const text = readFileSync(draft, 'utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('label,category,count,confirmed,note');
    expect(lines[1]).toMatch(/^Ni nakupa,no_sale,2,no,/);
    // A topic-only label goes into the draft as unknown: loaded unchanged it stays a review.
    expect(text).toMatch(/\nVprašanje o reklamaciji,unknown,1,no,only the topic of the call: complaint/);

    const again = labels('--write-map', draft);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/draft\.csv.*already exists/);
    expect(readFileSync(draft, 'utf8')).toBe(text);
    expect(labels('--write-map', draft, '--force').status).toBe(0);

    // The draft as an outcome map: every label mapped, none confirmed yet.
    const withMap = labels('--outcome-map', draft, '--format', 'json');
    expect(withMap.status).toBe(0);
    const read = JSON.parse(withMap.stdout).labels;
    expect(read.every((l: { mapped: boolean; confirmed: boolean }) => l.mapped && !l.confirmed)).toBe(true);
    expect(read.find((l: { label: string }) => l.label === 'Vprašanje o reklamaciji')).toMatchObject({
      category: 'unknown',
      qualifies: 'review',
    });
  });

  it('never writes the draft map over a file it reads or its config names, --force or not', () => {
    const dir = path.join(tmp, 'inputs');
    mkdirSync(path.join(dir, 'logs'), { recursive: true });
    const log = path.join(dir, 'logs', 'calls.csv');
    copyFileSync(callsFile, log);
    const alias = path.join(dir, 'alias.csv');
    linkSync(log, alias);
    const map = path.join(dir, 'map.csv');
    writeFileSync(map, 'label,category,confirmed\nNi nakupa,no_sale,yes\n');
    const holds = path.join(dir, 'holds.csv');
    writeFileSync(holds, 'type,scope,value,reference,reason,until\n');
    const policy = path.join(dir, 'pack.json');
    writeFileSync(policy, JSON.stringify({ extends: 'si-default', id: 'local' }));
    const config = path.join(dir, 'callaudit.config.json');
    writeFileSync(config, JSON.stringify({ crm: 'logs/calls.csv', holds: 'holds.csv' }));
    const before = new Map(
      [log, map, holds, policy, config].map((file) => [file, readFileSync(file, 'utf8')]),
    );
    const attempts: Array<[string, string[]]> = [
      ['the call log, by its own path', ['--crm', log, '--write-map', log]],
      [
        'the call log, by another name for it',
        ['--crm', log, '--write-map', path.join(dir, 'logs', '..', 'logs', 'calls.csv')],
      ],
      ['the call log, through a glob', ['--crm', path.join(dir, 'logs', '*.csv'), '--write-map', log]],
      ['a hard link to the call log', ['--crm', log, '--write-map', alias]],
      ['the outcome map', ['--crm', log, '--outcome-map', map, '--write-map', map]],
      ['the policy pack', ['--crm', log, '--policy', policy, '--write-map', policy]],
      ['the config file', ['-c', config, '--write-map', config]],
      ['the holds file the config names', ['-c', config, '--write-map', holds]],
    ];
    for (const [what, args] of attempts) {
      const run = runCli(['labels', ...args, '--force'], dir);
      expect([what, run.status]).toEqual([what, 2]);
      expect(run.stderr).toMatch(/the draft outcome map would be written over .*, which this command reads/);
      expect(run.stdout).toBe('');
    }
    for (const [file, text] of before) expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('shows which labels a signed map confirms', () => {
    const signed = path.join(tmp, 'signed.csv');
    writeFileSync(signed, 'label,category,confirmed\nNi nakupa,no_sale,yes\nKlic prekinjen,no_sale,no\n');
    const out = JSON.parse(labels('--outcome-map', signed, '--format', 'json').stdout);
    const of = (label: string) => out.labels.find((l: { label: string }) => l.label === label);
    expect(of('Ni nakupa')).toMatchObject({ mapped: true, confirmed: true });
    expect(of('NI NAKUPA')).toMatchObject({ mapped: true, confirmed: true });
    expect(of('Klic prekinjen')).toMatchObject({ mapped: true, confirmed: false, category: 'no_sale' });
  });

  it('reads the call log with the audit’s flags: another outcome column, Windows-1250', () => {
    const file = path.join(tmp, 'cp1250.csv');
    writeFileSync(
      file,
      Buffer.from('id;izid\nC-1;Pritožba\n'.replace('ž', '\u0000'), 'latin1').map((b) =>
        b === 0 ? 0x9e : b,
      ),
    );
    const run = runCli(
      [
        'labels',
        '--crm',
        file,
        '--id-column',
        'id',
        '--outcome-column',
        'izid',
        '--encoding',
        'windows-1250',
        '--format',
        'json',
      ],
      tmp,
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).labels).toEqual([
      expect.objectContaining({ label: 'Pritožba', category: 'complaint' }),
    ]);
  });

  it('reads Excel and JSON call logs as the audit does, with --sheet, --header-row and --records', () => {
    const labelsOf = (run: { status: number | null; stdout: string }) => {
      expect(run.status).toBe(0);
      return JSON.parse(run.stdout)
        .labels.map((l: { label: string }) => l.label)
        .sort();
    };
    const xlsx = path.join(REPO, 'fixtures/json-sources/crm-report.xlsx');
    const columns = ['--id-column', 'ID klica', '--outcome-column', 'Izid', '--format', 'json'];
    const fromXlsx = runCli(['labels', '--crm', xlsx, '--sheet', '1', '--header-row', '2', ...columns], tmp);
    expect(labelsOf(fromXlsx)).toEqual(['Informacije', 'Naročilo']);
    const json = path.join(tmp, 'export.json');
    writeFileSync(json, JSON.stringify({ data: { calls: [{ call_id: 'C-1', outcome: 'Reklamacija' }] } }));
    const fromJson = runCli(['labels', '--crm', json, '--records', 'data.calls', '--format', 'json'], tmp);
    expect(labelsOf(fromJson)).toEqual(['Reklamacija']);
  });

  it('names the missing column with exit 2, and asks for --crm when none is given', () => {
    const wrong = labels('--outcome-column', 'Rezultat');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/calls\.csv.*Rezultat/);
    const none = runCli(['labels'], tmp);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('--crm');
  });
});

describe('the labels table of the audit reports', () => {
  it('lists the joined labels in summary.md and report.html, masked and escaped', () => {
    const archive = path.join(tmp, 'archive');
    mkdirSync(archive, { recursive: true });
    placeRecordings(archive, { 'C-1.wav': '2026-10-03T08:00:00Z', 'C-9.wav': '2026-10-03T08:00:00Z' });
    const log = path.join(tmp, 'report-calls.csv');
    writeFileSync(log, 'call_id,outcome\nC-1,Reklamacija <b>\nC-9,Info - poklicati na 041 555 123\n');
    const out = path.join(tmp, 'out');
    const run = runCli(
      [
        'audit',
        archive,
        '--crm',
        log,
        '--out',
        out,
        '--format',
        'json,md,html',
        '--now',
        '2026-11-28',
        '--no-cache',
        '--lang',
        'en',
      ],
      tmp,
    );
    // The info part of the second label is joined with an unknown one: a review, not a violation.
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.labels).toEqual([
      { label: 'Info - poklicati na 041 555 123', count: 1, category: 'unknown', confirmed: false },
      { label: 'Reklamacija <b>', count: 1, category: 'complaint', confirmed: false },
    ]);
    const md = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(md).toContain('### Outcome labels');
    expect(md).toMatch(/\| Reklamacija &lt;b&gt; \| 1 \| complaint \| no \|/);
    expect(md).not.toContain('041 555 123');
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('<h2>Outcome labels</h2>');
    expect(html).toContain('Reklamacija &lt;b&gt;');
    expect(html).not.toContain('041 555 123');
  });
});

describe('audit --labels confirmed', () => {
  const archive = path.join(tmp, 'confirmed-archive');
  const log = path.join(tmp, 'confirmed-calls.csv');
  const map = path.join(tmp, 'confirmed-map.csv');

  function setUp() {
    mkdirSync(archive, { recursive: true });
    placeRecordings(archive, { 'C-1.wav': null, 'C-2.wav': null });
    writeFileSync(log, 'call_id,outcome\nC-1,Ni nakupa\nC-2,Napačna številka\n');
    writeFileSync(
      map,
      'label,category,confirmed\nNi nakupa,no_sale,yes\nNapačna številka,other_non_qualifying,no\n',
    );
  }

  it('deletes only on a confirmed label; the config key works as the flag does', () => {
    setUp();
    const reasons = (out: string) =>
      Object.fromEntries(
        JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')).recordings.map(
          (r: { callId: string; reason: string }) => [r.callId, r.reason],
        ),
      );
    const base = [
      'audit',
      archive,
      '--crm',
      log,
      '--outcome-map',
      map,
      '--format',
      'json',
      '--now',
      '2026-11-28',
      '--no-cache',
    ];
    const any = path.join(tmp, 'out-any');
    expect(runCli([...base, '--out', any], tmp).status).toBe(1);
    expect(reasons(any)).toEqual({ 'C-1': 'NON_QUALIFYING_ONLY', 'C-2': 'NON_QUALIFYING_ONLY' });

    const confirmed = path.join(tmp, 'out-confirmed');
    expect(runCli([...base, '--out', confirmed, '--labels', 'confirmed'], tmp).status).toBe(1);
    expect(reasons(confirmed)).toEqual({ 'C-1': 'NON_QUALIFYING_ONLY', 'C-2': 'UNCONFIRMED_LABEL' });

    const config = path.join(tmp, 'labels.config.json');
    writeFileSync(config, JSON.stringify({ labels: 'confirmed' }));
    const fromConfig = path.join(tmp, 'out-config');
    expect(runCli([...base, '--out', fromConfig, '-c', config], tmp).status).toBe(1);
    expect(reasons(fromConfig)['C-2']).toBe('UNCONFIRMED_LABEL');

    const bad = runCli([...base, '--out', path.join(tmp, 'out-bad'), '--labels', 'some'], tmp);
    expect(bad.status).toBe(2);
  });

  it('explain shows the parts of a compound label', () => {
    setUp();
    writeFileSync(log, 'call_id,outcome\nC-1,"Reklamacija, klic prekinjen"\n');
    const run = runCli(['explain', 'C-1', archive, '--crm', log, '--now', '2026-11-28', '--lang', 'en'], tmp);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('part "reklamacija" → complaint [vocabulary] ← reklamacij (complaint)');
    expect(run.stdout).toContain('part "klic prekinjen" → technical_interruption');
    expect(run.stdout).toContain('Verdict: compliant / QUALIFYING_EVENT');
  });
});
