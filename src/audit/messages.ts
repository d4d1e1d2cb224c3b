/**
 * What a rule says about a recording, as data: a message code and its arguments. The core never
 * writes prose; each report renders the message in its language from its catalogue
 * (src/report/messages). Times in arguments are ISO 8601 UTC; a renderer shows them in the audit's
 * zone. Outcome labels, purposes and hold texts are quoted as found (CRM free text).
 */

/** A legal hold as a message cites it. */
export interface HoldRef {
  type: string;
  reference: string;
  reason: string;
  id: string;
}

/** A reviewer's decision as a message cites it. */
export interface DecisionRef {
  decision: 'keep' | 'delete';
  category: string | null;
  reviewer: string;
  decidedAt: string;
  reason: string;
  evidence: string | null;
  id: string;
}

/** A hold the pack suggests for a category (data-subject request, lawsuit) and its citations. */
export interface HoldSuggestion {
  type: string;
  citations: string[];
}

/** The arguments of every message code. Adding a code here makes both catalogues fail to compile until they render it. */
export interface MessageArgs {
  LEGAL_HOLD: { holds: HoldRef[] };
  UNREADABLE_FILE: { problems: Array<{ code: string; message: string }> };
  CONFLICTING_CALL_ID: { detail: string };
  UNREADABLE_SIDECAR: { detail: string };
  REVIEWED_DELETE: { decision: DecisionRef };
  REVIEWED_KEEP: { decision: DecisionRef; deleteBy: string | null };
  REVIEWED_KEEP_EXPIRED: { decision: DecisionRef; category: string | null; deleteBy: string };
  NO_CALL_ID: Record<string, never>;
  NO_PRIOR_NOTICE: { labels: string[]; deletes: boolean };
  UNLAWFUL_STATED_PURPOSE: { purposes: string[] };
  RETENTION_EXPIRED: { labels: string[]; deleteBy: string };
  QUALIFYING_EVENT: { labels: string[]; deleteBy: string | null };
  EVENT_TIME_MISMATCH: {
    labels: string[];
    /** False when the events out of the window are non-qualifying (absent in older reports: true). */
    qualifying?: boolean;
    byMtime: boolean;
    startedAt: string | null;
    timeSource: string | null;
    maxEventLagHours: number;
  };
  UNKNOWN_OUTCOME: { labels: string[] };
  AMBIGUOUS_CATEGORY: { labels: string[]; topicOnly: boolean; holdSuggestions: HoldSuggestion[] };
  UNCONFIRMED_LABEL: { labels: string[] };
  NON_QUALIFYING_ONLY: { labels: string[] };
  OUTSIDE_LOG_COVERAGE: { startedAt: string | null; timeSource: string | null; spans: string[] };
  COVERAGE_NO_DATA: Record<string, never>;
  COVERAGE_UNKNOWN_TIME: { spans: string[] };
  COVERAGE_MTIME_ONLY: { startedAt: string | null; spans: string[] };
  NO_CALL_LOG_ENTRY: Record<string, never>;
  HOLD_EXPIRED: { wouldBe: { reason: string; message: Message }; holds: HoldRef[] };
  /** A report written before messages existed: its English explanation, as it was. */
  TEXT: { text: string };
}

export type MessageCode = keyof MessageArgs;

export type Message = { [C in MessageCode]: { code: C; args: MessageArgs[C] } }[MessageCode];

const CODES: Record<MessageCode, true> = {
  LEGAL_HOLD: true,
  UNREADABLE_FILE: true,
  CONFLICTING_CALL_ID: true,
  UNREADABLE_SIDECAR: true,
  REVIEWED_DELETE: true,
  REVIEWED_KEEP: true,
  REVIEWED_KEEP_EXPIRED: true,
  NO_CALL_ID: true,
  NO_PRIOR_NOTICE: true,
  UNLAWFUL_STATED_PURPOSE: true,
  RETENTION_EXPIRED: true,
  QUALIFYING_EVENT: true,
  EVENT_TIME_MISMATCH: true,
  UNKNOWN_OUTCOME: true,
  AMBIGUOUS_CATEGORY: true,
  UNCONFIRMED_LABEL: true,
  NON_QUALIFYING_ONLY: true,
  OUTSIDE_LOG_COVERAGE: true,
  COVERAGE_NO_DATA: true,
  COVERAGE_UNKNOWN_TIME: true,
  COVERAGE_MTIME_ONLY: true,
  NO_CALL_LOG_ENTRY: true,
  HOLD_EXPIRED: true,
  TEXT: true,
};

/** Every message code, for the test that every catalogue renders each one. */
export const MESSAGE_CODES = Object.keys(CODES) as MessageCode[];

export function message<C extends MessageCode>(code: C, args: MessageArgs[C]): Message {
  return { code, args } as Message;
}

const NO_ARGS = Object.freeze({}) as Record<string, never>;

/** A message without arguments, shared by every finding that says it. */
export function bare(code: 'NO_CALL_ID' | 'COVERAGE_NO_DATA' | 'NO_CALL_LOG_ENTRY'): Message {
  return { code, args: NO_ARGS };
}
