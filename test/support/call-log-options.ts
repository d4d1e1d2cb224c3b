import { callLogOptionsFor } from '../../src/calllog/source-options.js';
import type { CallLogOptions } from '../../src/calllog/types.js';
import type { CallLogSource } from '../../src/config/settings.js';

/** Columns `call_id`, `outcome` and `time`, everything detected, times in Europe/Ljubljana. */
export const CALL_LOG_OPTIONS: CallLogOptions = {
  idColumn: 'call_id',
  outcomeColumn: 'outcome',
  timeColumn: 'time',
  encoding: 'auto',
  delimiter: 'auto',
  timezone: 'Europe/Ljubljana',
};

/** The reader's options for a configured source, as the CLI makes them (Europe/Ljubljana). */
export function sourceOptions(source: Partial<CallLogSource>): CallLogOptions {
  return callLogOptionsFor(
    {
      files: [],
      preset: null,
      idColumn: null,
      outcomeColumn: null,
      timeColumn: null,
      encoding: 'auto',
      delimiter: 'auto',
      dateFormat: null,
      timezone: null,
      ...source,
    },
    'Europe/Ljubljana',
  );
}
