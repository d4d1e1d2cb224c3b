export { readCallLog } from './read-call-log.js';
export { MAX_RECORD_BYTES } from './csv-options.js';
export type {
  CallLogDelimiter,
  CallLogEncoding,
  CallLogOptions,
  CallLogResult,
  RowProblem,
} from './types.js';
export { parseTime, isValidTimeZone } from './parse-time.js';
export { sniffDelimiter, headerLineEnd, excelSepLine } from './sniff-delimiter.js';
export { detectBom, detectEncoding, sniffEncoding, isValidUtf8 } from './encoding.js';
export { findColumn, resolveColumns, type ColumnIndexes } from './columns.js';
