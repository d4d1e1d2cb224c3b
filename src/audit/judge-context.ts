import { holdIsActive, holdMatches, holdSubject, type Hold } from '../policy/holds.js';
import type { PolicyPack } from '../policy/types.js';
import { matchDecision, type DecisionMatch } from './decisions.js';
import { DEFAULT_ENGINE, type EngineSettings } from './engine-settings.js';
import { readNotice, type NoticeReading } from './notice.js';
import { compareStrings } from './summarise.js';
import { windowPositionFor, type WindowPosition } from './time-window.js';
import type { Message } from './messages.js';
import type {
  CallEvent,
  DecisionCitation,
  Category,
  Classification,
  EventEvidence,
  LabelPart,
  ReasonCode,
  Recording,
  Verdict,
} from './types.js';

export interface JudgePolicy {
  pack: PolicyPack;
  classify: (label: string) => Classification;
  /** Absent for callers that only classify outcomes: no holds, no deadlines, no coverage. */
  engine?: EngineSettings;
}

export interface JudgedEvidence extends EventEvidence {
  window: WindowPosition;
  qualifies: Classification['qualifies'];
  notice: NoticeReading | null;
  purpose: string | null;
  /** The category the stated purpose reads as, when a purpose column was given. */
  purposeCategory: Category | null;
  /** A confirmed outcome-map row pins this label. */
  confirmed: boolean;
  /** How each part of the label read, for `explain`. */
  parts: readonly LabelPart[];
  /** The log's time for this event was implausible (see CallEvent): it anchors no deadline. */
  timeImplausible: boolean;
}

/** What the rules look at: the recording and its joined events, each read under the policy. */
export interface JudgeContext {
  recording: Recording;
  evidence: JudgedEvidence[];
  holds: { active: Hold[]; expired: Hold[] };
  /** The human decision naming this recording (--decisions), if any. */
  decision: DecisionMatch | null;
  pack: PolicyPack;
  settings: EngineSettings;
}

export interface RuleOutcome {
  verdict: Verdict;
  reason: ReasonCode;
  message: Message;
  deleteBy?: string | null;
  holdIds?: string[];
  decision?: DecisionCitation;
}

export interface Rule {
  id: string;
  description: string;
  apply(context: JudgeContext): RuleOutcome | null;
}

export function buildContext(
  recording: Recording,
  events: readonly CallEvent[],
  policy: JudgePolicy,
): JudgeContext {
  const settings = policy.engine ?? DEFAULT_ENGINE;
  const positionOf = windowPositionFor(recording);
  const evidence: JudgedEvidence[] = [];
  for (const event of events) {
    const reading = policy.classify(event.outcome);
    const purpose = event.purpose ?? null;
    evidence.push({
      file: event.file,
      line: event.line,
      outcome: event.outcome,
      category: reading.category,
      matchedBy: reading.matchedBy,
      term: reading.term,
      at: event.at,
      window: positionOf(event.at, settings.maxEventLagHours),
      qualifies: reading.qualifies,
      notice: event.notice === undefined ? null : readNotice(event.notice),
      purpose,
      purposeCategory: purpose === null ? null : policy.classify(purpose).category,
      confirmed: reading.confirmed === true,
      parts: reading.parts ?? NO_PARTS,
      timeImplausible: event.timeImplausible === true,
    });
  }
  if (evidence.length > 1) evidence.sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
  return {
    recording,
    evidence,
    holds: holdsOf(recording, events, settings),
    decision: matchDecision(settings.decisions, settings.decisionHashes, recording),
    pack: policy.pack,
    settings,
  };
}

const NO_PARTS: readonly LabelPart[] = Object.freeze([]);

const NO_HOLDS: JudgeContext['holds'] = Object.freeze({
  active: Object.freeze([]) as unknown as Hold[],
  expired: Object.freeze([]) as unknown as Hold[],
});

/** The holds that match the recording, still active or ended; most audits have none. */
function holdsOf(
  recording: Recording,
  events: readonly CallEvent[],
  settings: EngineSettings,
): JudgeContext['holds'] {
  if (settings.holds.length === 0) return NO_HOLDS;
  const subject = holdSubject(recording, events);
  const active: Hold[] = [];
  const expired: Hold[] = [];
  for (const hold of settings.holds) {
    if (!holdMatches(hold, subject)) continue;
    // Without a reference time no hold can be shown to have ended: keep.
    if (settings.now === null || holdIsActive(hold, subject, settings.now)) active.push(hold);
    else expired.push(hold);
  }
  return { active, expired };
}
