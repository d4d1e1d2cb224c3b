import type { AuditResult } from '../audit/result.js';
import type { Reporter } from './reporter.js';

/** The first key of report.json, so whoever opens the file reads it before any path. */
export const PERSONAL_DATA_NOTICE =
  'Contains personal data: recording paths, call IDs and CRM outcome labels, unmasked so the findings can be acted on. Store and share it like the recordings themselves.';

export const jsonReporter: Reporter = {
  name: 'json',
  fileName: 'report.json',
  // Key order follows the AuditResult construction, which is fixed, so output is byte-stable.
  render: (result: AuditResult) =>
    `${JSON.stringify({ notice: PERSONAL_DATA_NOTICE, ...result }, null, 2)}\n`,
};
