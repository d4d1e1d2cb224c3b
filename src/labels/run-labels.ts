import { callLogWarnings } from '../calllog/log-warnings.js';
import { readAnyCallLog } from '../calllog/read-any-call-log.js';
import { callLogOptionsFor } from '../calllog/source-options.js';
import type { CallLogSource } from '../config/settings.js';
import { expandCallLogs } from '../inputs.js';
import { createClassifier } from '../policy/classify.js';
import { loadOutcomeMap } from '../policy/load-outcome-map-file.js';
import { loadPolicy } from '../policy/load-pack-file.js';
import { readLabels, type LabelReading } from './label-readings.js';

export interface LabelsPlan {
  callLogs: CallLogSource[];
  timezone: string;
  outcomeMap: string | null;
  policy: string;
}

/**
 * Reads the call logs as `audit` does and reads every distinct outcome label under the policy and
 * the outcome map. Telephony CDRs carry no outcomes and are left out.
 */
export async function runLabels(
  plan: LabelsPlan,
  warn: (message: string) => void = () => {},
): Promise<{ labels: LabelReading[]; rows: number }> {
  const pack = loadPolicy(plan.policy);
  const outcomeMap = plan.outcomeMap ? loadOutcomeMap(plan.outcomeMap) : undefined;
  const classify = createClassifier(pack, outcomeMap?.categories, outcomeMap?.unconfirmed);
  const logs = await Promise.all(
    plan.callLogs.map(async (source) => {
      const options = callLogOptionsFor(source, plan.timezone);
      if (options.preset?.telephony) return [];
      const files = await expandCallLogs(source.files);
      return Promise.all(files.map((file) => readAnyCallLog(file, file, options)));
    }),
  );
  const events = logs.flat().flatMap((log) => {
    for (const warning of callLogWarnings(log, 'those rows are not counted')) warn(warning);
    return log.events;
  });
  return { labels: readLabels(events, classify), rows: events.length };
}
