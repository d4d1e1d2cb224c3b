import { constants } from 'node:buffer';
import { statSync } from 'node:fs';
import { readInputFile, type InputFileRole } from '../input-file.js';
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

/** A log is verified as one string: up to the longest V8 makes (about 512 MiB). */
const LOG_ROLE: InputFileRole = {
  code: 'LOG_UNREADABLE',
  what: 'the deletion log',
  hint: 'check the --log path and its permissions',
  maxBytes: constants.MAX_STRING_LENGTH,
};

/**
 * The log's text, or null when there is no log yet. Read as any input file is (input-file.ts):
 * a FIFO or a device is refused by its kind instead of blocking or never ending.
 */
export function readLogText(file: string): string | null {
  try {
    statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // Any other reason is reported by readInputFile, with the file and a hint.
  }
  return readInputFile(file, LOG_ROLE).toString('utf8');
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
