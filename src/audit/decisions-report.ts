import { matchDecision, type Decision, type DecisionBook } from './decisions.js';

/** A decision that no longer applies because the recording's bytes changed since it was made. */
interface VoidDecision {
  id: string;
  path: string;
  callId: string | null;
  expectedSha256: string;
}

/** What report.json says about the decisions file: the decisions that matched nothing or are void. */
export interface DecisionsReport {
  file: string;
  sha256: string;
  count: number;
  applied: number;
  stale: Decision[];
  void: VoidDecision[];
}

export function decisionsReport(
  loaded: { file: string; sha256: string; book: DecisionBook },
  hashes: ReadonlyMap<string, string>,
  findings: ReadonlyArray<{ root: string; path: string; callId: string | null; decision?: unknown }>,
): DecisionsReport {
  const voided: VoidDecision[] = [];
  for (const f of findings) {
    const match = matchDecision(loaded.book, hashes, f);
    if (match?.bytes === 'changed')
      voided.push({
        id: match.decision.id,
        path: f.path,
        callId: f.callId,
        expectedSha256: match.decision.recordingSha256!,
      });
  }
  return {
    file: loaded.file,
    sha256: loaded.sha256,
    count: loaded.book.list.length,
    applied: findings.filter((f) => f.decision !== undefined).length,
    stale: loaded.book.stale(findings),
    void: voided,
  };
}
