import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCallLog } from '../../src/calllog/read-call-log.js';
import { readSqlCallLog } from '../../src/calllog/sql-source.js';
import { myCnfPassword, parseSqlUrl, passwordFor } from '../../src/calllog/sql-url.js';
import type { CallLogOptions } from '../../src/calllog/types.js';
import { CallauditError } from '../../src/errors.js';
import {
  DB_PASSWORD,
  DB_TESTS_REQUIRED,
  loadCdrTable,
  missingServers,
  startMariadb,
  startPostgres,
  type RunningServer,
} from '../support/db-servers.js';
import { REPO } from '../support/run-cli.js';
import { sourceOptions } from '../support/call-log-options.js';
import { rejectionOf } from '../support/error-of.js';

const CDR_CSV = path.join(REPO, 'fixtures/freepbx-si-cp1250/cdr.csv');

function freepbxOptions(): CallLogOptions {
  return sourceOptions({ preset: 'freepbx-cdr' });
}

describe('database URLs and passwords (no server needed)', () => {
  it('refuses a password in the URL without repeating it', () => {
    let error: unknown;
    try {
      parseSqlUrl('mysql://asterisk:hunter2-secret@pbx:3306/asteriskcdrdb');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CallauditError);
    const e = error as CallauditError;
    expect(e.code).toBe('SQL_PASSWORD_IN_URL');
    expect(`${e.message} ${e.hint}`).not.toContain('hunter2');
    expect(e.hint).toContain('MYSQL_PWD');
  });

  it('reads user, host, port and database, and shows the URL without secrets', () => {
    expect(parseSqlUrl('postgres://cdr@db.local:5433/asterisk')).toMatchObject({
      dialect: 'postgres',
      host: 'db.local',
      port: 5433,
      user: 'cdr',
      database: 'asterisk',
      display: 'postgres://cdr@db.local:5433/asterisk',
    });
    expect(parseSqlUrl('mariadb://asterisk@pbx/asteriskcdrdb').dialect).toBe('mysql');
  });

  it('takes the password from CALLAUDIT_DB_PASSWORD, the client variable, or a .my.cnf [client] section', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'callaudit-mycnf-'));
    const cnf = path.join(dir, 'my.cnf');
    writeFileSync(cnf, '[mysqld]\npassword=server-side\n[client]\nuser=asterisk\npassword="from-file"\n');
    const mysql = parseSqlUrl('mysql://asterisk@pbx/asteriskcdrdb');
    const postgres = parseSqlUrl('postgres://asterisk@pbx/asterisk');
    expect(passwordFor(mysql, { CALLAUDIT_DB_PASSWORD: 'a', MYSQL_PWD: 'b' })).toBe('a');
    expect(passwordFor(mysql, { MYSQL_PWD: 'b', CALLAUDIT_MY_CNF: cnf })).toBe('b');
    expect(passwordFor(mysql, { CALLAUDIT_MY_CNF: cnf })).toBe('from-file');
    expect(passwordFor(postgres, { PGPASSWORD: 'p' })).toBe('p');
    expect(passwordFor(postgres, {})).toBeUndefined();
    expect(myCnfPassword(path.join(dir, 'absent.cnf'))).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });
});

const missing = missingServers();
const skip = missing !== null && !DB_TESTS_REQUIRED;

describe.skipIf(skip)(`call logs from real database servers${skip ? ` (skipped: ${missing})` : ''}`, () => {
  let mariadb: RunningServer;
  let postgres: RunningServer;
  const savedPassword = process.env.CALLAUDIT_DB_PASSWORD;

  beforeAll(async () => {
    if (missing !== null) throw new Error(`${missing}; CI must install them (see .ci/run)`);
    [mariadb, postgres] = await Promise.all([startMariadb(), startPostgres()]);
    await loadCdrTable({ mariadb, postgres }, CDR_CSV);
    process.env.CALLAUDIT_DB_PASSWORD = DB_PASSWORD;
  }, 120_000);

  afterAll(async () => {
    if (savedPassword === undefined) delete process.env.CALLAUDIT_DB_PASSWORD;
    else process.env.CALLAUDIT_DB_PASSWORD = savedPassword;
    await Promise.all([mariadb?.stop(), postgres?.stop()]);
  }, 60_000);

  it('reads the FreePBX cdr table from MariaDB and PostgreSQL into the events the CSV gives', async () => {
    const fromCsv = await readCallLog(CDR_CSV, 'cdr.csv', freepbxOptions());
    const strip = (events: typeof fromCsv.events) =>
      events
        .map(({ file, line, ...rest }) => (void file, void line, rest))
        .sort((a, b) => a.callId.localeCompare(b.callId));
    for (const server of [mariadb, postgres]) {
      const log = await readSqlCallLog(server.url, freepbxOptions(), { table: 'cdr' });
      expect(log.format).toBe('sql');
      expect(log.rows).toBe(fromCsv.rows);
      expect(strip(log.events)).toEqual(strip(fromCsv.events));
      expect(log.events[0]!.file).toBe(`${server.url}#cdr`);
      expect(log.source).toMatch(/^SELECT .* FROM [`"]cdr[`"] ORDER BY/);
      expect(JSON.stringify(log)).not.toContain(DB_PASSWORD);
    }
  });

  it('restricts a table to the period, compared in the PBX time zone', async () => {
    const period = { from: '2026-10-03T07:20:00.000Z', to: '2026-10-03T23:59:59.999Z' };
    for (const server of [mariadb, postgres]) {
      const log = await readSqlCallLog(server.url, freepbxOptions(), { table: 'cdr', period });
      expect(log.events.every((e) => e.at! >= period.from && e.at! <= period.to)).toBe(true);
      expect(log.events.length).toBeGreaterThan(0);
      expect(log.source).toContain('parameters: 2026-10-03 09:20:00, 2026-10-04 02:00:00');
    }
  });

  it('lists the table columns when a column is missing, as for a CSV header', async () => {
    const options = sourceOptions({ preset: 'freepbx-cdr', outcomeColumn: 'izid' });
    delete options.preset;
    const error = await rejectionOf(readSqlCallLog(mariadb.url, options, { table: 'cdr' }));
    expect(error.code).toBe('CSV_MISSING_COLUMN');
    expect(error.message).toContain('"recordingfile"');
    const unknown = await rejectionOf(
      readSqlCallLog(postgres.url, freepbxOptions(), { table: 'cdr_missing' }),
    );
    expect(unknown.code).toBe('SQL_UNKNOWN_TABLE');
  });

  it('fails clearly and fast on a wrong password or an unreachable server, never showing the password', async () => {
    process.env.CALLAUDIT_DB_PASSWORD = 'wrong-password-x';
    try {
      for (const server of [mariadb, postgres]) {
        const error = await rejectionOf(readSqlCallLog(server.url, freepbxOptions(), { table: 'cdr' }));
        expect(error.code).toBe('SQL_AUTH_FAILED');
        expect(`${error.message} ${error.hint}`).not.toMatch(/wrong-password-x|S3cret/);
      }
    } finally {
      process.env.CALLAUDIT_DB_PASSWORD = DB_PASSWORD;
    }
    const started = Date.now();
    const closed = mariadb.url.replace(`:${mariadb.port}/`, ':1/');
    const error = await rejectionOf(readSqlCallLog(closed, freepbxOptions(), { table: 'cdr' }));
    expect(error.code).toBe('SQL_UNREACHABLE');
    expect(Date.now() - started).toBeLessThan(6000);
  });
});
