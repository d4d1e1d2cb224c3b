import { CallauditError } from '../errors.js';
import type { LogEntry, UnsealedEntry } from './log-entry.js';
import type { Skip } from './skip-reasons.js';
import { readLogText, verifyLogText } from './log-verify.js';

/** The deletion log's entries: restore trusts only a log whose chain verifies. */
export function verifiedLogEntries(realLog: string, logFile: string): LogEntry[] {
  const check = verifyLogText(readLogText(realLog) ?? '');
  if (!check.ok)
    throw new CallauditError(
      'LOG_BROKEN',
      `the deletion log does not verify at line ${check.broken!.line}: ${check.broken!.problem}`,
      'restore trusts only a log that verifies',
      logFile,
    );
  return check.entries;
}

/** What one restore did to one quarantined recording. */
export interface RestoreAct {
  at: string;
  session: string;
  operator: string;
  action: 'restored' | 'skipped';
  skip: Skip | null;
  note?: string | null;
  /** An S3 restore's record; a skipped line repeats none (the quarantine line it cites has it). */
  s3?: UnsealedEntry['s3'];
}

/**
 * A restore's log line: it repeats the quarantine line's recording and instruction; sealing keeps
 * only the log's own keys, so the quarantine line's seq, prev and hash do not carry over.
 */
export function restoreLine(entry: LogEntry, act: RestoreAct): UnsealedEntry {
  return {
    ...entry,
    at: act.at,
    session: act.session,
    action: act.action,
    skip: act.skip,
    operator: act.operator,
    mode: 'restore',
    manifest_line: null,
    note: act.note ?? null,
    s3: act.s3,
  };
}
