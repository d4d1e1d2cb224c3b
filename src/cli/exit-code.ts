import type { Summary } from '../audit/types.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_CANNOT_AUDIT = 2;

/**
 * 1 when findings reach the --fail-on threshold; 2 is decided elsewhere and never downgraded.
 * `review-overdue` fails on violations and on reviews open past --review-within.
 */
export function exitCodeFor(
  summary: Summary,
  failOn: 'violation' | 'review' | 'review-overdue' | 'never',
  overdueReviews = 0,
): number {
  if (failOn === 'never') return EXIT_OK;
  if (summary.violation > 0) return EXIT_FINDINGS;
  if (failOn === 'review-overdue' && overdueReviews > 0) return EXIT_FINDINGS;
  if (failOn === 'review' && summary.review > 0) return EXIT_FINDINGS;
  return EXIT_OK;
}
