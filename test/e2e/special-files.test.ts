import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { BIN, type CliRun, TEST_CACHE_HOME } from '../support/run-cli.js';

// Item 9 of issue 13: a FIFO or a device given where a file is read must be refused by its kind,
// at once (a FIFO opened for reading would wait for a writer for ever; /dev/zero never ends).
const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-special-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RECORDING_SID = `RE${'a'.repeat(32)}`;
const archive = path.join(tmp, 'archive');
mkdirSync(archive);
writeFileSync(path.join(archive, `${RECORDING_SID}.wav`), wavPcm16({ seconds: 1 }));
const crm = path.join(tmp, 'calls.csv');
writeFileSync(crm, 'call_id,outcome\nCA1,order\n');
const fifo = path.join(tmp, 'pipe');
execFileSync('mkfifo', [fifo]);

/** The CLI with a deadline: a hang fails the test instead of stalling the suite. */
function runWithin(args: string[], seconds = 30): CliRun & { seconds: number } {
  const started = Date.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: seconds * 1000,
    env: { PATH: process.env.PATH, NO_COLOR: '1', HOME: process.env.HOME, XDG_CACHE_HOME: TEST_CACHE_HOME },
  });
  return {
    status: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    seconds: (Date.now() - started) / 1000,
  };
}

const audit = (out: string, ...extra: string[]) =>
  runWithin(['audit', archive, '--crm', crm, '--out', path.join(tmp, out), '--no-progress', ...extra]);

const SPECIAL = [
  ['a FIFO', fifo, /is a FIFO/],
  ['/dev/zero', '/dev/zero', /is a character device/],
] as const;

const PLACES: Array<[string, (special: string, out: string) => CliRun]> = [
  ['-c', (s, out) => audit(out, '-c', s)],
  ['--policy', (s, out) => audit(out, '--policy', s)],
  ['--holds', (s, out) => audit(out, '--holds', s)],
  ['--outcome-map', (s, out) => audit(out, '--outcome-map', s)],
  ['--baseline', (s, out) => audit(out, '--baseline', s)],
  ['--recording-map', (s, out) => audit(out, '--preset', 'twilio', '--recording-map', s)],
  ['--cache', (s, out) => audit(out, '--cache', s)],
  ['--crm', (s, out) => runWithin(['audit', archive, '--crm', s, '--out', path.join(tmp, out)])],
  ['--cdr', (s, out) => audit(out, '--cdr', s)],
  ['render', (s, out) => runWithin(['render', s, '--out', path.join(tmp, out)])],
];

describe('a FIFO or a device where a file is read', () => {
  let n = 0;
  for (const [where, run] of PLACES) {
    for (const [kind, special, named] of SPECIAL) {
      it(`is refused at once, by its kind, as ${where} ${kind}`, () => {
        const out = `out-${n++}`;
        const result = run(special, out);
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr).toMatch(named);
        expect(result.stderr).toContain(special);
        expect(result.stderr).not.toMatch(/does not exist|unexpected error|\n\s+at /);
        // Refused before anything was written.
        expect(existsSync(path.join(tmp, out))).toBe(false);
      });
    }
  }
});

describe('a FIFO or a device given as the deletion log to read', () => {
  for (const command of ['verify', 'summary'])
    for (const [kind, special, named] of SPECIAL)
      it(`log ${command} refuses ${kind} at once, by its kind`, () => {
        const result = runWithin(['log', command, special], 10);
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr).toMatch(named);
        expect(result.stderr).toContain(special);
      });
});

it('merge refuses a FIFO named as a partial report, at once', () => {
  const partial = path.join(tmp, 'partial.json');
  execFileSync('mkfifo', [partial]);
  const result = runWithin(['merge', partial, '--out', path.join(tmp, 'merged')]);
  expect(result.status, result.stderr).toBe(2);
  expect(result.stderr).toContain('the partial report is a FIFO (named pipe), not a regular file');
  expect(existsSync(path.join(tmp, 'merged'))).toBe(false);
});

describe('inputs above their documented limit', () => {
  it.each([
    ['-c', 'config.json', '11M', '10 MiB'],
    ['--holds', 'holds.csv', '11M', '10 MiB'],
    ['--policy', 'policy.json', '11M', '10 MiB'],
    ['--outcome-map', 'map.csv', '11M', '10 MiB'],
    ['--baseline', 'baseline.json', '501M', '500 MiB'],
  ])('%s larger than the limit is a clear error', (flag, name, size, limit) => {
    const file = path.join(tmp, name);
    // A sparse file: as large as it claims, without writing it out.
    writeFileSync(file, '');
    execFileSync('truncate', ['-s', size, file]);
    const result = audit(`big-${name}`, flag, file);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain(`is larger than ${limit}`);
    expect(result.stderr).toContain(file);
  });

  it('render refuses a report.json larger than 500 MiB', () => {
    const file = path.join(tmp, 'huge-report.json');
    writeFileSync(file, '');
    execFileSync('truncate', ['-s', '501M', file]);
    const result = runWithin(['render', file, '--out', path.join(tmp, 'render-huge')]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain('the report is larger than 500 MiB');
  });
});
