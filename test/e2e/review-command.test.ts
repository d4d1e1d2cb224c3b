import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, runCli, TEST_CACHE_HOME } from '../support/run-cli.js';
import { DEMO_AUDIT } from '../support/demo-audit.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-review-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const report = path.join(tmp, 'audit', 'report.json');
beforeAll(() => {
  expect(runCli(['audit', ...DEMO_AUDIT, '--out', path.join(tmp, 'audit')]).status).toBe(0);
});

const rows = (file: string) =>
  parse(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;

describe('callaudit review: the to-do decisions file', () => {
  it('lists every open review once, sorted by reason and label, masked, and refuses to overwrite', () => {
    const out = path.join(tmp, 'todo.csv');
    const run = runCli(['review', '--report', report, '--out', out]);
    expect(run.status).toBe(0);
    const todo = rows(out);
    const audited = JSON.parse(readFileSync(report, 'utf8'));
    expect(todo).toHaveLength(audited.summary.review);
    const keys = todo.map((r) => `${r.finding_reason} ${r.labels}`);
    expect(keys).toEqual([...keys].sort());
    expect(todo.every((r) => r.decision === '' && r.reviewer === '')).toBe(true);
    expect(readFileSync(out, 'utf8')).not.toMatch(/38641888999/);
    const c1011 = todo.find((r) => r.call_id === 'C-1011')!;
    expect([c1011.path, c1011.labels]).toEqual(['', 'Povratni klic']);
    const again = runCli(['review', '--report', report, '--out', out]);
    expect([again.status, again.stderr]).toEqual([2, expect.stringContaining('already exists')]);
  });

  it('filters by reason, shows paths with --no-redact, and a filled-in copy is a decisions file', () => {
    const out = path.join(tmp, 'unknown.csv');
    runCli(['review', '--report', report, '--filter', 'reason=UNKNOWN_OUTCOME', '--no-redact', '--out', out]);
    const todo = rows(out);
    expect(new Set(todo.map((r) => r.finding_reason))).toEqual(new Set(['UNKNOWN_OUTCOME']));
    expect(todo.find((r) => r.call_id === 'C-1011')!.path).toContain('38641888999');
    const filled = readFileSync(out, 'utf8').replace(
      /^(C-1011,[^,]*,),,,,,/m,
      '$1keep,order,caller ordered,DPO,2026-11-20,',
    );
    writeFileSync(out, filled);
    const audit = runCli(['audit', ...DEMO_AUDIT, '--out', path.join(tmp, 'decided'), '--decisions', out]);
    expect(audit.status).toBe(0);
    const decided = JSON.parse(readFileSync(path.join(tmp, 'decided', 'report.json'), 'utf8'));
    const c1011 = decided.recordings.find((f: { callId: string }) => f.callId === 'C-1011');
    expect([c1011.verdict, c1011.reason]).toEqual(['compliant', 'REVIEWED_KEEP']);
    const left = path.join(tmp, 'left.csv');
    runCli([
      'review',
      '--report',
      path.join(tmp, 'decided', 'report.json'),
      '--filter',
      'reason=UNKNOWN_OUTCOME',
      '--out',
      left,
    ]);
    expect(rows(left)).toHaveLength(todo.length - 1);
  });

  it('refuses a bad filter and --interactive without a terminal, with exit 2', () => {
    const bad = runCli(['review', '--report', report, '--filter', 'colour=red']);
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('key=value')]);
    const noTty = runCli([
      'review',
      '--report',
      report,
      '--interactive',
      '--decisions',
      path.join(tmp, 'x.csv'),
      '--reviewer',
      'DPO',
    ]);
    expect([noTty.status, noTty.stderr]).toEqual([2, expect.stringContaining('needs a terminal')]);
  });
});

/** Runs the CLI in a pseudo-terminal (util-linux `script`) and answers each prompt as it appears. */
function inTerminal(args: string[], answers: Array<[prompt: string, answer: string]>): Promise<string> {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH,
      NO_COLOR: '1',
      HOME: process.env.HOME,
      XDG_CACHE_HOME: TEST_CACHE_HOME,
      TERM: 'dumb',
    },
  });
  let output = '';
  let seen = 0;
  const pending = [...answers];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no prompt "${pending[0]?.[0]}" after:\n${output}`));
    }, 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const next = pending[0];
      if (next && output.indexOf(next[0], seen) >= 0) {
        seen = output.indexOf(next[0], seen) + next[0].length;
        pending.shift();
        child.stdin.write(`${next[1]}\r`);
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

describe('callaudit review --interactive in a pseudo-terminal', () => {
  it('takes k, s and d with a reason and appends each decision to the trail, keeping earlier rows', async () => {
    const trail = path.join(tmp, 'trail.csv');
    const earlier =
      'call_id,path,decision,category,reason,reviewer,decided_at,evidence,recording_sha256\nC-9999,,delete,,earlier row,DPO,2026-11-01,,\n';
    writeFileSync(trail, earlier);
    const args = [
      'review',
      '--report',
      report,
      '--filter',
      'reason=UNKNOWN_OUTCOME',
      '--interactive',
      '--decisions',
      trail,
      '--reviewer',
      'DPO Ana',
    ];
    const output = await inTerminal(args, [
      ['[q]uit?', 'x'],
      ['please answer', ''],
      ['[q]uit?', 'k'],
      ['category', 'order'],
      ['reason (required)', ''],
      ['reason (required)', 'ordered a router'],
      ['evidence', 'listened 00:05-00:40'],
      ['[q]uit?', 's'],
      ['[q]uit?', 'd'],
      ['reason (required)', '=only a test call'],
      ['evidence', ''],
    ]);
    expect(output).toContain('2 decision(s) appended');
    const text = readFileSync(trail, 'utf8');
    expect(text.startsWith(earlier)).toBe(true);
    const decided = rows(trail).slice(1);
    expect(decided.map((r) => [r.decision, r.category, r.reason, r.reviewer, r.evidence])).toEqual([
      ['keep', 'order', 'ordered a router', 'DPO Ana', 'listened 00:05-00:40'],
      ['delete', '', "'=only a test call", 'DPO Ana', ''],
    ]);
    expect(decided.every((r) => /^[0-9a-f]{64}$/.test(r.recording_sha256!) && r.path !== '')).toBe(true);
    // A second session shows only what is still open.
    const second = await inTerminal(args, [['[q]uit?', 'q']]);
    expect(second).toContain('[1/1]');
  }, 200_000);
});
