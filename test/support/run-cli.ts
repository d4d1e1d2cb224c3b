import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(REPO, 'bin/callaudit.js');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** The default probe caches of test runs: never the developer's own ~/.cache. */
export const TEST_CACHE_HOME = path.join(os.tmpdir(), 'callaudit-test-cache-home');

/**
 * Runs the built CLI the way a user would, with a scrubbed environment and no colour; a run longer
 * than `timeoutMs` is killed (status -1).
 */
export function runCli(
  args: string[],
  cwd = REPO,
  env: Record<string, string> = {},
  timeoutMs?: number,
): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    ...(timeoutMs !== undefined ? { timeout: timeoutMs } : {}),
    env: {
      PATH: process.env.PATH,
      NO_COLOR: '1',
      HOME: process.env.HOME,
      XDG_CACHE_HOME: TEST_CACHE_HOME,
      ...env,
    },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** SHA-256 over every file's relative path, size, mtime and bytes: proves a tree was left alone. */
export function hashTree(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else
        hash
          .update(`${path.relative(root, full)}\0${stat.size}\0${stat.mtimeMs}\0`)
          .update(readFileSync(full));
    }
  };
  walk(root);
  return hash.digest('hex');
}

/**
 * Stderr without the one-line run summary the audit prints when stderr is not a terminal, so a
 * test can assert that nothing else (no warning, no error) was said.
 */
export function stderrBeyondSummary(run: CliRun): string {
  return run.stderr.replace(/^callaudit: \d+ recording\(s\).* read in [\d.]+ s\n/m, '');
}
