import type { AuditResult, UnnamedResult } from './result.js';
import { VERDICT_SEVERITY, type Finding, type ReasonCode, type Summary, type Verdict } from './types.js';
import { carryReviewSince, reviewDeadlines } from './review-deadlines.js';
import { summarise } from './summarise.js';

/** A finding of the baseline that this audit no longer reports. */
interface ResolvedFinding {
  root: string;
  path: string;
  callId: string | null;
  verdict: Verdict;
  reason: ReasonCode;
}

export interface BaselineComparison {
  /** The baseline report as given on the command line. */
  file: string;
  generatedAt: string;
  policy: { id: string; version: string; sha256: string };
  new: number;
  persisting: number;
  resolved: ResolvedFinding[];
}

/** Only findings a human must act on are compared; compliant recordings and holds are not findings. */
function isActionable(finding: Pick<Finding, 'verdict'>): boolean {
  return VERDICT_SEVERITY[finding.verdict] > 0;
}

/**
 * Matches findings across runs by call ID, reason and the path inside the root, never by position:
 * the archive grows between scheduled audits. The root is left out because the same archive is
 * often mounted under a different path on another runner.
 */
export function findingKey(finding: Pick<Finding, 'callId' | 'reason' | 'path'>): string {
  return JSON.stringify([finding.callId, finding.reason, finding.path]);
}

/** Why a baseline may not compare like with like; empty when the policies match. */
export function policyDifference(
  current: AuditResult['policy'],
  baseline: AuditResult['policy'],
): string | null {
  if (current.id !== baseline.id)
    return `the baseline was made with policy ${baseline.id}@${baseline.version}, this audit uses ${current.id}@${current.version}`;
  if (current.version !== baseline.version)
    return `the baseline was made with policy version ${baseline.version}, this audit uses ${current.version}`;
  if (current.sha256 !== baseline.sha256)
    return `the baseline's policy ${baseline.id}@${baseline.version} has different content (sha256 ${baseline.sha256.slice(0, 12)}… vs ${current.sha256.slice(0, 12)}…)`;
  return null;
}

/** Marks each actionable finding new or persisting and lists the baseline's resolved findings. */
export function compareWithBaseline<T extends UnnamedResult>(
  current: T,
  baseline: AuditResult,
  file: string,
): T {
  const before = new Set(baseline.recordings.filter(isActionable).map(findingKey));
  const now = new Set<string>();
  let fresh = 0;
  let persisting = 0;
  const recordings = current.recordings.map((finding): Finding => {
    if (!isActionable(finding)) return finding;
    const key = findingKey(finding);
    now.add(key);
    const status = before.has(key) ? 'persisting' : 'new';
    if (status === 'new') fresh += 1;
    else persisting += 1;
    return { ...finding, baseline: status };
  });
  const withClocks = carryReviewSince(recordings, baseline.recordings, baseline.generatedAt);
  const resolved = baseline.recordings
    .filter((f) => isActionable(f) && !now.has(findingKey(f)))
    .map(({ root, path, callId, verdict, reason }) => ({ root, path, callId, verdict, reason }));
  return {
    ...current,
    recordings: withClocks,
    ...(current.engine?.reviews
      ? {
          engine: {
            ...current.engine,
            reviews: reviewDeadlines(withClocks, current.generatedAt, current.engine.reviews.withinDays),
          },
        }
      : {}),
    baseline: {
      file,
      generatedAt: baseline.generatedAt,
      policy: baseline.policy,
      new: fresh,
      persisting,
      resolved,
    },
  };
}

/** The summary --fail-on judges when there is a baseline: new findings only. */
export function summaryForExitCode(result: UnnamedResult): Summary {
  if (!result.baseline) return result.summary;
  return summarise(result.recordings.filter((f) => f.baseline === 'new'));
}

/** For the --json summary: the baseline counts, or nothing without a baseline. */
export function baselineCounts(result: UnnamedResult): {
  baseline?: { new: number; persisting: number; resolved: number };
} {
  const b = result.baseline;
  return b ? { baseline: { new: b.new, persisting: b.persisting, resolved: b.resolved.length } } : {};
}
