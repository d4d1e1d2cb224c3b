import { CallauditError } from '../errors.js';
import type { LogEntry } from './log-entry.js';
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
