import { placeInCoverage, type CoveragePlace } from './coverage.js';
import { buildContext, decisionOf, RULES, traceRules, type JudgePolicy } from './judge.js';
import type { JudgedEvidence } from './judge-context.js';
import type { Message } from './messages.js';
import { legalBasisOf } from './shared-parts.js';
import { EVENT_LEAD_MS } from './time-window.js';
import type { CallEvent, ReasonCode, Recording, Verdict } from './types.js';
import type { Hold } from '../policy/holds.js';
import type { CitationStatus } from '../policy/types.js';

type RuleStatus = 'does not apply' | 'decides' | 'not reached' | 'softens';

interface ExplainedRule {
  order: number;
  rule: string;
  kind: 'rule' | 'safeguard';
  description: string;
  status: RuleStatus;
  verdict: Verdict | null;
  reason: ReasonCode | null;
}

interface ExplainedCitation {
  id: string;
  status: CitationStatus;
  textSl: string;
  textEn: string;
  source: string;
}

/** The whole reasoning for one recording, as `callaudit explain` prints it. */
export interface Explanation {
  recording: Recording & { idRule: string };
  /** `from` is null for a recording dated by its modification time: no event is too early. */
  window: { from: string | null; to: string; maxEventLagHours: number } | null;
  events: Array<Omit<JudgedEvidence, 'window'> & { window: JudgedEvidence['window'] }>;
  holds: { active: Hold[]; expired: Hold[] };
  coverage: { basis: string; recording: CoveragePlace };
  rules: ExplainedRule[];
  verdict: Verdict;
  reason: ReasonCode;
  message: Message;
  deleteBy: string | null;
  legalBasis: ExplainedCitation[];
}

/**
 * Traces one recording through every rule. `idRule` says where its call ID was found and by which
 * setting (archive/id-rule.ts). Pure: the caller supplies recording, events and policy.
 */
export function explainRecording(
  recording: Recording,
  events: readonly CallEvent[],
  policy: JudgePolicy,
  idRule: string,
): Explanation {
  const context = buildContext(recording, events, policy);
  const trace = traceRules(context);
  const decided = decisionOf(trace);
  const decidingRule = trace.filter((c) => c.kind === 'rule').length - 1;

  const rules: ExplainedRule[] = RULES.map((rule, index) => {
    const check = trace[index];
    const status: RuleStatus =
      index < decidingRule ? 'does not apply' : index === decidingRule ? 'decides' : 'not reached';
    return {
      order: index + 1,
      rule: rule.id,
      kind: 'rule',
      description: rule.description,
      status,
      verdict: status === 'decides' ? (check?.outcome?.verdict ?? null) : null,
      reason: status === 'decides' ? (check?.outcome?.reason ?? null) : null,
    };
  });
  for (const check of trace.filter((c) => c.kind === 'safeguard')) {
    rules.push({
      order: rules.length + 1,
      rule: check.rule,
      kind: 'safeguard',
      description: check.description,
      status: check.outcome ? 'softens' : 'does not apply',
      verdict: check.outcome?.verdict ?? null,
      reason: check.outcome?.reason ?? null,
    });
  }

  const { settings, pack } = context;
  // Mirrors time-window.ts: a modification time bounds the call's start from above only.
  const start = recording.startedAt === null ? NaN : Date.parse(recording.startedAt);
  const window = Number.isNaN(start)
    ? null
    : {
        from: recording.timeSource === 'mtime' ? null : new Date(start - EVENT_LEAD_MS).toISOString(),
        to: new Date(start + settings.maxEventLagHours * 3_600_000).toISOString(),
        maxEventLagHours: settings.maxEventLagHours,
      };

  return {
    recording: { ...recording, idRule },
    window,
    events: context.evidence,
    holds: context.holds,
    coverage: {
      basis: settings.coverage.basis,
      recording: placeInCoverage(recording, settings.coverage),
    },
    rules,
    verdict: decided.verdict,
    reason: decided.reason,
    message: decided.message,
    deleteBy: decided.deleteBy ?? null,
    legalBasis: legalBasisOf(pack, decided.reason, context.holds.active).flatMap((id) => {
      const citation = pack.citations[id];
      return citation ? [{ ...citation }] : [];
    }),
  };
}
