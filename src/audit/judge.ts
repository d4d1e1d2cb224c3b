import type { PolicyPack } from '../policy/types.js';
import { CALL_ID_TRUST_RULE } from './id-rules.js';
import { compareStrings } from './summarise.js';
import type {
  CallEvent,
  Category,
  Classification,
  EventEvidence,
  Finding,
  ReasonCode,
  Recording,
  Verdict,
} from './types.js';

export interface JudgePolicy {
  pack: PolicyPack;
  classify: (label: string) => Classification;
}

/** What the rules look at: the recording and its joined events, each read under the policy. */
export interface JudgeContext {
  recording: Recording;
  evidence: Array<EventEvidence & { qualifies: Classification['qualifies'] }>;
}

export interface RuleOutcome {
  verdict: Verdict;
  reason: ReasonCode;
  explanation: string;
}

export interface Rule {
  id: string;
  description: string;
  apply(context: JudgeContext): RuleOutcome | null;
}

export interface RuleCheck {
  rule: string;
  description: string;
  outcome: RuleOutcome | null;
}

const labelsOf = (context: JudgeContext, predicate: (e: JudgeContext['evidence'][number]) => boolean) =>
  [...new Set(context.evidence.filter(predicate).map((e) => `"${e.outcome}"`))].join(', ');

/** The rules in order of precedence: the first that applies decides. */
export const RULES: readonly Rule[] = [
  {
    id: 'readable-file',
    description: 'The recording must be a readable audio file.',
    apply: ({ recording }) =>
      recording.problems.length > 0
        ? {
            verdict: 'review',
            reason: 'UNREADABLE_FILE',
            explanation: `The file could not be read as audio (${recording.problems.map((p) => p.message).join('; ')}); a human must check it before anything is deleted.`,
          }
        : null,
  },
  CALL_ID_TRUST_RULE,
  {
    id: 'call-id',
    description: 'The recording must carry a call ID that joins it to the call logs.',
    apply: ({ recording }) =>
      recording.callId === null
        ? {
            verdict: 'review',
            reason: 'NO_CALL_ID',
            explanation:
              'No call ID could be extracted from this recording, so it cannot be matched to a call log.',
          }
        : null,
  },
  {
    id: 'qualifying-event',
    description: 'A call-log event that is an order, order change, cancellation, complaint or objection.',
    apply: (context) =>
      context.evidence.some((e) => e.qualifies === 'yes')
        ? {
            verdict: 'compliant',
            reason: 'QUALIFYING_EVENT',
            explanation: `The call log records a business transaction (${labelsOf(context, (e) => e.qualifies === 'yes')}); the recording may be kept as evidence.`,
          }
        : null,
  },
  {
    id: 'unknown-outcome',
    description: 'Outcome labels the policy cannot read go to a human.',
    apply: (context) =>
      context.evidence.some((e) => e.category === 'unknown')
        ? {
            verdict: 'review',
            reason: 'UNKNOWN_OUTCOME',
            explanation: `The outcome label ${labelsOf(context, (e) => e.category === 'unknown')} is not in the policy vocabulary; map it with --outcome-map or review the call.`,
          }
        : null,
  },
  {
    id: 'ambiguous-category',
    description: 'Categories the policy marks for a human (other relationship change, support).',
    apply: (context) =>
      context.evidence.some((e) => e.qualifies === 'review')
        ? {
            verdict: 'review',
            reason: 'AMBIGUOUS_CATEGORY',
            explanation: `The outcome ${labelsOf(context, (e) => e.qualifies === 'review')} may or may not change the business relationship; a human decides.`,
          }
        : null,
  },
  {
    id: 'non-qualifying-only',
    description: 'Calls whose events are all non-qualifying may not be kept.',
    apply: (context) =>
      context.evidence.length > 0
        ? {
            verdict: 'violation',
            reason: 'NON_QUALIFYING_ONLY',
            explanation: `Every call-log event is non-qualifying (${labelsOf(context, () => true)}); the call led to no transaction, so the recording must be deleted.`,
          }
        : null,
  },
  {
    id: 'no-call-log-entry',
    description: 'A recording without any call-log event has no documented transaction.',
    apply: () => ({
      verdict: 'violation',
      reason: 'NO_CALL_LOG_ENTRY',
      explanation:
        'No call-log event carries this call ID, so nothing shows that the call led to a transaction.',
    }),
  },
];

export function buildContext(
  recording: Recording,
  events: readonly CallEvent[],
  policy: JudgePolicy,
): JudgeContext {
  const evidence = events
    .map((event) => {
      const reading = policy.classify(event.outcome);
      return {
        file: event.file,
        line: event.line,
        outcome: event.outcome,
        category: reading.category,
        matchedBy: reading.matchedBy,
        term: reading.term,
        at: event.at,
        qualifies: reading.qualifies,
      };
    })
    .sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
  return { recording, evidence };
}

/** Every rule in order with what it said; `explain` prints this chain. */
export function traceRules(context: JudgeContext): RuleCheck[] {
  const checks: RuleCheck[] = [];
  for (const rule of RULES) {
    const outcome = rule.apply(context);
    checks.push({ rule: rule.id, description: rule.description, outcome });
    if (outcome) break;
  }
  return checks;
}

export function judge(recording: Recording, events: readonly CallEvent[], policy: JudgePolicy): Finding {
  const context = buildContext(recording, events, policy);
  const decided = traceRules(context).at(-1)?.outcome;
  // The last rule always applies, so a missing outcome is a programming error, not an input problem.
  if (!decided) throw new Error('no rule decided');
  const categories = [...new Set<Category>(context.evidence.map((e) => e.category))].sort(compareStrings);
  return {
    root: recording.root,
    path: recording.path,
    callId: recording.callId,
    idSource: recording.idSource,
    verdict: decided.verdict,
    reason: decided.reason,
    explanation: decided.explanation,
    categories,
    events: context.evidence.map(({ qualifies: _qualifies, ...evidence }) => evidence),
    legalBasis: [...(policy.pack.reasonCitations[decided.reason] ?? [])],
    size: recording.size,
    mtime: recording.mtime,
    format: recording.format,
    codec: recording.codec,
    durationSec: recording.durationSec,
    startedAt: recording.startedAt,
    problems: recording.problems,
  };
}
