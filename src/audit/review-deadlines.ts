import { compareStrings } from './summarise.js';
import type { Finding } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A review kept open past --review-within days: an unlawful recording kept "for review" is itself a finding. */
interface OverdueReview {
  root: string;
  path: string;
  callId: string | null;
  reason: Finding['reason'];
  reviewSince: string;
  openDays: number;
}

export interface ReviewDeadlines {
  withinDays: number;
  overdue: OverdueReview[];
}

/** The same recording in review, whatever the reason: a changed reason does not restart the clock. */
const recordingKey = (f: Pick<Finding, 'callId' | 'path'>) => JSON.stringify([f.callId, f.path]);

/** Every review finding starts its clock at this audit, unless it already carries one. */
export function startReviewClocks(findings: Finding[], now: string): void {
  for (const f of findings) if (f.verdict === 'review' && f.reviewSince === undefined) f.reviewSince = now;
}

/**
 * Review findings that were in review in the baseline keep the baseline's clock (its own
 * reviewSince, or the baseline's date for a report from before reviewSince existed).
 */
export function carryReviewSince(
  findings: readonly Finding[],
  baseline: readonly Finding[],
  baselineGeneratedAt: string,
): Finding[] {
  const since = new Map<string, string>();
  for (const f of baseline)
    if (f.verdict === 'review') since.set(recordingKey(f), f.reviewSince ?? baselineGeneratedAt);
  return findings.map((f) => {
    if (f.verdict !== 'review') return f;
    const earlier = since.get(recordingKey(f));
    return earlier !== undefined && (f.reviewSince === undefined || earlier < f.reviewSince)
      ? { ...f, reviewSince: earlier }
      : f;
  });
}

/** Reviews open longer than `withinDays` at `now`, oldest first. */
export function reviewDeadlines(
  findings: readonly Finding[],
  now: string,
  withinDays: number,
): ReviewDeadlines {
  const nowMs = Date.parse(now);
  const overdue: OverdueReview[] = [];
  for (const f of findings) {
    if (f.verdict !== 'review' || f.reviewSince === undefined) continue;
    const openMs = nowMs - Date.parse(f.reviewSince);
    if (openMs > withinDays * DAY_MS)
      overdue.push({
        root: f.root,
        path: f.path,
        callId: f.callId,
        reason: f.reason,
        reviewSince: f.reviewSince,
        openDays: Math.floor(openMs / DAY_MS),
      });
  }
  overdue.sort((a, b) => compareStrings(a.reviewSince, b.reviewSince) || compareStrings(a.path, b.path));
  return { withinDays, overdue };
}
