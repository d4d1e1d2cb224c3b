import { DateTime } from 'luxon';
import type { Decision } from './decisions.js';
import type { Rule, RuleOutcome } from './judge-context.js';
import { message, type DecisionRef } from './messages.js';
import { deleteByOf, isPast } from './retention.js';
import type { DecisionCitation } from './types.js';

function citationOf(d: Decision): DecisionCitation {
  return {
    id: d.id,
    decision: d.decision,
    category: d.category,
    reviewer: d.reviewer,
    decidedAt: d.decidedAt,
    reason: d.reason,
    evidence: d.evidence,
  };
}

function decisionRef(d: Decision): DecisionRef {
  return {
    decision: d.decision,
    category: d.category,
    reviewer: d.reviewer,
    decidedAt: d.decidedAt,
    reason: d.reason,
    evidence: d.evidence,
    id: d.id,
  };
}

/**
 * A documented human decision closes a finding: it comes after the legal hold and the call-ID
 * checks (a decision never lifts a hold, and a call ID in doubt may name another call), before
 * every rule that reads the call logs. A decision for bytes that changed since is void.
 */
export const DECISION_RULE: Rule = {
  id: 'review-decision',
  description:
    'A human decision from the decisions file (--decisions) keeps the recording for the decided category or deletes it.',
  apply: ({ decision: match, pack, recording, settings }): RuleOutcome | null => {
    if (!match || match.bytes === 'changed') return null;
    const d = match.decision;
    const cited = { decision: citationOf(d) };
    if (d.decision === 'delete') {
      return {
        verdict: 'violation',
        reason: 'REVIEWED_DELETE',
        message: message('REVIEWED_DELETE', { decision: decisionRef(d) }),
        ...cited,
      };
    }
    const period = d.category === null ? undefined : pack.retention.periods[d.category];
    const deleteBy =
      period === undefined || recording.startedAt === null
        ? null
        : deleteByOf(recording.startedAt, period, pack.retention.graceDays, settings.zone);
    if (deleteBy !== null && settings.now !== null && isPast(settings.now, deleteBy)) {
      return {
        verdict: 'violation',
        reason: 'RETENTION_EXPIRED',
        message: message('REVIEWED_KEEP_EXPIRED', {
          decision: decisionRef(d),
          category: d.category,
          deleteBy,
        }),
        deleteBy,
        ...cited,
      };
    }
    return {
      verdict: 'compliant',
      reason: 'REVIEWED_KEEP',
      message: message('REVIEWED_KEEP', { decision: decisionRef(d), deleteBy }),
      deleteBy,
      ...cited,
    };
  },
};

/**
 * Whether a reviewer's delete decision came after every ended hold: then it is the human
 * confirmation the expired-hold safeguard asks for. A hold of a period (end not dated) is not.
 * `decided_at` without an offset is the audit's zone, as a hold's `until` is: a bare date is the
 * start of that day, so a decision dated the day a hold ended is not after it.
 */
export function decidedAfterHolds(
  decided: RuleOutcome,
  expired: ReadonlyArray<{ until: string | null }>,
  zone: string,
): boolean {
  if (decided.reason !== 'REVIEWED_DELETE' || !decided.decision) return false;
  const at = DateTime.fromISO(decided.decision.decidedAt, { zone }).toMillis();
  return expired.every((h) => h.until !== null && at > Date.parse(h.until));
}
