import type { AuditResult } from '../audit/result.js';
import { compareWithBaseline, policyDifference } from '../audit/baseline.js';
import { readReport } from './read-report.js';

/** Reads --baseline and compares; another policy version is accepted, with a warning naming it. */
export function applyBaselineFile(
  result: AuditResult,
  file: string,
  warn: (message: string) => void,
): AuditResult {
  const baseline = readReport(file, 'baseline');
  const difference = policyDifference(result.policy, baseline.policy);
  if (difference) warn(`${file}: ${difference}; findings may be new or resolved because the rules changed`);
  return compareWithBaseline(result, baseline, file);
}
