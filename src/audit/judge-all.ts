import type { Message } from './messages.js';
import type { Finding, Recording } from './types.js';

/** Distinct messages kept as one object each; beyond this they are left as they come. */
const MAX_SHARED_MESSAGES = 100_000;

/**
 * Judges every recording, emptying `recordings` as it goes: a finding carries all the report
 * needs, so at a million recordings the probed copies (hundreds of megabytes) are released
 * while the findings are built instead of after. Most messages repeat (they quote outcome
 * labels, not call IDs), so equal ones share one object, and reporters render each once.
 */
export function judgeAll(recordings: Recording[], judgeOne: (recording: Recording) => Finding): Finding[] {
  const findings = new Array<Finding>(recordings.length);
  const share = messageSharer();
  for (let i = 0; i < recordings.length; i++) {
    const finding = judgeOne(recordings[i]!);
    share(finding);
    findings[i] = finding;
    // Dropped from the array so the garbage collector can take it before the loop ends.
    (recordings as Array<Recording | undefined>)[i] = undefined;
  }
  recordings.length = 0;
  return findings;
}

/**
 * Makes equal messages of the findings it is given one object, so reporters (which render each
 * distinct message object once) do not render the same sentence per finding: for findings as
 * judged, and for findings read back from a report.json, where every message is its own object.
 */
export function messageSharer(): (finding: Finding) => void {
  const messages = new Map<string, Message>();
  return (finding) => {
    const key = messageKey(finding.message);
    const shared = messages.get(key);
    if (shared !== undefined) finding.message = shared;
    else if (messages.size < MAX_SHARED_MESSAGES) messages.set(key, finding.message);
  };
}

function messageKey(message: Message): string {
  return `${message.code}\u0000${JSON.stringify(message.args)}`;
}
