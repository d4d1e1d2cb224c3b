import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_WAV } from '../support/demo-audit.js';
import { runCli } from '../support/run-cli.js';

/**
 * Each way a DPO can get the join wrong must end in exit 2, or in a report that sends no
 * recording to deletion that the correct audit keeps. The archive is a FreePBX spool over three
 * months, so every recording's time comes from its file name, not from an mtime.
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-joins-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Call {
  day: string; // yyyy-mm-dd
  uniqueid: string;
  /** The CRM row's outcome; null: the call has no row. */
  outcome: string | null;
}

const CALLS: Call[] = [
  { day: '2026-09-03', uniqueid: '1788426000.11', outcome: 'Naročilo' },
  { day: '2026-09-10', uniqueid: '1789030800.12', outcome: null },
  { day: '2026-09-17', uniqueid: '1789635600.13', outcome: 'Informacije' },
  { day: '2026-09-24', uniqueid: '1790240400.14', outcome: 'Reklamacija – okvara' },
  { day: '2026-10-01', uniqueid: '1790845200.21', outcome: 'Naročilo' },
  { day: '2026-10-08', uniqueid: '1791450000.22', outcome: null },
  { day: '2026-10-15', uniqueid: '1792054800.23', outcome: 'Ni naročila' },
  { day: '2026-10-22', uniqueid: '1792659600.24', outcome: 'Sprememba paketa' },
  { day: '2026-11-05', uniqueid: '1793869200.31', outcome: 'Splošno vprašanje' },
  { day: '2026-11-12', uniqueid: '1794474000.32', outcome: 'Naročilo' },
  { day: '2026-11-19', uniqueid: '1795078800.33', outcome: 'Odpoved naročnine' },
  { day: '2026-11-26', uniqueid: '1795683600.34', outcome: 'Informacije' },
];

const archive = path.join(tmp, 'monitor');
const fileOf = (call: Call) => {
  const [y, m, d] = call.day.split('-');
  return `${y}/${m}/${d}/in-7001-040111222-${y}${m}${d}-091500-${call.uniqueid}.wav`;
};
for (const call of CALLS) {
  const target = path.join(archive, fileOf(call));
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(DEMO_WAV, target);
}

/** A CRM export: `;`, Slovenian labels, a customer column and a free-text note column. */
function crm(calls: readonly Call[], { time = true } = {}): string {
  const header = ['call_id', 'izid', ...(time ? ['datum'] : []), 'stranka', 'opomba'];
  const rows = calls.flatMap((call, i) => {
    if (call.outcome === null) return [];
    const [y, m, d] = call.day.split('-');
    const at = `${d}.${m}.${y} 09:20`;
    return [[call.uniqueid, call.outcome, ...(time ? [at] : []), `K-${1000 + i}`, `klic ${i + 1}`].join(';')];
  });
  // Calls logged without a recording, as every real export has.
  rows.push(
    ['1790000000.99', 'Informacije', ...(time ? ['05.10.2026 10:00'] : []), 'K-0999', 'brez posnetka'].join(
      ';',
    ),
  );
  return `${[header.join(';'), ...rows].join('\r\n')}\r\n`;
}

/** Windows-1250 bytes for the Slovenian letters the labels use; the rest is ASCII. */
function cp1250(text: string): Buffer {
  const map: Record<string, number> = { č: 0xe8, š: 0x9a, ž: 0x9e, Č: 0xc8, Š: 0x8a, Ž: 0x8e, '–': 0x96 };
  return Buffer.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

function writeLog(name: string, content: string | Buffer): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

const FULL = writeLog('crm-full.csv', crm(CALLS));
const OCTOBER = CALLS.filter((c) => c.day.startsWith('2026-10'));

interface Report {
  recordings: Array<{ path: string; verdict: string; reason: string }>;
}

let runs = 0;
function audit(log: string, ...flags: string[]) {
  const out = path.join(tmp, `out-${++runs}`);
  const run = runCli([
    'audit',
    archive,
    '--preset',
    'freepbx',
    '--crm',
    log,
    '--outcome-column',
    'izid',
    '--now',
    '2026-12-15T12:00:00Z',
    '--format',
    'json,manifest',
    '--out',
    out,
    ...flags,
  ]);
  const reportFile = path.join(out, 'report.json');
  const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as Report) : null;
  return { ...run, out, report };
}

const verdictsOf = (report: Report | null) =>
  Object.fromEntries(report!.recordings.map((r) => [r.path, `${r.verdict}/${r.reason}`]));
const violationsOf = (report: Report | null) =>
  report!.recordings.filter((r) => r.verdict === 'violation').map((r) => r.path);

const correct = audit(FULL, '--time-column', 'datum');
const correctViolations = new Set(violationsOf(correct.report));

/** The mistake's report marks for deletion only recordings the correct audit marks too. */
function expectNoViolationTheCorrectAuditKeeps(run: ReturnType<typeof audit>) {
  expect(run.status, run.stderr).not.toBe(2);
  const extra = violationsOf(run.report).filter((p) => !correctViolations.has(p));
  expect(extra).toEqual([]);
}

/** Exit 2, the reason on stderr, and nothing written that `purge` could act on. */
function expectJoinStop(run: ReturnType<typeof audit>) {
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/do not join/);
  expect(existsSync(path.join(run.out, 'report.json'))).toBe(false);
  expect(existsSync(path.join(run.out, 'deletion-manifest.csv'))).toBe(false);
}

describe('the correct audit (the yardstick)', () => {
  it('decides every recording: kept, deleted for a logged non-sale, or deleted for a missing row', () => {
    expect(correct.status, correct.stderr).toBe(1);
    const v = verdictsOf(correct.report);
    expect(v[fileOf(CALLS[0]!)]).toBe('compliant/QUALIFYING_EVENT');
    expect(v[fileOf(CALLS[1]!)]).toBe('violation/NO_CALL_LOG_ENTRY');
    expect(v[fileOf(CALLS[2]!)]).toBe('violation/NON_QUALIFYING_ONLY');
    expect(v[fileOf(CALLS[5]!)]).toBe('violation/NO_CALL_LOG_ENTRY');
    expect(correctViolations.size).toBe(6);
  });
});

describe('join mistakes', () => {
  it('a wrong --id-pattern stops with exit 2, showing both sides’ IDs and shapes', () => {
    const run = audit(FULL, '--time-column', 'datum', '--id-pattern', '-(?<id>\\d{8})-\\d{6}-');
    expectJoinStop(run);
    expect(run.stderr).toMatch(/only 0 of 12 recording\(s\) with a call ID \(0%\) found a call-log row/);
    expect(run.stderr).toContain('"20260903" (99999999)');
    expect(run.stderr).toContain('"1788426000.11" (9999999999.99)');
    expect(run.stderr).toContain('--id-pattern -(?<id>\\d{8})-\\d{6}-');
    expect(run.stderr).toMatch(/column "call_id"/);
    expect(run.stderr).toMatch(/→ Compare the two shapes/);
  });

  it('a wrong --id-column stops with exit 2', () => {
    const run = audit(FULL, '--time-column', 'datum', '--id-column', 'stranka');
    expectJoinStop(run);
    expect(run.stderr).toContain('"K-1000" (A-9999)');
    expect(run.stderr).toMatch(/column "stranka"/);
  });

  it('a shard stops on its own recordings, writing no partial report', () => {
    const run = audit(FULL, '--time-column', 'datum', '--id-column', 'stranka', '--shard', '1/2');
    expectJoinStop(run);
    expect(existsSync(path.join(run.out, 'partial-report.json'))).toBe(false);
    const fine = audit(FULL, '--time-column', 'datum', '--shard', '1/2');
    expect(fine.status, fine.stderr).toBe(0);
    expect(existsSync(path.join(fine.out, 'partial-report.json'))).toBe(true);
  });

  it('--min-join-rate 0 audits anyway; the flag is named in the hint', () => {
    const stopped = audit(FULL, '--id-column', 'stranka');
    expect(stopped.stderr).toMatch(/--min-join-rate 0 to audit anyway/);
    const forced = audit(FULL, '--id-column', 'stranka', '--min-join-rate', '0');
    // Nothing joined and nothing says what the log covers: every recording is a review.
    expect(forced.status).toBe(0);
    expect(new Set(Object.values(verdictsOf(forced.report)))).toEqual(new Set(['review/COVERAGE_UNKNOWN']));
  });

  it('a wrong --outcome-column deletes nothing the correct audit keeps', () => {
    const run = audit(FULL, '--time-column', 'datum', '--outcome-column', 'opomba');
    expectNoViolationTheCorrectAuditKeeps(run);
    // The notes are not outcomes: a human looks at every joined recording.
    expect(verdictsOf(run.report)[fileOf(CALLS[0]!)]).toBe('review/UNKNOWN_OUTCOME');
  });

  it('windows-1250 forced on a UTF-8 export deletes nothing the correct audit keeps', () => {
    const run = audit(FULL, '--time-column', 'datum', '--encoding', 'windows-1250');
    expectNoViolationTheCorrectAuditKeeps(run);
  });

  it('UTF-8 forced on a Windows-1250 export stops with exit 2', () => {
    const log = writeLog('crm-cp1250.csv', cp1250(crm(CALLS)));
    expect(audit(log, '--time-column', 'datum').status).toBe(1); // read right when detected
    // The bytes are not UTF-8: the reader refuses the file rather than guess.
    const run = audit(log, '--time-column', 'datum', '--encoding', 'utf-8');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/crm-cp1250\.csv.*not valid UTF-8/);
    expect(existsSync(path.join(run.out, 'deletion-manifest.csv'))).toBe(false);
  });

  it('a one-month export with a time column judges only that month by absence', () => {
    const run = audit(writeLog('crm-october.csv', crm(OCTOBER)), '--time-column', 'datum');
    expectNoViolationTheCorrectAuditKeeps(run);
    const v = verdictsOf(run.report);
    expect(v[fileOf(CALLS[5]!)]).toBe('violation/NO_CALL_LOG_ENTRY');
    for (const call of CALLS.filter((c) => !c.day.startsWith('2026-10')))
      expect(v[fileOf(call)]).toBe('review/OUTSIDE_LOG_COVERAGE');
  });

  it('a one-month export without a time column stops: most recordings find no row', () => {
    const log = writeLog('crm-october-no-time.csv', crm(OCTOBER, { time: false }));
    expectJoinStop(audit(log));
    // Forced on, nothing is deleted by absence: the log's period is unknown.
    const forced = audit(log, '--min-join-rate', '0');
    expectNoViolationTheCorrectAuditKeeps(forced);
    expect(verdictsOf(forced.report)[fileOf(CALLS[1]!)]).toBe('review/COVERAGE_UNKNOWN');
    expect(forced.stdout).toMatch(/give --time-column <column> .* or --log-period/);
  });

  it('a one-month export without a time column, declared with --log-period, is judged like one with it', () => {
    const log = writeLog('crm-october-declared.csv', crm(OCTOBER, { time: false }));
    const run = audit(log, '--log-period', '2026-10-01..2026-10-31');
    expectNoViolationTheCorrectAuditKeeps(run);
    const v = verdictsOf(run.report);
    expect(v[fileOf(CALLS[5]!)]).toBe('violation/NO_CALL_LOG_ENTRY');
    expect(v[fileOf(CALLS[1]!)]).toBe('review/OUTSIDE_LOG_COVERAGE');
  });
});
