import type { Hold } from '../policy/holds.js';
import { placeInCoverage, type CoveragePlace } from './coverage.js';
import { decidedAfterHolds, DECISION_RULE } from './decision-rule.js';
import { CALL_ID_TRUST_RULE } from './id-rules.js';
import type { JudgeContext, Rule, RuleOutcome } from './judge-context.js';
import { deleteByOf, isPast } from './retention.js';
import { bare, message, type HoldRef, type HoldSuggestion, type Message } from './messages.js';
import { countsAsEvidence } from './time-window.js';

type Evidence = JudgeContext['evidence'][number];

/** The distinct outcome labels of the matching evidence, in evidence order. */
function labelsOf(context: JudgeContext, predicate: (e: Evidence) => boolean): string[] {
  // A recording has one to three events as a rule: a list beats a set at that size.
  const labels: string[] = [];
  for (const e of context.evidence) {
    if (predicate(e) && !labels.includes(e.outcome)) labels.push(e.outcome);
  }
  return labels;
}

const holdRefs = (holds: readonly Hold[]): HoldRef[] =>
  holds.map((h) => ({ type: h.type, reference: h.reference, reason: h.reason, id: h.id }));

const UNLAWFUL_PURPOSES = new Set(['staff_monitoring', 'abuse_prevention']);

/** Evidence that counts for this recording: inside the time window, or of unknown time. */
const counted = (e: Evidence) => countsAsEvidence(e.window);
const qualifying = (e: Evidence) => e.qualifies === 'yes';

/**
 * Review for events that lie only outside the recording's time window: a call ID reused on another
 * day, or a wrong join, would otherwise decide this recording's fate.
 */
function timeMismatch(context: JudgeContext, isQualifying: boolean): RuleOutcome {
  const { recording, settings } = context;
  return {
    verdict: 'review',
    reason: 'EVENT_TIME_MISMATCH',
    message: message('EVENT_TIME_MISMATCH', {
      labels: labelsOf(context, isQualifying ? qualifying : () => true),
      ...(isQualifying ? {} : { qualifying: false }),
      byMtime: recording.timeSource === 'mtime',
      startedAt: recording.startedAt,
      timeSource: recording.timeSource,
      maxEventLagHours: settings.maxEventLagHours,
    }),
  };
}

/**
 * For categories the pack ties to a hold (a data-subject request, a lawsuit): which hold to
 * consider and the articles it rests on; empty when none applies.
 */
function holdSuggestions(context: JudgeContext, events: readonly Evidence[]): HoldSuggestion[] {
  const { pack } = context;
  const types = new Set(
    events.flatMap((e) => pack.categories.find((c) => c.code === e.category)?.suggestsHold ?? []),
  );
  return [...types].map((type) => ({ type, citations: [...(pack.holdCitations?.[type] ?? [])] }));
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

/** Why a recording without a call-log row cannot be judged by that absence, by where it lies. */
const COVERAGE_UNKNOWN_BECAUSE: Record<
  Exclude<CoveragePlace, 'inside' | 'outside'>,
  (recording: JudgeContext['recording'], spans: string[]) => Message
> = {
  'no-coverage-data': () => bare('COVERAGE_NO_DATA'),
  'unknown-time': (_, spans) => message('COVERAGE_UNKNOWN_TIME', { spans }),
  'mtime-only': (recording, spans) =>
    message('COVERAGE_MTIME_ONLY', { startedAt: recording.startedAt, spans }),
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
            message: message('LEGAL_HOLD', { holds: holdRefs(holds.active) }),
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
            message: message('UNREADABLE_FILE', {
              problems: recording.problems.map((p) => ({ code: p.code, message: p.message })),
            }),
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
            message: bare('NO_CALL_ID'),
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
      return {
        verdict,
        reason: 'NO_PRIOR_NOTICE',
        message: message('NO_PRIOR_NOTICE', { labels, deletes: verdict === 'violation' }),
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
      const purposes = [...new Set(unlawful.map((e) => e.purpose ?? ''))];
      return {
        verdict: 'review',
        reason: 'UNLAWFUL_STATED_PURPOSE',
        message: message('UNLAWFUL_STATED_PURPOSE', { purposes }),
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
          message: message('RETENTION_EXPIRED', { labels, deleteBy }),
          deleteBy,
        };
      }
      return {
        verdict: 'compliant',
        reason: 'QUALIFYING_EVENT',
        message: message('QUALIFYING_EVENT', { labels, deleteBy }),
        deleteBy,
      };
    },
  },
  {
    id: 'event-time',
    description:
      'Qualifying events that lie only outside the time window may belong to another call (for a recording dated by its file modification time: only events more than --max-event-lag after it).',
    apply: (context) => (context.evidence.some(qualifying) ? timeMismatch(context, true) : null),
  },
  {
    id: 'unknown-outcome',
    description: 'Outcome labels the policy cannot read go to a human.',
    apply: (context) =>
      context.evidence.some((e) => e.category === 'unknown')
        ? {
            verdict: 'review',
            reason: 'UNKNOWN_OUTCOME',
            message: message('UNKNOWN_OUTCOME', {
              labels: labelsOf(context, (e) => e.category === 'unknown'),
            }),
          }
        : null,
  },
  {
    id: 'ambiguous-category',
    description: 'Categories the policy marks for a human (other relationship change, support).',
    apply: (context) => {
      const doubtful = context.evidence.filter((e) => e.qualifies === 'review');
      if (doubtful.length === 0) return null;
      return {
        verdict: 'review',
        reason: 'AMBIGUOUS_CATEGORY',
        message: message('AMBIGUOUS_CATEGORY', {
          labels: labelsOf(context, (e) => e.qualifies === 'review'),
          topicOnly: doubtful.some((e) => e.matchedBy === 'topic'),
          holdSuggestions: holdSuggestions(context, doubtful),
        }),
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
            message: message('UNCONFIRMED_LABEL', { labels: labelsOf(context, (e) => !e.confirmed) }),
          }
        : null,
  },
  {
    id: 'non-qualifying-only',
    description:
      'Calls whose events are all non-qualifying may not be kept; when none of them lies inside the time window, they may belong to another call, and a human checks.',
    apply: (context) => {
      if (context.evidence.length === 0) return null;
      if (!context.evidence.some(counted)) return timeMismatch(context, false);
      return {
        verdict: 'violation',
        reason: 'NON_QUALIFYING_ONLY',
        message: message('NON_QUALIFYING_ONLY', { labels: labelsOf(context, () => true) }),
      };
    },
  },
  {
    id: 'log-coverage',
    description:
      'A recording without a call-log event is judged by that absence only when its time is known and lies inside a known coverage period (--log-period, or the span of --time-column).',
    apply: ({ recording, settings }) => {
      const place = placeInCoverage(recording, settings.coverage);
      if (place === 'inside') return null;
      const spans = settings.coverage.spans.map((s) => `${s.from}..${s.to}`);
      if (place === 'outside')
        return {
          verdict: 'review',
          reason: 'OUTSIDE_LOG_COVERAGE',
          message: message('OUTSIDE_LOG_COVERAGE', {
            startedAt: recording.startedAt,
            timeSource: recording.timeSource,
            spans,
          }),
        };
      return {
        verdict: 'review',
        reason: 'COVERAGE_UNKNOWN',
        message: COVERAGE_UNKNOWN_BECAUSE[place](recording, spans),
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
      message: bare('NO_CALL_LOG_ENTRY'),
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
            message: message('HOLD_EXPIRED', {
              wouldBe: { reason: decided.reason, message: decided.message },
              holds: holdRefs(holds.expired),
            }),
            holdIds: holds.expired.map((h) => h.id),
          }
        : null,
  },
];
