import { buildContext, type JudgeContext, type JudgePolicy, type RuleOutcome } from './judge-context.js';
import { RULES, SAFEGUARDS } from './rules.js';
import { categoriesOf, legalBasisOf, NO_HOLD_IDS } from './shared-parts.js';
import type { CallEvent, Finding, Recording } from './types.js';

export { buildContext, RULES };
export type { JudgeContext, JudgePolicy, RuleOutcome } from './judge-context.js';

export interface RuleCheck {
  rule: string;
  description: string;
  outcome: RuleOutcome | null;
  /** `safeguard` checks run after a rule decided and may only soften its verdict. */
  kind: 'rule' | 'safeguard';
}

/** Every rule in order with what it said, up to the one that decided, then the safeguards. */
export function traceRules(context: JudgeContext): RuleCheck[] {
  const checks: RuleCheck[] = [];
  decide(context, (check) => checks.push(check));
  return checks;
}

/** The verdict a trace ends in: the last check that said something. */
export function decisionOf(trace: readonly RuleCheck[]): RuleOutcome {
  const decided = [...trace].reverse().find((check) => check.outcome !== null)?.outcome;
  if (!decided) throw new Error('no rule decided');
  return decided;
}

/**
 * The rules in order up to the first that decides, then the safeguards, which may only soften its
 * verdict. `onCheck` sees each check; judging passes none, so a million verdicts record no trace.
 */
function decide(context: JudgeContext, onCheck?: (check: RuleCheck) => void): RuleOutcome {
  let decided: RuleOutcome | null = null;
  for (const rule of RULES) {
    decided = rule.apply(context);
    onCheck?.({ rule: rule.id, description: rule.description, outcome: decided, kind: 'rule' });
    if (decided) break;
  }
  // The last rule always applies, so a missing outcome is a programming error, not an input problem.
  if (!decided) throw new Error('no rule decided');
  for (const safeguard of SAFEGUARDS) {
    const softened = safeguard.apply(context, decided);
    onCheck?.({
      rule: safeguard.id,
      description: safeguard.description,
      outcome: softened,
      kind: 'safeguard',
    });
    if (softened) decided = softened;
  }
  return decided;
}

export function judge(recording: Recording, events: readonly CallEvent[], policy: JudgePolicy): Finding {
  const context = buildContext(recording, events, policy);
  const decided = decide(context);
  return {
    root: recording.root,
    path: recording.path,
    callId: recording.callId,
    idSource: recording.idSource,
    verdict: decided.verdict,
    reason: decided.reason,
    message: decided.message,
    categories: categoriesOf(context.evidence),
    events: context.evidence.map((e) => ({
      file: e.file,
      line: e.line,
      outcome: e.outcome,
      category: e.category,
      matchedBy: e.matchedBy,
      term: e.term,
      ...(e.confirmed ? { confirmed: true as const } : {}),
      at: e.at,
      window: e.window,
    })),
    legalBasis: legalBasisOf(policy.pack, decided.reason, context.holds.active),
    size: recording.size,
    mtime: recording.mtime,
    format: recording.format,
    codec: recording.codec,
    durationSec: recording.durationSec,
    startedAt: recording.startedAt,
    problems: recording.problems,
    timeSource: recording.timeSource,
    deleteBy: decided.deleteBy ?? null,
    holdIds: decided.holdIds ?? NO_HOLD_IDS,
    ...(decided.decision ? { decision: decided.decision } : {}),
    ...(recording.object ? { object: recording.object } : {}),
  };
}
