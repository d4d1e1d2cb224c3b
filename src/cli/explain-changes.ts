import type { AuditResult, UnnamedResult } from '../audit/result.js';
import type { Finding } from '../audit/types.js';
import type { ChangePhrases } from '../report/messages/catalogue.js';

type Digested = { file: string; sha256: string } | null | undefined;

function compareFile(words: ChangePhrases, what: string, then: Digested, now: Digested): string[] {
  if (!then) return now ? [words.notReadThen(what, now.file)] : [];
  if (!now) return [words.notReadNow(what, then.file)];
  return then.sha256 === now.sha256
    ? []
    : [words.fileChanged(what, then.file, short(then.sha256), short(now.sha256))];
}

function short(sha256: string): string {
  return `${sha256.slice(0, 12)}…`;
}

/**
 * What differs between a saved audit and the same settings run again now: call logs, outcome map,
 * holds and policy pack by SHA-256, and each explained recording by size, mtime, hash and verdict.
 * Empty when nothing changed, so `explain --report` can say the evidence is the audit's.
 */
export function changesSinceAudit(
  report: AuditResult,
  now: UnnamedResult,
  recordings: ReadonlyArray<{
    root: string;
    path: string;
    size: number;
    mtime: string;
    verdict: string;
    reason: string;
  }>,
  hashes: ReadonlyMap<string, string>,
  words: ChangePhrases,
): string[] {
  const changes: string[] = [];
  const logsNow = new Map(now.inputs.callLogs.map((log) => [log.file, log]));
  const logsThen = new Map(report.inputs.callLogs.map((log) => [log.file, log]));
  for (const log of report.inputs.callLogs)
    changes.push(...compareFile(words, words.callLog, log, logsNow.get(log.file)));
  for (const log of now.inputs.callLogs)
    if (!logsThen.has(log.file)) changes.push(...compareFile(words, words.callLog, null, log));
  changes.push(...compareFile(words, words.outcomeMap, report.inputs.outcomeMap, now.inputs.outcomeMap));
  changes.push(...compareFile(words, words.holdsFile, report.engine?.holds, now.engine?.holds));
  if (report.policy.sha256 !== now.policy.sha256)
    changes.push(
      words.policyChanged(
        `${now.policy.id}@${now.policy.version}`,
        `${report.policy.id}@${report.policy.version}`,
        short(report.policy.sha256),
        short(now.policy.sha256),
      ),
    );
  const findings = new Map(report.recordings.map((f) => [keyOf(f), f]));
  for (const recording of recordings) {
    const then = findings.get(keyOf(recording));
    const name = `${recording.root}/${recording.path}`;
    if (!then) {
      changes.push(words.recordingNew(name));
      continue;
    }
    const hashNow = hashes.get(keyOf(recording));
    if (then.sha256 && hashNow && then.sha256 !== hashNow)
      changes.push(words.recordingChanged(name, short(then.sha256), short(hashNow)));
    else if (then.size !== recording.size || then.mtime !== recording.mtime)
      changes.push(words.recordingResized(name, then, recording));
    if (then.verdict !== recording.verdict || then.reason !== recording.reason)
      changes.push(
        words.verdictMoved(
          name,
          `${then.verdict} / ${then.reason}`,
          `${recording.verdict} / ${recording.reason}`,
        ),
      );
  }
  return changes;
}

function keyOf(f: Pick<Finding, 'root' | 'path'>): string {
  return `${f.root}\0${f.path}`;
}
