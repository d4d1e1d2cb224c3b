import type { AuditResult, UnnamedResult } from '../audit/result.js';
import type { Finding } from '../audit/types.js';

type Digested = { file: string; sha256: string } | null | undefined;

function compareFile(what: string, then: Digested, now: Digested): string[] {
  if (!then) return now ? [`${what} ${now.file} was not read by the audit`] : [];
  if (!now) return [`${what} ${then.file} was read by the audit and is not read now`];
  return then.sha256 === now.sha256
    ? []
    : [
        `${what} ${then.file} changed since the audit (SHA-256 ${short(then.sha256)} then, ${short(now.sha256)} now)`,
      ];
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
): string[] {
  const changes: string[] = [];
  const logsNow = new Map(now.inputs.callLogs.map((log) => [log.file, log]));
  const logsThen = new Map(report.inputs.callLogs.map((log) => [log.file, log]));
  for (const log of report.inputs.callLogs)
    changes.push(...compareFile('the call log', log, logsNow.get(log.file)));
  for (const log of now.inputs.callLogs)
    if (!logsThen.has(log.file)) changes.push(...compareFile('the call log', null, log));
  changes.push(...compareFile('the outcome map', report.inputs.outcomeMap, now.inputs.outcomeMap));
  changes.push(...compareFile('the holds file', report.engine?.holds, now.engine?.holds));
  if (report.policy.sha256 !== now.policy.sha256)
    changes.push(
      `the policy pack ${now.policy.id}@${now.policy.version} differs from the audit's ${report.policy.id}@${report.policy.version} (SHA-256 ${short(report.policy.sha256)} then, ${short(now.policy.sha256)} now)`,
    );
  const findings = new Map(report.recordings.map((f) => [keyOf(f), f]));
  for (const recording of recordings) {
    const then = findings.get(keyOf(recording));
    const name = `${recording.root}/${recording.path}`;
    if (!then) {
      changes.push(`the recording ${name} was not in the audit`);
      continue;
    }
    const hashNow = hashes.get(keyOf(recording));
    if (then.sha256 && hashNow && then.sha256 !== hashNow)
      changes.push(
        `the recording ${name} changed since the audit (SHA-256 ${short(then.sha256)} then, ${short(hashNow)} now)`,
      );
    else if (then.size !== recording.size || then.mtime !== recording.mtime)
      changes.push(
        `the recording ${name} changed since the audit (${then.size} bytes, modified ${then.mtime} then; ${recording.size} bytes, modified ${recording.mtime} now)`,
      );
    if (then.verdict !== recording.verdict || then.reason !== recording.reason)
      changes.push(
        `the audit judged ${name} ${then.verdict} / ${then.reason}; judged again now it is ${recording.verdict} / ${recording.reason}`,
      );
  }
  return changes;
}

function keyOf(f: Pick<Finding, 'root' | 'path'>): string {
  return `${f.root}\0${f.path}`;
}
