import path from 'node:path';
import { REPO } from './run-cli.js';

export const DEMO = path.join(REPO, 'fixtures/demo');

/** `callaudit audit` of the demo archive at a fixed time, without --out. */
export const DEMO_AUDIT = [
  path.join(DEMO, 'recordings'),
  '--crm',
  path.join(DEMO, 'crm/calls.csv'),
  '--id-pattern',
  '_(?<id>[A-Z0-9-]+)\\.\\w+$',
  '--now',
  '2026-11-28T12:00:00Z',
  '--fail-on',
  'never',
];
