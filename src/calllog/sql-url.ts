import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { CallauditError } from '../errors.js';

type SqlDialect = 'mysql' | 'postgres';

/** A database call-log source as given: `mysql://user@host:3306/db`, `postgres://user@host/db`. */
export interface SqlTarget {
  dialect: SqlDialect;
  host: string;
  port: number | undefined;
  user: string;
  database: string;
  /** A Unix socket folder (PostgreSQL) or file (MariaDB), from `?socket=`. */
  socket: string | undefined;
  /** The URL without secrets: what reports, errors and logs show. */
  display: string;
}

const SCHEMES: Record<string, SqlDialect> = {
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
};

/** True for a call-log "file" that is a database URL. */
export function isSqlUrl(text: string): boolean {
  return /^(mysql|mariadb|postgres|postgresql):\/\//i.test(text);
}

/**
 * Parses a database URL. A password in it is refused: URLs end up in shell history, config files
 * and process lists, so the password comes from the environment or a password file instead.
 */
export function parseSqlUrl(text: string): SqlTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badUrl(text.replace(/:[^:@/]*@/, ':***@'), 'it is not a valid URL');
  }
  const dialect = SCHEMES[url.protocol.toLowerCase()];
  if (dialect === undefined)
    throw badUrl(redact(url), 'the scheme is not mysql://, mariadb:// or postgres://');
  if (url.password !== '') {
    throw new CallauditError(
      'SQL_PASSWORD_IN_URL',
      `the database URL ${redact(url)} contains a password`,
      dialect === 'postgres'
        ? 'Remove it from the URL and set PGPASSWORD (or CALLAUDIT_DB_PASSWORD), or put it in ~/.pgpass (PGPASSFILE).'
        : 'Remove it from the URL and set MYSQL_PWD (or CALLAUDIT_DB_PASSWORD), or put it in the [client] section of ~/.my.cnf (CALLAUDIT_MY_CNF).',
    );
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database === '') throw badUrl(redact(url), 'it names no database (…/asteriskcdrdb)');
  const socket = url.searchParams.get('socket') ?? undefined;
  return {
    dialect,
    host: url.hostname === '' ? 'localhost' : decodeURIComponent(url.hostname),
    port: url.port === '' ? undefined : Number(url.port),
    user: decodeURIComponent(url.username) || (dialect === 'postgres' ? 'postgres' : 'root'),
    database,
    socket,
    display: redact(url),
  };
}

function redact(url: URL): string {
  const copy = new URL(url.href);
  copy.password = '';
  return copy.href;
}

function badUrl(display: string, why: string): CallauditError {
  return new CallauditError(
    'SQL_BAD_URL',
    `the database source ${display} cannot be used: ${why}`,
    'Write it as mysql://user@host:3306/asteriskcdrdb or postgres://user@host:5432/asterisk.',
  );
}

/**
 * The password for a connection: CALLAUDIT_DB_PASSWORD, else the client's own variable
 * (MYSQL_PWD, PGPASSWORD), else for MariaDB the [client] section of a .my.cnf-style file.
 * Undefined lets PostgreSQL's driver read ~/.pgpass itself.
 */
export function passwordFor(target: SqlTarget, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CALLAUDIT_DB_PASSWORD !== undefined) return env.CALLAUDIT_DB_PASSWORD;
  if (target.dialect === 'postgres') return env.PGPASSWORD;
  if (env.MYSQL_PWD !== undefined) return env.MYSQL_PWD;
  return myCnfPassword(env.CALLAUDIT_MY_CNF ?? path.join(homedir(), '.my.cnf'));
}

/** `password=` from the [client] (or [mysql]) section of a .my.cnf-style file; undefined when none. */
export function myCnfPassword(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let inClient = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      inClient = ['client', 'mysql', 'mariadb', 'client-mariadb'].includes(section[1]!.trim().toLowerCase());
      continue;
    }
    const setting = /^password\s*=\s*(.*)$/i.exec(line);
    if (inClient && setting) return setting[1]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return undefined;
}
