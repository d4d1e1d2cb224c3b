import { DateTime } from 'luxon';
import { CallauditError, isCallauditError } from '../errors.js';
import { findColumn, pickColumn } from './columns.js';
import { RecordFeed } from './record-feed.js';
import { openSqlConnection, type SqlConnection } from './sql-connection.js';
import { parseSqlUrl, type SqlTarget } from './sql-url.js';
import type { CallLogOptions, CallLogResult } from './types.js';

/** What to read from a database: a table (a preset's, or named), or a query of one's own. */
export interface SqlChoice {
  table?: string;
  query?: string;
  /** The audit's period, ISO UTC, both ends included: only a table's rows inside it are read. */
  period?: { from: string; to: string };
}

/**
 * Reads a call log from MariaDB/MySQL or PostgreSQL. Rows are streamed in a fixed order (by every
 * column read), so the row numbers events cite are the same on every run; the report names the
 * URL without secrets and the query, and has no file hash.
 */
export async function readSqlCallLog(
  url: string,
  options: CallLogOptions,
  choice: SqlChoice,
): Promise<CallLogResult> {
  const target = parseSqlUrl(url);
  if (choice.table === undefined && choice.query === undefined) {
    throw new CallauditError(
      'SQL_NO_TABLE',
      `the database source ${target.display} names no table or query`,
      'Use --cdr-preset freepbx-cdr (table cdr), or in the config file give "table" or "query" for this source.',
    );
  }
  const connection = await openSqlConnection(target);
  try {
    const location = `${target.display}#${choice.table ?? 'query'}`;
    const feed = new RecordFeed(location, withHeader(options));
    const { sql, params, period } = await planQuery(connection, options, choice, feed);
    let line = 0;
    for await (const row of connection.stream(sql, params)) {
      feed.row(cellsOf(row, feed.wantedColumns!), ++line);
    }
    const result = feed.result(target.display, '', 'sql', withParams(sql, params));
    return period === undefined ? result : { ...result, period };
  } catch (error) {
    throw isCallauditError(error) ? error : sqlError(target, choice, error);
  } finally {
    await connection.close();
  }
}

/**
 * Feeds the header (the table's or the query's columns) and returns the query that reads the
 * wanted columns, restricted to the period when the table has the time column.
 */
async function planQuery(
  connection: SqlConnection,
  options: CallLogOptions,
  choice: SqlChoice,
  feed: RecordFeed,
): Promise<{ sql: string; params: string[]; period?: SqlChoice['period'] }> {
  const q = (name: string) => connection.quote(name);
  const from =
    choice.query !== undefined ? `(${choice.query}) AS callaudit_source` : tableName(choice.table!, q);
  const headers = await connection.columns(`SELECT * FROM ${from} WHERE 1 = 0`);
  feed.row(headers, 0);
  const wanted = feed.wantedColumns!;
  const picked = headers.filter((_, i) => wanted[i]);
  const order = picked.map((_, i) => String(i + 1)).join(', ');
  const { time, timeAlternatives } = options.columns;
  const timeColumn = pickColumn(headers, time, timeAlternatives);
  const timeIndex = timeColumn === null ? -1 : findColumn(headers, timeColumn);
  let where = '';
  const params: string[] = [];
  if (choice.period !== undefined && timeIndex >= 0 && choice.query === undefined) {
    // The column holds the PBX's wall clock: compare in the source's time zone.
    where = ` WHERE ${q(headers[timeIndex]!)} >= ${connection.param(1)} AND ${q(headers[timeIndex]!)} < ${connection.param(2)}`;
    params.push(
      wallClock(choice.period.from, options.timezone),
      wallClock(endExclusive(choice.period.to), options.timezone),
    );
  }
  const sql = `SELECT ${picked.map(q).join(', ')} FROM ${from}${where} ORDER BY ${order}`;
  return where === '' ? { sql, params } : { sql, params, period: choice.period };
}

/** A table always names its columns: a preset's layout for header-less files does not apply. */
function withHeader(options: CallLogOptions): CallLogOptions {
  if (options.preset?.headerless === undefined) return options;
  const { headerless, ...preset } = options.preset;
  void headerless;
  return { ...options, preset };
}

function tableName(table: string, quote: (name: string) => string): string {
  return table
    .split('.')
    .map((part) => quote(part))
    .join('.');
}

function wallClock(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** The period's end is included to the millisecond; the query asks for times before the next one. */
function endExclusive(iso: string): string {
  return new Date(Date.parse(iso) + 1).toISOString();
}

function cellsOf(row: readonly unknown[], wanted: readonly boolean[]): string[] {
  const cells: string[] = new Array<string>(wanted.length).fill('');
  let next = 0;
  for (let i = 0; i < wanted.length; i++) if (wanted[i]) cells[i] = textOf(row[next++]);
  return cells;
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return timestampText(value);
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return String(value);
}

/** PostgreSQL writes `timestamptz` offsets as `+02`; ISO readers want `+02:00`. */
function timestampText(value: string): string {
  return /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?[+-]\d\d$/.test(value) ? `${value}:00` : value;
}

function withParams(sql: string, params: string[]): string {
  return params.length === 0 ? sql : `${sql} -- parameters: ${params.join(', ')}`;
}

function sqlError(target: SqlTarget, choice: SqlChoice, error: unknown): CallauditError {
  const code = String((error as { code?: unknown }).code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  const what = choice.table !== undefined ? `table ${choice.table}` : 'the query';
  if (code === 'ER_NO_SUCH_TABLE' || code === '42P01') {
    return new CallauditError(
      'SQL_UNKNOWN_TABLE',
      `the database ${target.display} has no ${what}`,
      'Name the table with "table" in the config file (FreePBX: asteriskcdrdb.cdr), and check the database in the URL.',
    );
  }
  return new CallauditError(
    'SQL_QUERY_FAILED',
    `reading ${what} from ${target.display} failed: ${message}`,
    'Check the table, the query and that the user may SELECT from it.',
  );
}
