import { isSqlUrl } from './sql-url.js';
import type { CallLogOptions } from './types.js';

/**
 * Whether this call log is a database table, which can be read for a period only. A query of
 * one's own is read as written, so it need not wait for the recordings' span.
 */
export function readsTableForPeriod(file: string, options: CallLogOptions): boolean {
  return isSqlUrl(file) && options.sql !== undefined && options.sql.query === undefined;
}

export const WHOLE_TABLE_WARNING =
  'some recordings have no known start time (or only a file modification time), so the database call logs are read whole; restrict them with --log-period';
