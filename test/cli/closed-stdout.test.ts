import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { DEMO, DEMO_AUDIT_FLAGS } from '../support/demo-audit.js';
import { BIN, REPO, TEST_CACHE_HOME } from '../support/run-cli.js';

/** Runs the CLI with a stdout whose reader leaves at once, as `callaudit … | head` does. */
function withReaderGone(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', XDG_CACHE_HOME: TEST_CACHE_HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

it('explain into a pipe whose reader has left ends quietly, without a stack trace', async () => {
  const run = await withReaderGone(['explain', 'C-1003', path.join(DEMO, 'recordings'), ...DEMO_AUDIT_FLAGS]);
  expect(run.stderr).not.toMatch(/EPIPE|\n\s+at /);
  expect(run.status).toBe(0);
});
