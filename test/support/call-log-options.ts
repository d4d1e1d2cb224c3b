import { resolveColumnMapping, type ColumnMapping } from '../../src/config/column-mapping.js';
import { callLogOptionsFor } from '../../src/calllog/source-options.js';
import type { CallLogOptions } from '../../src/calllog/types.js';
import type { CallLogSource } from '../../src/config/settings.js';

/** A column mapping naming `call_id` and `outcome` and no other column, with the changes given. */
export function columns(named: Partial<ColumnMapping> = {}): ColumnMapping {
  return {
    id: 'call_id',
    idFallbacks: [],
    outcome: 'outcome',
    outcomeAlternatives: [],
    time: null,
    timeAlternatives: [],
    customer: null,
    notice: null,
    purpose: null,
    links: [],
    ...named,
  };
}

/** Columns `call_id`, `outcome` and `time`, everything detected, times in Europe/Ljubljana. */
export const CALL_LOG_OPTIONS: CallLogOptions = {
  columns: columns({ time: 'time' }),
  encoding: 'auto',
  delimiter: 'auto',
  timezone: 'Europe/Ljubljana',
};

/** The reader's options for a configured source, as `labels` makes them (Europe/Ljubljana). */
export function sourceOptions(source: Partial<Omit<CallLogSource, 'columns'>>): CallLogOptions {
  const given = {
    files: [],
    preset: null,
    idColumn: null,
    outcomeColumn: null,
    timeColumn: null,
    encoding: 'auto' as const,
    delimiter: 'auto' as const,
    dateFormat: null,
    timezone: null,
    ...source,
  };
  return callLogOptionsFor({ ...given, columns: resolveColumnMapping(given, null) }, 'Europe/Ljubljana');
}
