import type { Category } from './types.js';

export const DECISION_KINDS = ['keep', 'delete'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** One human decision on a review finding; the decisions file is the trail, so rows are never rewritten. */
export interface Decision {
  /** `file:line` (CSV) or `file#index` (JSON). */
  id: string;
  callId: string | null;
  /** Path relative to the archive root, forward slashes; when given, it alone names the recording. */
  path: string | null;
  decision: DecisionKind;
  /** The category the recording is kept for (keep only): its retention period applies. */
  category: Category | null;
  reason: string;
  reviewer: string;
  decidedAt: string;
  evidence: string | null;
  /** When given, the decision holds only for these exact bytes. */
  recordingSha256: string | null;
}

export interface DecisionSubject {
  callId: string | null;
  path: string;
}

const callKey = (callId: string) => callId.trim().toLowerCase();

/**
 * The decisions indexed by call ID and by path. A later row overrides an earlier one for the same
 * recording: the file is appended to, never rewritten, so a changed mind is a new row.
 */
export class DecisionBook {
  private readonly byCall = new Map<string, number>();
  private readonly byPath = new Map<string, number>();

  constructor(readonly list: readonly Decision[]) {
    // A path names one recording; a call ID alone names every recording of the call.
    list.forEach((d, index) => {
      if (d.path !== null) this.byPath.set(d.path, index);
      else if (d.callId !== null) this.byCall.set(callKey(d.callId), index);
    });
  }

  /** The latest decision naming the recording's call ID or path, or null. */
  find(subject: DecisionSubject): Decision | null {
    const byCall = subject.callId === null ? undefined : this.byCall.get(callKey(subject.callId));
    const byPath = this.byPath.get(subject.path);
    const index = Math.max(byCall ?? -1, byPath ?? -1);
    return index < 0 ? null : this.list[index]!;
  }

  /** Decisions that name no recording of the audit: a mistyped call ID or a moved file. */
  stale(subjects: readonly DecisionSubject[]): Decision[] {
    const callIds = new Set(subjects.flatMap((s) => (s.callId === null ? [] : [callKey(s.callId)])));
    const paths = new Set(subjects.map((s) => s.path));
    return this.list.filter(
      (d) =>
        !(d.callId !== null && callIds.has(callKey(d.callId))) && !(d.path !== null && paths.has(d.path)),
    );
  }
}

/** The key of a recording in the map of hashes the audit computed for decisions that carry one. */
export const fileKey = (root: string, path: string) => `${root}\u0000${path}`;

/** What the rules see: the decision for the recording and whether its bytes still match. */
export interface DecisionMatch {
  decision: Decision;
  /** `changed`: the decision carries a hash and the file's bytes differ; it is void. */
  bytes: 'unchecked' | 'same' | 'changed';
}

export function matchDecision(
  book: DecisionBook | undefined,
  hashes: ReadonlyMap<string, string> | undefined,
  recording: { root: string; path: string; callId: string | null },
): DecisionMatch | null {
  if (!book) return null;
  const decision = book.find(recording);
  if (!decision) return null;
  if (decision.recordingSha256 === null) return { decision, bytes: 'unchecked' };
  const actual = hashes?.get(fileKey(recording.root, recording.path));
  return { decision, bytes: actual === decision.recordingSha256 ? 'same' : 'changed' };
}
