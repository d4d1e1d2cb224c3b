import type { Finding, Recording } from './types.js';

/** Distinct explanations kept as one string each; beyond this they are left as they come. */
const MAX_SHARED_EXPLANATIONS = 100_000;

/**
 * Judges every recording, emptying `recordings` as it goes: a finding carries all the report
 * needs, so at a million recordings the probed copies (hundreds of megabytes) are released
 * while the findings are built instead of after. Most explanations repeat (they quote outcome
 * labels, not call IDs), so equal ones share one string.
 */
export function judgeAll(recordings: Recording[], judgeOne: (recording: Recording) => Finding): Finding[] {
  const findings = new Array<Finding>(recordings.length);
  const explanations = new Map<string, string>();
  for (let i = 0; i < recordings.length; i++) {
    const finding = judgeOne(recordings[i]!);
    const shared = explanations.get(finding.explanation);
    if (shared !== undefined) finding.explanation = shared;
    else if (explanations.size < MAX_SHARED_EXPLANATIONS)
      explanations.set(finding.explanation, finding.explanation);
    findings[i] = finding;
    // Dropped from the array so the garbage collector can take it before the loop ends.
    (recordings as Array<Recording | undefined>)[i] = undefined;
  }
  recordings.length = 0;
  return findings;
}
