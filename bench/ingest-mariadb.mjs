// A call log of N rows (default 1,000,000) read from MariaDB on the loopback through the audit's
// own reader (dist/). Starts its own server on a temporary data folder and stops it afterwards.
// Prints {rows, events, seconds, maxRssMb}; the load is not timed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';

const rows = Number(process.argv[2] ?? 1_000_000);
const mariadbd = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((p) => existsSync(p));
if (!mariadbd) {
  console.error('mariadb-server is not installed');
  process.exit(3);
}
const dir = mkdtempSync(join(tmpdir(), 'callaudit-bench-mariadb-'));
const socket = join(dir, 'mysqld.sock');
const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
spawnSync('mariadb-install-db', ['--no-defaults', `--datadir=${dir}/data`, '--skip-test-db', ...asRoot], {
  stdio: 'ignore',
});
const child = spawn(
  mariadbd,
  [
    '--no-defaults',
    `--datadir=${dir}/data`,
    `--socket=${socket}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    '--skip-log-bin',
    ...asRoot,
  ],
  { stdio: 'ignore' },
);
try {
  let admin;
  for (let i = 0; i < 150 && !admin; i++) {
    admin = await mysql
      .createConnection({ socketPath: socket, user: 'root', charset: 'utf8mb4' })
      .catch(() => undefined);
    if (!admin) await sleep(200);
  }
  await admin.query('CREATE DATABASE bench CHARACTER SET utf8mb4');
  await admin.query('USE bench');
  await admin.query("CREATE USER 'bench'@'127.0.0.1' IDENTIFIED BY 'bench-pw'");
  await admin.query("GRANT ALL ON bench.* TO 'bench'@'127.0.0.1'");
  await admin.query(
    'CREATE TABLE bench.crm (call_id VARCHAR(32), calldate DATETIME, outcome VARCHAR(40), agent VARCHAR(40), note VARCHAR(80))',
  );
  // The Sequence engine makes the rows inside the server: no client round trips.
  await admin.query(
    `INSERT INTO bench.crm SELECT CONCAT('1759473900.', seq), '2026-10-03 09:15:00' + INTERVAL (seq MOD 2592000) SECOND,
     ELT(1 + seq MOD 5, 'Naročilo', 'Reklamacija', 'Informacije', 'Odpoved', 'Sprememba naročila'),
     CONCAT('Agent ', seq MOD 50), CONCAT('note ', seq) FROM seq_1_to_${rows}`,
  );
  await admin.end();
  const result = spawnSync(
    process.execPath,
    [join(import.meta.dirname, 'ingest-sources.mjs'), 'read', `mysql://bench@127.0.0.1:${port}/bench`],
    { encoding: 'utf8', env: { ...process.env, CALLAUDIT_DB_PASSWORD: 'bench-pw' } },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  process.stdout.write(result.stdout);
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
