/**
 * The plain data the audit core works on. Everything here is produced by the readers at the
 * edges (archive, calllog) and consumed by pure functions (join, judge) and reporters.
 */

import type { Message } from './messages.js';

export type Verdict = 'compliant' | 'violation' | 'review' | 'hold';

/** Verdicts ordered by how urgently a human must act; used for --fail-on thresholds. */
export const VERDICT_SEVERITY: Record<Verdict, number> = { compliant: 0, hold: 0, review: 1, violation: 2 };

export type Category =
  | 'order'
  | 'order_change'
  | 'cancellation'
  | 'complaint'
  | 'objection'
  | 'relationship_change'
  | 'support'
  | 'information'
  | 'no_sale'
  | 'staff_monitoring'
  | 'abuse_prevention'
  | 'other_non_qualifying'
  | 'technical_interruption'
  | 'data_protection_request'
  | 'legal_dispute'
  | 'unknown';

/** What a category means for keeping a recording: qualifies, does not, or a human decides. */
export type Qualifies = 'yes' | 'no' | 'review';

/** Stable reason codes. Codes never change once released; new ones may be added. */
export type ReasonCode =
  | 'QUALIFYING_EVENT'
  | 'NON_QUALIFYING_ONLY'
  | 'NO_CALL_LOG_ENTRY'
  | 'UNKNOWN_OUTCOME'
  | 'AMBIGUOUS_CATEGORY'
  | 'NO_CALL_ID'
  | 'UNREADABLE_FILE'
  | 'CONFLICTING_CALL_ID'
  | 'RETENTION_EXPIRED'
  | 'LEGAL_HOLD'
  | 'HOLD_EXPIRED'
  | 'NO_PRIOR_NOTICE'
  | 'EVENT_TIME_MISMATCH'
  | 'OUTSIDE_LOG_COVERAGE'
  | 'COVERAGE_UNKNOWN'
  | 'UNLAWFUL_STATED_PURPOSE'
  | 'UNREADABLE_SIDECAR'
  | 'UNCONFIRMED_LABEL'
  | 'REVIEWED_KEEP'
  | 'REVIEWED_DELETE';

/** How the call ID of a recording was found. */
export type IdSource = 'filename' | 'path' | 'tag' | 'sidecar' | 'none';

export interface FileProblem {
  code: 'EMPTY_FILE' | 'TRUNCATED' | 'UNDECODABLE' | 'UNREADABLE' | 'NO_CALL_ID' | string;
  message: string;
}

/** One audio file in an archive, as probed. Paths are relative to `root`, with forward slashes. */
export interface Recording {
  root: string;
  path: string;
  size: number;
  /** Modification time, ISO 8601 UTC with milliseconds. */
  mtime: string;
  callId: string | null;
  idSource: IdSource;
  /** Container as music-metadata names it (e.g. WAVE, MPEG, Ogg), or from the extension. */
  format: string | null;
  codec: string | null;
  durationSec: number | null;
  /** When the call started, ISO 8601 UTC, if known. */
  startedAt: string | null;
  timeSource: 'filename' | 'path' | 'tag' | 'sidecar' | 'mtime' | null;
  /** Call-ID trouble found while reading tags or sidecars (CONFLICTING_CALL_ID, UNREADABLE_SIDECAR). */
  idProblems?: FileProblem[];
  /** Problems that make the file unreadable as audio; empty when the file is fine. */
  problems: FileProblem[];
  /** Only under an s3:// root: which version of the object was audited. */
  object?: StoredObject;
}

/** The version of an S3 object an audit read; `purge` acts only on that version. */
interface StoredObject {
  /** null in a bucket that never had versioning on. */
  versionId: string | null;
  etag: string;
}

/** One row of a call log. */
export interface CallEvent {
  callId: string;
  /** Event time, ISO 8601 UTC, or null when the log has no (readable, plausible) time for it. */
  at: string | null;
  /**
   * The log gave a time, but an implausible one (Excel's 1900-01-01 zero date, a year in the
   * future): `at` is null, and no retention deadline may be counted for this event.
   */
  timeImplausible?: true;
  outcome: string;
  /** Call-log file as given on the command line (relative to the working directory). */
  file: string;
  /** 1-based line where the CSV record starts. */
  line: number;
  customerId?: string | null;
  notice?: string | null;
  purpose?: string | null;
  /** A telephony CDR row: links a recording to a call but carries no business outcome. */
  telephony?: boolean;
  /** Other IDs of the same call from this row (Asterisk linkedid), used to reach CRM rows. */
  linkedIds?: string[];
}

/** How one outcome label, or one part of it, was read under the policy. */
export interface Classification {
  category: Category;
  /** Usually the category's; `review` for a qualifying word that is only the call's topic. */
  qualifies: Qualifies;
  /** Which rule produced the category. */
  matchedBy: 'outcome-map' | 'vocabulary' | 'negation' | 'tie' | 'topic' | 'none';
  /** The vocabulary phrase or outcome-map label that matched. */
  term: string | null;
  /** The decision trail: each part of the label and how it read (absent for hand-made readings). */
  parts?: readonly LabelPart[];
  /** True when a confirmed outcome-map row pins the whole label (see `--labels confirmed`). */
  confirmed?: boolean;
}

/** One part of an outcome label ("Reklamacija, klic prekinjen" has two) and why it read as it did. */
export interface LabelPart extends Omit<Classification, 'parts' | 'confirmed'> {
  /** The part's words, normalised (lower case, diacritics folded). */
  text: string;
  /** Every vocabulary entry found in the part, except those inside a longer entry. */
  matches: ReadonlyArray<{ phrase: string; category: Category }>;
  /** Negation words found in the part. */
  negations: readonly string[];
  /** The topic marker found in the part ("vprasanj o", "status"), if any. */
  topic: string | null;
}

export interface EventEvidence {
  file: string;
  line: number;
  outcome: string;
  category: Category;
  matchedBy: Classification['matchedBy'];
  term: string | null;
  /** Set (true) only when a confirmed outcome-map row pins the label; absent otherwise. */
  confirmed?: boolean;
  at: string | null;
  /** Where the event lies relative to the recording's evidence window. */
  window?: 'inside' | 'before' | 'after' | 'unknown-time';
}

export interface Finding {
  root: string;
  path: string;
  callId: string | null;
  idSource: IdSource;
  verdict: Verdict;
  reason: ReasonCode;
  /** Why the verdict, as a message code and arguments; each report renders it in its language. */
  message: Message;
  /** Set only when the audit ran with --baseline: whether this finding was in the baseline. */
  baseline?: 'new' | 'persisting';
  /** Distinct categories of the joined events, sorted. */
  categories: Category[];
  events: EventEvidence[];
  /** Citation ids from the policy pack that back the verdict. */
  legalBasis: string[];
  size: number;
  mtime: string;
  format: string | null;
  codec: string | null;
  durationSec: number | null;
  startedAt: string | null;
  problems: FileProblem[];
  /** Where `startedAt` came from; `mtime` is the weakest evidence. */
  timeSource?: Recording['timeSource'];
  /** When a kept recording must be deleted at the latest (compliant), or had to be (expired). */
  deleteBy?: string | null;
  /** Legal holds that decided the verdict (active for `hold`, ended for HOLD_EXPIRED). */
  holdIds?: string[];
  /** The human decision (--decisions) that decided the verdict. */
  decision?: DecisionCitation;
  /** Review findings: when the first audit raised this review (kept through --baseline). */
  reviewSince?: string;
  /** SHA-256 of the file, only for violations and only with `audit --hash`. */
  sha256?: string;
  /** Only under an s3:// root: the object version the verdict is about. */
  object?: StoredObject;
}

export interface Summary {
  recordings: number;
  compliant: number;
  violation: number;
  review: number;
  hold: number;
  byReason: Partial<Record<ReasonCode, number>>;
}

/** A human decision as a finding cites it. */
export interface DecisionCitation {
  /** `file:line` of the decision in the decisions file. */
  id: string;
  decision: 'keep' | 'delete';
  category: Category | null;
  reviewer: string;
  decidedAt: string;
  reason: string;
  evidence: string | null;
}
