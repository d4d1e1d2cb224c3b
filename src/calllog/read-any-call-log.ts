import { CallauditError } from '../errors.js';
import { readJsonCallLog } from './json-source.js';
import { readCallLog } from './read-call-log.js';
import { callLogKind } from './source-kind.js';
import { readSqlCallLog } from './sql-source.js';
import { isSqlUrl } from './sql-url.js';
import type { CallLogOptions, CallLogResult } from './types.js';
import { readXlsxCallLog } from './xlsx-source.js';

/**
 * Reads a call-log file of any supported kind, told by its content: CSV, an Excel workbook,
 * JSON or NDJSON (gzip-compressed too). Every reader feeds the same collector.
 */
export async function readAnyCallLog(
  path: string,
  displayName: string,
  options: CallLogOptions,
): Promise<CallLogResult> {
  if (isSqlUrl(path)) return readSqlCallLog(path, options, options.sql ?? {});
  const kind = await callLogKind(path);
  switch (kind) {
    case 'csv':
      return readCallLog(path, displayName, options);
    case 'xlsx':
      return readXlsxCallLog(path, displayName, options, options.workbook ?? {});
    case 'json':
    case 'ndjson':
    case 'ndjson-gzip':
      return readJsonCallLog(path, displayName, options, kind);
    case 'xls':
      throw new CallauditError(
        'XLS_NOT_SUPPORTED',
        `${displayName} is an old binary Excel workbook (.xls), which callaudit does not read`,
        'Open it in Excel and save it as .xlsx ("Excel Workbook") or as CSV UTF-8, then run again.',
        displayName,
      );
    case 'zip':
      throw new CallauditError(
        'CALL_LOG_IS_ZIP',
        `${displayName} is a ZIP archive, not an Excel workbook or a CSV file`,
        'Unpack it and name the call-log files inside with --crm.',
        displayName,
      );
  }
}
