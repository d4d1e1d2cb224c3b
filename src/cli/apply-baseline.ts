import type { AuditResult, UnnamedResult } from '../audit/result.js';
import { compareWithBaseline, policyDifference } from '../audit/baseline.js';
import { readReport } from './read-report.js';

export interface LoadedBaseline {
  file: string;
  report: AuditResult;
}

/** Read before the audit runs, so a wrong --baseline fails in a second, not after an hour of probing. */
export function loadBaseline(file: string): LoadedBaseline {
  return { file, report: readReport(file, 'baseline') };
}

/** Compares; a baseline from another policy version is accepted, with a warning naming it. */
export function applyBaseline<T extends UnnamedResult>(
  result: T,
  baseline: LoadedBaseline,
  warn: (message: string) => void,
): T {
  const difference = policyDifference(result.policy, baseline.report.policy);
  if (difference)
    warn(`${baseline.file}: ${difference}; findings may be new or resolved because the rules changed`);
  return compareWithBaseline(result, baseline.report, baseline.file);
}
