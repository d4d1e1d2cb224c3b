import path from 'node:path';
import { CallauditError } from '../errors.js';
import type { LabelsPlan } from '../labels/run-labels.js';
import type { LoadedConfig } from './config-file.js';
import { policyFromConfig } from './engine-plan.js';
import { DEFAULTS } from './settings.js';
import { resolveCallLogs } from './sources.js';
import { requireTimezone } from './timezone.js';
import type { FlagsOf } from '../options/flag-types.js';

/** The flags of `callaudit labels`, from the options model. */
export type LabelsFlags = FlagsOf<'labels'>;

/** The call logs, policy and outcome map of `callaudit labels`, from flags, config file and defaults as `audit` has them. */
export function resolveLabelsPlan(flags: LabelsFlags, loaded: LoadedConfig | null): LabelsPlan {
  const config = loaded?.config ?? {};
  const fromConfig = (p: string) =>
    loaded ? path.relative(process.cwd(), path.resolve(loaded.dir, p)) || '.' : p;
  const callLogs = resolveCallLogs({ ...flags, cdr: undefined }, config, fromConfig);
  if (callLogs.every((source) => source.files.length === 0)) {
    throw new CallauditError(
      'NO_CALL_LOG',
      'no call log was given: the labels come from the CRM export',
      'add --crm <file.csv> (several files or globs allowed)',
    );
  }
  const timezone = requireTimezone(flags.timezone ?? config.timezone ?? DEFAULTS.timezone);
  const outcomeMap = flags.outcomeMap ?? (config.outcomeMap ? fromConfig(config.outcomeMap) : null);
  return {
    callLogs,
    timezone,
    outcomeMap,
    policy: flags.policy ?? (config.policy ? policyFromConfig(config.policy, fromConfig) : DEFAULTS.policy),
  };
}
