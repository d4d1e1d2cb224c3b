import { copyFileSync, mkdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { REPO, runCli, type CliRun } from './run-cli.js';

export const DEMO = path.join(REPO, 'fixtures/demo');

/** A readable WAV of the demo archive (call C-1001), for tests that need a real recording anywhere. */
export const DEMO_WAV = path.join(DEMO, 'recordings/2026/10/03/in_38640111222_20261003-0915_C-1001.wav');

/**
 * Copies DEMO_WAV to each path (relative to `dir`); a time given beside it becomes the copy's
 * modification time, which is the recording's time when its name carries none.
 */
export function placeRecordings(dir: string, recordings: Record<string, string | null>): void {
  for (const [file, time] of Object.entries(recordings)) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(DEMO_WAV, target);
    if (time !== null) utimesSync(target, new Date(time), new Date(time));
  }
}

/**
 * The demo's audit flags after the archive root, as `npm run demo` runs it: the call log, the ID
 * and time from the file name, a fixed `--now`.
 */
export const DEMO_AUDIT_FLAGS = [
  '--crm',
  path.join(DEMO, 'crm/calls.csv'),
  '--id-pattern',
  '[_ ](?<date>\\d{8})-(?<time>\\d{4})(?:_(?<id>[A-Z0-9-]+))?\\.\\w+$',
  '--name-time',
  'yyyyMMdd HHmm',
  '--now',
  '2026-11-28T12:00:00Z',
];

/** `callaudit audit` of the demo archive at a fixed time, without --out. */
export const DEMO_AUDIT = [path.join(DEMO, 'recordings'), ...DEMO_AUDIT_FLAGS, '--fail-on', 'never'];

/** `callaudit audit` on the bundled demo archive, as `npm run demo` runs it, into `out`. */
export function auditDemo(out: string, ...extra: string[]): CliRun {
  return runCli(['audit', path.join(DEMO, 'recordings'), ...DEMO_AUDIT_FLAGS, '--out', out, ...extra]);
}
