import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DB_PASSWORD,
  DB_TESTS_REQUIRED,
  loadCdrTable,
  missingServers,
  startMariadb,
  startPostgres,
  type RunningServer,
} from '../support/db-servers.js';
import { DEMO } from '../support/demo-audit.js';
import { BIN, REPO, TEST_CACHE_HOME } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'callaudit-sources-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Period {
  from: string;
  to: string;
}
interface Report {
  recordings: Array<{
    path: string;
    verdict: string;
    reason: string;
    startedAt: string | null;
    events: Array<{ file: string; line: number }>;
  }>;
  inputs: {
    callLogs: Array<{
      file: string;
      format?: string;
      source?: string;
      sha256: string;
      rows: number;
      period?: Period;
    }>;
  };
  engine: { coverage: { spans: Array<Period & { source: string }> } };
}

let runs = 0;
/** Runs the built CLI with the database password in the environment, as a scheduled job would. */
function audit(args: string[]) {
  const out = path.join(tmp, `out-${++runs}`);
  const result = spawnSync(
    process.execPath,
    [BIN, 'audit', ...args, '--now', '2026-11-28T12:00:00Z', '--format', 'json,csv,md', '--out', out],
    {
      cwd: REPO,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        NO_COLOR: '1',
        HOME: process.env.HOME,
        XDG_CACHE_HOME: TEST_CACHE_HOME,
        CALLAUDIT_DB_PASSWORD: DB_PASSWORD,
      },
    },
  );
  const reportFile = path.join(out, 'report.json');
  const report = result.status === 2 ? null : (JSON.parse(readFileSync(reportFile, 'utf8')) as Report);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, report, out };
}

const verdicts = (report: Report | null) =>
  Object.fromEntries(report!.recordings.map((r) => [r.path, [r.verdict, r.reason]]));

describe('the same CRM data as CSV, Excel and NDJSON', () => {
  const csv = path.join(DEMO, 'crm/calls.csv');
  const rows = parse(readFileSync(csv), { columns: true, delimiter: ';', bom: true }) as Array<
    Record<string, string>
  >;
  const xlsx = path.join(tmp, 'klici.xlsx');
  const ndjson = path.join(tmp, 'klici.ndjson');
  const base = [
    path.join(DEMO, 'recordings'),
    '--id-pattern',
    '_(?<id>[A-Z0-9-]+)\\.\\w+$',
    '--time-column',
    'datum',
  ];

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Klici');
    sheet.addRow(['Izvoz klicev iz CRM']);
    sheet.addRow(Object.keys(rows[0]!));
    for (const row of rows) sheet.addRow(Object.values(row));
    await workbook.xlsx.writeFile(xlsx);
    writeFileSync(ndjson, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  });

  it('gives every recording the same verdict and reason, with evidence naming sheet and row or line', () => {
    const fromCsv = audit([...base, '--crm', csv]);
    const fromXlsx = audit([...base, '--crm', xlsx]);
    const fromNdjson = audit([...base, '--crm', ndjson]);
    expect(fromCsv.report).not.toBeNull();
    expect(verdicts(fromXlsx.report)).toEqual(verdicts(fromCsv.report));
    expect(verdicts(fromNdjson.report)).toEqual(verdicts(fromCsv.report));
    const files = (report: Report | null) =>
      new Set(report!.recordings.flatMap((r) => r.events.map((e) => e.file)));
    expect([...files(fromXlsx.report)]).toEqual([`${xlsx}#Klici`]);
    expect(fromXlsx.report!.inputs.callLogs[0]).toMatchObject({
      format: 'xlsx',
      source: 'Klici',
      rows: rows.length,
    });
    expect(fromNdjson.report!.inputs.callLogs[0]).toMatchObject({ format: 'ndjson', rows: rows.length });
    // The title row above the header moves every row down by one against the CSV.
    const first = (report: Report | null) => report!.recordings.find((r) => r.events.length > 0)!;
    expect(first(fromXlsx.report).events[0]!.line).toBe(first(fromCsv.report).events[0]!.line + 1);
  }, 60_000);
});

const missing = missingServers();
const skip = missing !== null && !DB_TESTS_REQUIRED;

describe.skipIf(skip)(
  `the FreePBX CDR as CSV, from MariaDB and from PostgreSQL${skip ? ` (skipped: ${missing})` : ''}`,
  () => {
    let mariadb: RunningServer;
    let postgres: RunningServer;
    const fixture = path.join(REPO, 'fixtures/freepbx-si-cp1250');
    const crm = [
      '--crm',
      path.join(fixture, 'crm.csv'),
      '--id-column',
      'ID klica',
      '--outcome-column',
      'Izid',
      '--time-column',
      'Datum',
    ];

    beforeAll(async () => {
      if (missing !== null) throw new Error(`${missing}; CI must install them (see .ci/run)`);
      [mariadb, postgres] = await Promise.all([startMariadb(), startPostgres()]);
      await loadCdrTable({ mariadb, postgres }, path.join(fixture, 'cdr.csv'));
    }, 120_000);
    afterAll(async () => {
      await Promise.all([mariadb?.stop(), postgres?.stop()]);
    }, 60_000);

    it('gives byte-identical findings; the report names the URL and query, never the password', () => {
      const run = (cdr: string) =>
        audit([path.join(fixture, 'monitor'), '--preset', 'freepbx', '--cdr', cdr, ...crm]);
      const fromCsv = run(path.join(fixture, 'cdr.csv'));
      const fromMariadb = run(mariadb.url);
      const fromPostgres = run(postgres.url);
      expect(fromCsv.status).toBe(1);
      for (const other of [fromMariadb, fromPostgres]) {
        expect(other.stderr).not.toContain('Error');
        expect(JSON.stringify(other.report!.recordings)).toBe(JSON.stringify(fromCsv.report!.recordings));
        const cdrInput = other.report!.inputs.callLogs.find((l) => l.format === 'sql')!;
        expect(cdrInput.source).toMatch(/^SELECT .*FROM .cdr. WHERE .calldate. >= .* ORDER BY/);
        expect(cdrInput.rows).toBe(3);
        // Without --log-period the table is read for the recordings' span: an hour before the
        // first call to the event lag (72 h) after the last. That period is information only: the
        // CDR covers its rows' days (the last row is on 4 October, Ljubljana), cut to the period.
        const starts = other.report!.recordings.map((r) => Date.parse(r.startedAt!)).sort((a, b) => a - b);
        const period = {
          from: new Date(starts[0]! - 3_600_000).toISOString(),
          to: new Date(starts[starts.length - 1]! + 72 * 3_600_000).toISOString(),
        };
        expect(cdrInput.period).toEqual(period);
        expect(other.report!.engine.coverage.spans).toContainEqual({
          source: cdrInput.file,
          from: period.from,
          to: '2026-10-04T21:59:59.999Z',
        });
        for (const file of ['report.json', 'findings.csv', 'summary.md'])
          expect(readFileSync(path.join(other.out, file), 'utf8')).not.toContain(DB_PASSWORD);
        expect(other.stdout + other.stderr).not.toContain(DB_PASSWORD);
      }
      expect(fromMariadb.report!.inputs.callLogs.some((l) => l.file === mariadb.url)).toBe(true);
    }, 60_000);

    it('reads the whole table, and says so, when a recording has no start time of its own', () => {
      const monitor = path.join(tmp, 'monitor-undated');
      cpSync(path.join(fixture, 'monitor'), monitor, { recursive: true });
      // A name the FreePBX preset cannot date: only its modification time bounds the call.
      const undated = path.join(monitor, 'restored-call.wav');
      cpSync(
        path.join(fixture, 'monitor/2026/10/04/ondemand-7002-7002-20261004-110000-1759568400.40.wav'),
        undated,
      );
      utimesSync(undated, new Date('2026-10-05T10:00:00Z'), new Date('2026-10-05T10:00:00Z'));
      for (const url of [mariadb.url, postgres.url]) {
        const run = audit([monitor, '--preset', 'freepbx', '--cdr', url, ...crm]);
        expect(run.stderr).toContain('read whole');
        const cdrInput = run.report!.inputs.callLogs.find((l) => l.format === 'sql')!;
        expect(cdrInput.source).not.toContain('WHERE');
        expect(cdrInput.period).toBeUndefined();
        // Its coverage is then its rows' span of times, widened to whole days as for a file.
        const span = run.report!.engine.coverage.spans.find((s) => s.source === url)!;
        expect(span.from).toBe('2026-10-02T22:00:00.000Z');
      }
    }, 60_000);

    it('reads only --log-period when it is given, and records it as the period read', () => {
      const run = audit([
        path.join(fixture, 'monitor'),
        '--preset',
        'freepbx',
        '--cdr',
        postgres.url,
        ...crm,
        '--log-period',
        '2026-10-03..2026-10-03',
      ]);
      const cdrInput = run.report!.inputs.callLogs.find((l) => l.format === 'sql')!;
      expect(cdrInput.rows).toBe(2);
      expect(cdrInput.period?.from.slice(0, 10)).toBe('2026-10-02');
    }, 60_000);

    it('refuses a password in the URL, exit 2, without echoing it', () => {
      const secret = mariadb.url.replace('callaudit@', 'callaudit:Hunter2-x@');
      const run = audit([path.join(fixture, 'monitor'), '--preset', 'freepbx', '--cdr', secret, ...crm]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('contains a password');
      expect(run.stderr).not.toContain('Hunter2');
    });
  },
);
