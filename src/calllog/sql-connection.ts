import mysql from 'mysql2';
import pg from 'pg';
import { CallauditError } from '../errors.js';
import { passwordFor, type SqlTarget } from './sql-url.js';

/** Fails a connection attempt to an unreachable host fast rather than after the OS's minutes. */
const CONNECT_TIMEOUT_MS = 5000;
/** Rows fetched from a PostgreSQL cursor at a time. */
const FETCH_ROWS = 5000;

/** The little the SQL reader needs from a database connection, the same for both servers. */
export interface SqlConnection {
  quote(identifier: string): string;
  /** The placeholder for the n-th parameter. */
  param(n: number): string;
  /** The column names of a query's result. */
  columns(sql: string): Promise<string[]>;
  /** The rows of a query, streamed, each as an array of values. */
  stream(sql: string, params: string[]): AsyncIterable<unknown[]>;
  close(): Promise<void>;
}

export async function openSqlConnection(target: SqlTarget): Promise<SqlConnection> {
  try {
    return target.dialect === 'mysql' ? await openMysql(target) : await openPostgres(target);
  } catch (error) {
    throw connectionError(target, error);
  }
}

async function openMysql(target: SqlTarget): Promise<SqlConnection> {
  const password = passwordFor(target);
  const connection = mysql.createConnection({
    ...(target.socket !== undefined
      ? { socketPath: target.socket }
      : { host: target.host, port: target.port ?? 3306 }),
    user: target.user,
    ...(password !== undefined ? { password } : {}),
    database: target.database,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // Times as the server's text, read in --timezone like a CSV's; big IDs and decimals keep every digit.
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    rowsAsArray: true,
    charset: 'utf8mb4',
  });
  await connection.promise().connect();
  return {
    quote: (identifier) => `\`${identifier.replace(/`/g, '``')}\``,
    param: () => '?',
    columns: async (sql) => {
      const [, fields] = await connection.promise().query(sql);
      return (fields ?? []).map((f) => f.name);
    },
    stream: (sql, params) =>
      connection
        .query({ sql, values: params, rowsAsArray: true })
        .stream({ highWaterMark: 1000 }) as unknown as AsyncIterable<unknown[]>,
    close: async () => {
      await connection
        .promise()
        .end()
        .catch(() => connection.destroy());
    },
  };
}

/** Every value as the server's text: no Date built in the machine's zone, no rounded numbers. */
const RAW_TEXT = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

async function openPostgres(target: SqlTarget): Promise<SqlConnection> {
  const password = passwordFor(target);
  const client = new pg.Client({
    host: target.socket ?? target.host,
    ...(target.port !== undefined ? { port: target.port } : {}),
    user: target.user,
    ...(password !== undefined ? { password } : {}),
    database: target.database,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: RAW_TEXT,
  });
  await client.connect();
  return {
    quote: (identifier) => `"${identifier.replace(/"/g, '""')}"`,
    param: (n) => `$${n}`,
    columns: async (sql) => (await client.query({ text: sql, rowMode: 'array' })).fields.map((f) => f.name),
    stream: (sql, params) => cursorRows(client, sql, params),
    close: async () => {
      await client.end().catch(() => {});
    },
  };
}

/** A read-only cursor fetched in batches, so a million-row table is never held whole. */
async function* cursorRows(client: pg.Client, sql: string, params: string[]): AsyncIterable<unknown[]> {
  await client.query('BEGIN READ ONLY');
  try {
    await client.query({ text: `DECLARE callaudit_rows NO SCROLL CURSOR FOR ${sql}`, values: params });
    for (;;) {
      const batch = await client.query({ text: `FETCH ${FETCH_ROWS} FROM callaudit_rows`, rowMode: 'array' });
      for (const row of batch.rows as unknown[][]) yield row;
      if (batch.rows.length < FETCH_ROWS) break;
    }
  } finally {
    await client.query('ROLLBACK').catch(() => {});
  }
}

function connectionError(target: SqlTarget, error: unknown): CallauditError {
  const code = String((error as { code?: unknown }).code ?? '');
  const where = target.socket ?? `${target.host}${target.port !== undefined ? `:${target.port}` : ''}`;
  if (
    ['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'ENOENT', 'EAI_AGAIN'].includes(code) ||
    /timeout/i.test(String(error))
  ) {
    return new CallauditError(
      'SQL_UNREACHABLE',
      `cannot reach the database server at ${where} for ${target.display} (${code || 'timed out'})`,
      'Check the host and port in the URL, that the server runs, and that a firewall lets this machine in.',
    );
  }
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === '28P01' || code === '28000') {
    return new CallauditError(
      'SQL_AUTH_FAILED',
      `the database server at ${where} refused user "${target.user}" for ${target.display} (authentication failed)`,
      target.dialect === 'postgres'
        ? 'Set the password in PGPASSWORD or CALLAUDIT_DB_PASSWORD, or in ~/.pgpass; never in the URL.'
        : 'Set the password in MYSQL_PWD or CALLAUDIT_DB_PASSWORD, or in the [client] section of ~/.my.cnf; never in the URL.',
    );
  }
  if (code === 'ER_BAD_DB_ERROR' || code === '3D000') {
    return new CallauditError(
      'SQL_UNKNOWN_DATABASE',
      `the database server at ${where} has no database "${target.database}"`,
      'Check the database name at the end of the URL (FreePBX: asteriskcdrdb).',
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CallauditError(
    'SQL_CONNECT_FAILED',
    `cannot connect to ${target.display}: ${message}`,
    'Check the URL, the user and the password source (see the README, "Call-log sources").',
  );
}
