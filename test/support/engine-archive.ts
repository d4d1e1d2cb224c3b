import path from 'node:path';
import { placeRecordings } from './demo-audit.js';
import { REPO } from './run-cli.js';

const FIXTURE = path.join(REPO, 'fixtures/engine');

/** The recordings of fixtures/engine (one per rule) and when each call took place (its mtime). */
const RECORDINGS: Record<string, string> = {
  'E-HOLD.wav': '2026-10-03T08:00:00Z',
  'E-CUST.wav': '2026-10-03T08:00:00Z',
  'trading/E-TRADE.wav': '2026-10-03T08:00:00Z',
  'E-NOTICE.wav': '2026-10-03T08:00:00Z',
  'E-PURPOSE.wav': '2026-10-03T08:00:00Z',
  'E-OLD.wav': '2022-03-01T09:00:00Z',
  'E-DUE.wav': '2023-12-10T09:00:00Z',
  'E-OK.wav': '2026-10-03T08:00:00Z',
  'E-LATE.wav': '2026-10-03T08:00:00Z',
  'E-EXPIRED.wav': '2026-10-03T08:00:00Z',
  'E-SEPT.wav': '2026-09-15T08:00:00Z',
  'E-NONE.wav': '2026-10-05T08:00:00Z',
};

/** The audit flags that read fixtures/engine's call log and holds, with every engine column. */
export const ENGINE_FLAGS = [
  '--crm',
  path.join(FIXTURE, 'calls.csv'),
  '--time-column',
  'at',
  '--holds',
  path.join(FIXTURE, 'holds.csv'),
  '--notice-column',
  'notice',
  '--purpose-column',
  'purpose',
  '--log-period',
  '2026-10-01..2026-10-31',
  '--now',
  '2026-11-28T12:00:00Z',
];

/** Builds the engine archive in `archive`: copies of a demo WAV, dated by their modification times. */
export function makeEngineArchive(archive: string): void {
  placeRecordings(archive, RECORDINGS);
}
