import type { Hold } from '../policy/holds.js';
import { placeInCoverage, type CoveragePlace } from './coverage.js';
import { decidedAfterHolds, DECISION_RULE } from './decision-rule.js';
import { CALL_ID_TRUST_RULE } from './id-rules.js';
import type { JudgeContext, Rule, RuleOutcome } from './judge-context.js';
import { deleteByOf, isPast } from './retention.js';
import { countsAsEvidence } from './time-window.js';

type Evidence = JudgeContext['evidence'][number];

/** The distinct quoted outcome labels of the matching evidence, in evidence order. */
function labelsOf(context: JudgeContext, predicate: (e: Evidence) => boolean): string {
  // A recording has one to three events as a rule: a list beats a set at that size.
  const labels: string[] = [];
  for (const e of context.evidence) {
    if (predicate(e) && !labels.includes(e.outcome)) labels.push(e.outcome);
  }
  return labels.length === 1 ? `"${labels[0]}"` : labels.map((label) => `"${label}"`).join(', ');
}

const describeHolds = (holds: readonly Hold[]) =>
  holds.map((h) => `${h.type} ${h.reference} (${h.reason}; ${h.id})`).join('; ');

const UNLAWFUL_PURPOSES = new Set(['staff_monitoring', 'abuse_prevention']);

/** Evidence that counts for this recording: inside the time window, or of unknown time. */
const counted = (e: Evidence) => countsAsEvidence(e.window);
const qualifying = (e: Evidence) => e.qualifies === 'yes';

/**
 * For categories the pack ties to a hold (a data-subject request, a lawsuit): which hold to
 * consider and the article it rests on, as a sentence; empty when none applies.
 */
function holdSuggestion(context: JudgeContext, events: readonly Evidence[]): string {
  const { pack } = context;
  const types = new Set(
    events.flatMap((e) => pack.categories.find((c) => c.code === e.category)?.suggestsHold ?? []),
  );
  return [...types]
    .map((type) => {
      const cited = pack.holdCitations?.[type] ?? [];
      return ` Consider a ${type} hold${cited.length > 0 ? ` (${cited.join(', ')})` : ''} before anything is deleted.`;
    })
    .join('');
}

/**
 * The latest deadline over the counted qualifying events: the recording proves each of them.
 * None when one of them had an implausible time: its true deadline could be later than any
 * other, so no deadline may send the recording to deletion.
 */
function retentionDeadline(context: JudgeContext): string | null {
  const { pack, settings, recording } = context;
  let latest: string | null = null;
  let latestMs = -Infinity;
  for (const event of context.evidence) {
    if (!qualifying(event) || !counted(event)) continue;
    if (event.timeImplausible) return null;
    const anchor = event.at ?? recording.startedAt;
    const period = pack.retention.periods[event.category];
    if (anchor === null || period === undefined) continue;
    const deadline = deleteByOf(anchor, period, pack.retention.graceDays, settings.zone);
    const ms = Date.parse(deadline);
    if (latest === null || ms > latestMs) {
      latest = deadline;
      latestMs = ms;
    }
  }
  return latest;
}

const NO_ROW = 'No call-log event carries this call ID, but';

/** Why a recording without a call-log row cannot be judged by that absence, by where it lies. */
const COVERAGE_UNKNOWN_BECAUSE: Record<
  Exclude<CoveragePlace, 'inside' | 'outside'>,
  (recording: JudgeContext['recording'], spans: string) => string
> = {
  'no-coverage-data': () =>
    `${NO_ROW} nothing says which period the call logs cover (no --time-column, no --log-period), so its absence proves nothing: a log of another month would look the same. Give --time-column or --log-period to decide it.`,
  'unknown-time': (_, spans) =>
    `${NO_ROW} the recording's time is unknown, so it cannot be shown to lie inside the period the call logs cover (${spans}); a human checks when the call took place.`,
  'mtime-only': (recording, spans) =>
    `${NO_ROW} the recording is dated only by its file modification time (${recording.startedAt}); the call started at or before it, possibly before the period the call logs cover (${spans}), so its absence proves nothing. A preset, tag or sidecar that gives the call time decides it.`,
};

/** The rules in order of precedence: the first that applies decides. */
export const RULES: readonly Rule[] = [
  {
    id: 'legal-hold',
    description:
      'An active legal hold (pending data-subject request, litigation, regulatory duty, authority order) keeps the recording whatever else is true.',
    apply: ({ holds }) =>
      holds.active.length > 0
        ? {
            verdict: 'hold',
            reason: 'LEGAL_HOLD',
            explanation: `Kept under an active legal hold: ${describeHolds(holds.active)}.`,
            holdIds: holds.active.map((h) => h.id),
          }
        : null,
  },
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
  DECISION_RULE,
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
    id: 'prior-notice',
    description:
      'The caller must have been told of the recording beforehand (only checked with --notice-column).',
    apply: (context) => {
      const said = (notice: Evidence['notice']) =>
        context.evidence.some((e) => counted(e) && e.notice === notice);
      if (!said('not-given') || said('given')) return null;
      const labels = labelsOf(context, (e) => e.notice === 'not-given');
      // A "no" is often how outbound calls log a notice the agent read out, so deletion on it
      // alone is the DPO's explicit choice (config noticeMissing or the pack), never the default.
      const verdict = context.settings.noticeMissing ?? context.pack.noticeMissing ?? 'review';
      const consequence =
        verdict === 'violation'
          ? 'without prior notice the recording is unlawful even if a transaction followed'
          : 'a human checks whether notice was given another way (e.g. read out by the agent) before the recording is deleted; noticeMissing "violation" makes this a deletion once the column is known to be reliable';
      return {
        verdict,
        reason: 'NO_PRIOR_NOTICE',
        explanation: `The call log says the caller was not told of the recording beforehand (${labels}); ${consequence}.`,
      };
    },
  },
  {
    id: 'stated-purpose',
    description:
      'A recording kept for quality, training, monitoring or abuse prevention has no lawful purpose in Slovenia, even with a qualifying event (only checked with --purpose-column).',
    apply: (context) => {
      const unlawful = context.evidence.filter(
        (e) => counted(e) && e.purposeCategory !== null && UNLAWFUL_PURPOSES.has(e.purposeCategory),
      );
      // Only decides when the recording would otherwise be kept: it never softens a violation.
      if (unlawful.length === 0 || !context.evidence.some(qualifying)) return null;
      const purposes = [...new Set(unlawful.map((e) => `"${e.purpose}"`))].join(', ');
      return {
        verdict: 'review',
        reason: 'UNLAWFUL_STATED_PURPOSE',
        explanation: `The stated recording purpose ${purposes} is not a lawful purpose for recording calls; a human decides whether the qualifying event justifies keeping it.`,
      };
    },
  },
  {
    id: 'qualifying-event',
    description:
      'A call-log event inside the time window that is an order, order change, cancellation, complaint or objection; kept until its retention period ends.',
    apply: (context) => {
      if (!context.evidence.some((e) => qualifying(e) && counted(e))) return null;
      const labels = labelsOf(context, (e) => qualifying(e) && counted(e));
      const deleteBy = retentionDeadline(context);
      const now = context.settings.now;
      if (deleteBy !== null && now !== null && isPast(now, deleteBy)) {
        return {
          verdict: 'violation',
          reason: 'RETENTION_EXPIRED',
          explanation: `The call log records a business transaction (${labels}), but its retention period ended on ${deleteBy}; the recording must be deleted.`,
          deleteBy,
        };
      }
      return {
        verdict: 'compliant',
        reason: 'QUALIFYING_EVENT',
        explanation: `The call log records a business transaction (${labels}); the recording may be kept as evidence${deleteBy === null ? ' (no time known, so no deadline could be computed)' : ` until ${deleteBy}`}.`,
        deleteBy,
      };
    },
  },
  {
    id: 'event-time',
    description:
      'Qualifying events that lie only outside the time window may belong to another call (for a recording dated by its file modification time: only events more than --max-event-lag after it).',
    apply: (context) => {
      if (!context.evidence.some(qualifying)) return null;
      const { recording, settings } = context;
      const window =
        recording.timeSource === 'mtime'
          ? `more than ${settings.maxEventLagHours} hours after the file's modification time (${recording.startedAt}); the call started at or before that time, as copies and conversions only move it later`
          : `outside the window from 1 hour before to ${settings.maxEventLagHours} hours after the recording (${recording.startedAt}, from ${recording.timeSource})`;
      return {
        verdict: 'review',
        reason: 'EVENT_TIME_MISMATCH',
        explanation: `The qualifying event ${labelsOf(context, qualifying)} lies ${window}; a human checks that it belongs to this call.`,
      };
    },
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
    apply: (context) => {
      const doubtful = context.evidence.filter((e) => e.qualifies === 'review');
      if (doubtful.length === 0) return null;
      const topicOnly = doubtful.some((e) => e.matchedBy === 'topic')
        ? ' (a qualifying word is only the topic of the call: an open complaint or order may be behind it)'
        : '';
      return {
        verdict: 'review',
        reason: 'AMBIGUOUS_CATEGORY',
        explanation: `The outcome ${labelsOf(context, (e) => e.qualifies === 'review')} may or may not change the business relationship${topicOnly}; a human decides.${holdSuggestion(context, doubtful)}`,
      };
    },
  },
  {
    id: 'confirmed-label',
    description:
      'With --labels confirmed, a non-qualifying label leads to deletion only when a confirmed outcome-map row pins it.',
    apply: (context) =>
      context.settings.labels === 'confirmed' && context.evidence.some((e) => !e.confirmed)
        ? {
            verdict: 'review',
            reason: 'UNCONFIRMED_LABEL',
            explanation: `The outcome ${labelsOf(context, (e) => !e.confirmed)} reads as non-qualifying, but no confirmed outcome-map row confirms the label (--labels confirmed); confirm it in the outcome map (callaudit labels --write-map) or review the call.`,
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
    id: 'log-coverage',
    description:
      'A recording without a call-log event is judged by that absence only when its time is known and lies inside a known coverage period (--log-period, or the span of --time-column).',
    apply: ({ recording, settings }) => {
      const place = placeInCoverage(recording, settings.coverage);
      if (place === 'inside') return null;
      const spans = settings.coverage.spans.map((s) => `${s.from}..${s.to}`).join(', ');
      if (place === 'outside')
        return {
          verdict: 'review',
          reason: 'OUTSIDE_LOG_COVERAGE',
          explanation: `No call-log event carries this call ID, but the recording (${recording.startedAt}, from ${recording.timeSource}) lies outside the period the call logs cover (${spans}); give the call log of that period.`,
        };
      return {
        verdict: 'review',
        reason: 'COVERAGE_UNKNOWN',
        explanation: COVERAGE_UNKNOWN_BECAUSE[place](recording, spans),
      };
    },
  },
  {
    id: 'no-call-log-entry',
    description:
      'A recording of known time, inside the known coverage of the call logs, without any call-log event has no documented transaction.',
    apply: () => ({
      verdict: 'violation',
      reason: 'NO_CALL_LOG_ENTRY',
      explanation:
        'No call-log event carries this call ID, so nothing shows that the call led to a transaction.',
    }),
  },
];

/** Checked after a rule decided: safeguards that may soften, never harden, the verdict. */
export const SAFEGUARDS: ReadonlyArray<{
  id: string;
  description: string;
  apply(context: JudgeContext, decided: RuleOutcome): RuleOutcome | null;
}> = [
  {
    id: 'expired-hold',
    description: 'A recording once under a legal hold never goes straight to deletion when the hold ends.',
    apply: ({ holds, settings }, decided) =>
      decided.verdict === 'violation' &&
      holds.expired.length > 0 &&
      !decidedAfterHolds(decided, holds.expired, settings.zone)
        ? {
            verdict: 'review',
            reason: 'HOLD_EXPIRED',
            explanation: `Would be a violation (${decided.reason}: ${decided.explanation}) but was under a legal hold that has ended: ${describeHolds(holds.expired)}; a human confirms before deletion.`,
            holdIds: holds.expired.map((h) => h.id),
          }
        : null,
  },
];
