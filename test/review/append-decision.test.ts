import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDecisions } from '../../src/policy/decisions-file.js';
import { appendDecision } from '../../src/review/append-decision.js';
import { errorOf } from '../support/error-of.js';
import { REPO } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-append-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const row = (callId: string, reason = 'r') => ({
  call_id: callId,
  decision: 'delete',
  reason,
  reviewer: 'DPO',
  decided_at: '2026-11-20',
});

describe('appendDecision', () => {
  it('creates the file with its header, then appends by the file’s own columns and delimiter', () => {
    const fresh = path.join(tmp, 'fresh.csv');
    appendDecision(fresh, row('C-1', 'has, a comma'));
    expect(parseDecisions(readFileSync(fresh, 'utf8'), fresh).map((d) => d.reason)).toEqual(['has, a comma']);
    const semicolon = path.join(tmp, 'semi.csv');
    writeFileSync(
      semicolon,
      'reviewer;decided_at;call_id;decision;reason;category;evidence;recording_sha256;path\nDPO;2026-11-01;C-0;delete;old;;;;',
    );
    appendDecision(semicolon, row('C-1', 'a; b'));
    const list = parseDecisions(readFileSync(semicolon, 'utf8'), semicolon);
    expect(list.map((d) => [d.callId, d.reason])).toEqual([
      ['C-0', 'old'],
      ['C-1', 'a; b'],
    ]);
  });

  it('refuses a file whose header would misplace the decision', () => {
    const other = path.join(tmp, 'other.csv');
    writeFileSync(other, 'label,category\n');
    expect(errorOf(() => appendDecision(other, row('C-1'))).code).toBe('DECISIONS_INVALID');
    expect(readFileSync(other, 'utf8')).toBe('label,category\n');
  });

  it('two processes appending at once leave every row whole', async () => {
    const shared = path.join(tmp, 'shared.csv');
    const module = pathToFileURL(path.join(REPO, 'dist/review/append-decision.js')).href;
    const writer = (name: string) =>
      new Promise<void>((resolve, reject) => {
        const script = `const { appendDecision } = await import(${JSON.stringify(module)});
for (let i = 0; i < 200; i++) appendDecision(${JSON.stringify(shared)}, { call_id: '${name}-' + i, decision: 'delete', reason: '${'x'.repeat(300)}', reviewer: 'DPO', decided_at: '2026-11-20' });`;
        const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`))));
      });
    await Promise.all([writer('A'), writer('B')]);
    const list = parseDecisions(readFileSync(shared, 'utf8'), shared);
    expect(list).toHaveLength(400);
    expect(new Set(list.map((d) => d.callId)).size).toBe(400);
    expect(readFileSync(shared, 'utf8').match(/^call_id,/gm)).toHaveLength(1);
  }, 30_000);
});
