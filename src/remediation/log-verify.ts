import { readFileSync } from 'node:fs';
import { CallauditError } from '../errors.js';
import { expectedHash, GENESIS, type LogEntry } from './log-entry.js';

export interface LogVerification {
  ok: boolean;
  lines: number;
  /** Hash of the last good line: write it down; it pins the log against truncation. */
  head: string;
  /** The first broken line (1-based) and why; null when the chain holds. */
  broken: { line: number; problem: string } | null;
  entries: LogEntry[];
}

export function readLogText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CallauditError(
      'LOG_UNREADABLE',
      `cannot read the deletion log (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'check the --log path and its permissions',
      file,
    );
  }
}

/**
 * Tamper evidence: every line must be canonical JSON, carry its own correct hash, follow the
 * previous line's hash in `prev` and count up in `seq`. Editing, inserting, deleting or
 * reordering a line breaks the chain at that line. Cutting lines off the end is only visible
 * against a head hash written down earlier (`log verify --head`).
 */
export function verifyLogText(text: string): LogVerification {
  const entries: LogEntry[] = [];
  let prev = GENESIS;
  const result = (broken: LogVerification['broken']): LogVerification => ({
    ok: broken === null,
    lines: entries.length,
    head: prev,
    broken,
    entries,
  });
  if (text === '') return result(null);
  if (!text.endsWith('\n'))
    return result({ line: text.split('\n').length, problem: 'the last line is incomplete (no newline)' });
  const lines = text.slice(0, -1).split('\n');
  for (const [index, line] of lines.entries()) {
    const lineNo = index + 1;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return result({ line: lineNo, problem: 'not valid JSON' });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return result({ line: lineNo, problem: 'not a log entry' });
    if (JSON.stringify(parsed) !== line)
      return result({ line: lineNo, problem: 'not in the form callaudit writes (edited by hand?)' });
    if (parsed.seq !== entries.length + 1)
      return result({
        line: lineNo,
        problem: `seq is ${String(parsed.seq)}, expected ${entries.length + 1}`,
      });
    if (parsed.prev !== prev)
      return result({ line: lineNo, problem: 'prev does not match the hash of the previous line' });
    if (parsed.hash !== expectedHash(parsed))
      return result({ line: lineNo, problem: 'the line does not match its own hash (altered)' });
    entries.push(parsed as unknown as LogEntry);
    prev = parsed.hash as string;
  }
  return result(null);
}
