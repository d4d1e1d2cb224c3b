import type { CallLogResult } from './types.js';

/** What a DPO should know about how a call log was read: a guessed encoding, an assumed layout, bad rows. */
export function callLogWarnings(log: CallLogResult, problemsAre = 'see "problems" in report.json'): string[] {
  const warnings: string[] = [];
  if (log.encodingDetected && log.encoding !== 'utf-8')
    warnings.push(`${log.file}: not UTF-8; read as ${log.encoding}`);
  if (log.layout) warnings.push(`${log.file}: no header row; assumed the Asterisk layout of ${log.layout}`);
  if (log.problems.length > 0)
    warnings.push(`${log.file}: ${log.problems.length} row problem(s); ${problemsAre}`);
  return warnings;
}
