import { coverageFromLogs, type Coverage } from './audit/coverage.js';
import { EMPTY_NOTICE, RECOGNISED_NOTICE } from './audit/notice.js';
import type { CallEvent } from './audit/types.js';
import type { EnginePlan } from './config/engine-plan.js';
import { HOLDS_FILE, readInputFile, sha256Of } from './inputs.js';
import { parseHolds, type Hold } from './policy/holds.js';

export interface LoadedHolds {
  file: string;
  sha256: string;
  list: Hold[];
}

export function loadHolds(file: string, zone: string): LoadedHolds {
  const bytes = readInputFile(file, HOLDS_FILE);
  return { file, sha256: sha256Of(bytes), list: parseHolds(bytes.toString('utf8'), file, zone) };
}

/** Declared coverage wins over the logs' own span of event times. */
export function resolveCoverage(
  engine: EnginePlan,
  logs: Parameters<typeof coverageFromLogs>[0],
  zone: string,
): Coverage {
  if (engine.logPeriod)
    return { basis: 'declared', spans: [{ source: '--log-period', ...engine.logPeriod }] };
  return coverageFromLogs(logs, zone);
}

/**
 * Inputs that parse but cannot do what the DPO meant; warned about, not fatal. `unrecognised` is
 * unrecognisedNotices(events), which the report lists too.
 */
export function engineInputWarnings(
  events: readonly CallEvent[],
  unrecognised: ReadonlyArray<{ value: string; rows: number }>,
  holds: readonly Hold[],
  engine: EnginePlan,
): string[] {
  const warnings: string[] = [];
  if (holds.some((h) => h.scope === 'customer_id') && !events.some((e) => e.customerId)) {
    warnings.push(
      `no customer IDs were read from the column "${engine.customerColumn}", so customer_id holds can match nothing; name the column with --customer-column`,
    );
  }
  if (engine.noticeColumn !== null) {
    // Empty cells are listed in the report, not warned about: many logs leave the column blank.
    const unreadable = unrecognised.filter((v) => v.value !== EMPTY_NOTICE);
    if (unreadable.length > 0) {
      const shown = unreadable.slice(0, 5).map((v) => `"${v.value}" (${v.rows} row(s))`);
      warnings.push(
        `notice values ${shown.join(', ')}${unreadable.length > 5 ? ' …' : ''} in column "${engine.noticeColumn}" are neither ${RECOGNISED_NOTICE.given} nor ${RECOGNISED_NOTICE.notGiven}; notice is not verified for their recordings (listed in the report)`,
      );
    }
  }
  return warnings;
}
