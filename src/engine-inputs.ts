import { readFileSync } from 'node:fs';
import { coverageFromLogs, type Coverage } from './audit/coverage.js';
import { ENGINE_DEFAULTS, type EnginePlan } from './config/engine-plan.js';
import { CallauditError } from './errors.js';
import { sha256File } from './inputs.js';
import { parseHolds, type Hold } from './policy/holds.js';

/** The policy-engine plan of an AuditPlan made without resolvePlan: every check at its default. */
export const DEFAULT_ENGINE_PLAN: EnginePlan = {
  holds: null,
  customerColumn: ENGINE_DEFAULTS.customerColumn,
  noticeColumn: null,
  purposeColumn: null,
  maxEventLagHours: ENGINE_DEFAULTS.maxEventLagHours,
  logPeriod: null,
  dueWithinDays: ENGINE_DEFAULTS.dueWithinDays,
  retention: {},
};

export interface LoadedHolds {
  file: string;
  sha256: string;
  list: Hold[];
}

export function loadHolds(file: string, zone: string): LoadedHolds {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CallauditError(
      'HOLDS_UNREADABLE',
      `cannot read the legal holds file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'check the --holds path',
      file,
    );
  }
  return { file, sha256: sha256File(file), list: parseHolds(text, file, zone) };
}

/** Declared coverage wins over the logs' own span of event times. */
export function resolveCoverage(
  engine: EnginePlan,
  logs: ReadonlyArray<{ file: string; firstAt: string | null; lastAt: string | null }>,
  zone: string,
): Coverage {
  if (engine.logPeriod)
    return { basis: 'declared', spans: [{ source: '--log-period', ...engine.logPeriod }] };
  return coverageFromLogs(logs, zone);
}
