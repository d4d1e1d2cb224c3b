import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import mysql from 'mysql2/promise';

/**
 * Real MariaDB and PostgreSQL servers for the database tests, each on a temporary data folder
 * and a free loopback port, started here and stopped after. Without the server programs the
 * tests are skipped with the reason, except in CI (CI=true), where missing servers fail them.
 */

const DB_USER = 'callaudit';
/** A password that must never show up in a report, an error or a log. */
export const DB_PASSWORD = 'S3cret-pw-never-shown';
const DB_NAME = 'asteriskcdrdb';

const MARIADB_DIRS = ['/usr/sbin', '/usr/bin', '/usr/local/bin'];

function findProgram(names: string[], dirs: string[]): string | null {
  for (const dir of dirs)
    for (const name of names) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  return null;
}

function postgresBin(): string | null {
  const fromPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (fromPath) return path.dirname(fromPath);
  for (const version of ['17', '16', '15', '14', '13']) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

/** Why the database tests cannot run here, or null when they can. */
export function missingServers(): string | null {
  const missing: string[] = [];
  if (findProgram(['mariadbd', 'mysqld'], MARIADB_DIRS) === null) missing.push('mariadb-server (mariadbd)');
  if (postgresBin() === null) missing.push('postgresql (pg_ctl, initdb)');
  return missing.length === 0 ? null : `database servers not installed: ${missing.join(', ')}`;
}

/** True when the tests must run: CI says so, so a missing server is a failure, not a skip. */
export const DB_TESTS_REQUIRED = Boolean(process.env.CI);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not start within ${ms / 1000} s`);
}

export interface RunningServer {
  url: string;
  port: number;
  /** Runs SQL as the administrator (schema and data set-up). */
  admin(sql: string, values?: unknown[]): Promise<void>;
  stop(): Promise<void>;
}

const isRoot = process.getuid?.() === 0;

export async function startMariadb(): Promise<RunningServer> {
  const mariadbd = findProgram(['mariadbd', 'mysqld'], MARIADB_DIRS)!;
  const installDb = findProgram(
    ['mariadb-install-db', 'mysql_install_db'],
    ['/usr/bin', '/usr/local/bin', '/usr/sbin'],
  )!;
  const dir = mkdtempSync(path.join(tmpdir(), 'callaudit-mariadb-'));
  const socket = path.join(dir, 'mysqld.sock');
  const port = await freePort();
  const user = isRoot ? ['--user=root'] : [];
  const init = spawnSync(
    installDb,
    [
      '--no-defaults',
      `--datadir=${dir}/data`,
      '--auth-root-authentication-method=socket',
      '--skip-test-db',
      ...user,
    ],
    { encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`mariadb-install-db failed: ${init.stderr}`);
  const child: ChildProcess = spawn(
    mariadbd,
    [
      '--no-defaults',
      `--datadir=${dir}/data`,
      `--socket=${socket}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--pid-file=${dir}/mysqld.pid`,
      '--skip-log-bin',
      '--innodb-buffer-pool-size=32M',
      ...user,
    ],
    { stdio: 'ignore' },
  );
  const rootConnection = () =>
    mysql.createConnection({ socketPath: socket, user: isRoot ? 'root' : (process.env.USER ?? 'root') });
  await waitFor(async () => {
    const c = await rootConnection();
    await c.end();
    return true;
  }, 'MariaDB');
  const admin = async (sql: string, values?: unknown[]) => {
    const c = await rootConnection();
    try {
      await c.query(sql, values);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${DB_NAME} CHARACTER SET utf8mb4`);
  await admin(`CREATE USER '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${DB_PASSWORD}'`);
  await admin(`GRANT ALL ON ${DB_NAME}.* TO '${DB_USER}'@'127.0.0.1'`);
  return {
    url: `mysql://${DB_USER}@127.0.0.1:${port}/${DB_NAME}`,
    port,
    admin: async (sql, values) => {
      const c = await rootConnection();
      try {
        await c.changeUser({ database: DB_NAME });
        await c.query(sql, values);
      } finally {
        await c.end();
      }
    },
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startPostgres(): Promise<RunningServer> {
  const bin = postgresBin()!;
  const dir = mkdtempSync(path.join(tmpdir(), 'callaudit-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  const pwfile = path.join(dir, 'pw');
  writeFileSync(pwfile, `${DB_PASSWORD}\n`);
  // PostgreSQL refuses to run as root: as root, run it as the postgres user of the Debian package.
  if (isRoot) {
    chmodSync(dir, 0o755);
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(ids.stdout), Number(gid.stdout));
    chownSync(pwfile, Number(ids.stdout), Number(gid.stdout));
  }
  const as = (program: string, args: string[]) =>
    isRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args], { encoding: 'utf8' })
      : spawnSync(path.join(bin, program), args, { encoding: 'utf8' });
  const init = as('initdb', [
    '-D',
    data,
    '-U',
    DB_USER,
    '--auth=scram-sha-256',
    `--pwfile=${pwfile}`,
    '-E',
    'UTF8',
    '--no-locale',
  ]);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const start = as('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}`);
  const pg = (await import('pg')).default;
  const connect = async (database: string) => {
    const client = new pg.Client({ host: '127.0.0.1', port, user: DB_USER, password: DB_PASSWORD, database });
    await client.connect();
    return client;
  };
  const first = await connect('postgres');
  await first.query(`CREATE DATABASE ${DB_NAME}`);
  await first.end();
  return {
    url: `postgres://${DB_USER}@127.0.0.1:${port}/${DB_NAME}`,
    port,
    admin: async (sql, values) => {
      const client = await connect(DB_NAME);
      try {
        await client.query(sql, values as unknown[]);
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates table `cdr` from a FreePBX cdr.csv (calldate as a time without zone, as FreePBX has it). */
export async function loadCdrTable(
  servers: { mariadb: RunningServer; postgres: RunningServer },
  csvFile: string,
) {
  const rows = parse(readFileSync(csvFile), { columns: true }) as Array<Record<string, string>>;
  const columns = Object.keys(rows[0]!);
  const types = (time: string, text: string) =>
    columns
      .map((c) => `${c} ${c === 'calldate' ? time : c === 'duration' || c === 'billsec' ? 'INTEGER' : text}`)
      .join(', ');
  await servers.mariadb.admin(`CREATE TABLE cdr (${types('DATETIME', 'VARCHAR(255)')})`);
  await servers.postgres.admin(`CREATE TABLE cdr (${types('TIMESTAMP', 'VARCHAR(255)')})`);
  for (const row of rows) {
    const values = columns.map((c) => row[c]);
    const list = columns.join(', ');
    await servers.mariadb.admin(
      `INSERT INTO cdr (${list}) VALUES (${columns.map(() => '?').join(', ')})`,
      values,
    );
    await servers.postgres.admin(
      `INSERT INTO cdr (${list}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      values,
    );
  }
}
