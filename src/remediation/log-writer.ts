import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { CallauditError } from '../errors.js';
import { sealEntry, type LogEntry, type UnsealedEntry } from './log-entry.js';
import { readLogText, verifyLogText } from './log-verify.js';

/**
 * Refuses (exit 2) a log that exists but does not verify, or is not a deletion log at all: the
 * same check the writer makes, run while planning so a dry run fails where the real run would.
 */
export function checkLogVerifies(realFile: string, given: string): void {
  const check = verifyLogText(readLogText(realFile) ?? '');
  if (!check.ok) throw brokenLog(given, check.broken!);
}

function brokenLog(file: string, broken: { line: number; problem: string }): CallauditError {
  return new CallauditError(
    'LOG_BROKEN',
    `the deletion log does not verify at line ${broken.line}: ${broken.problem}; nothing was touched`,
    'a --log must be a deletion log that verifies (or a new file): keep a broken one as evidence and give a new --log; `callaudit log verify` shows the details',
    file,
  );
}

/**
 * Appends chained lines to the deletion log, each written with one write() and fsync'd before
 * append() returns, so a line is on disk before the next file is touched. Opened in append mode
 * only: the log is never rewritten.
 */
export class DeletionLogWriter {
  private constructor(
    readonly file: string,
    private fd: number,
    private seq: number,
    private head: string,
    /** The entries already in the log when it was opened (used by --resume and restore). */
    readonly existing: LogEntry[],
  ) {}

  /** Refuses a log whose chain is already broken: appending would bury the break. */
  static open(file: string): DeletionLogWriter {
    const text = readLogText(file) ?? '';
    const check = verifyLogText(text);
    if (!check.ok) throw brokenLog(file, check.broken!);
    const fd = openSync(file, 'a', 0o640);
    return new DeletionLogWriter(file, fd, check.lines, check.head, check.entries);
  }

  append(entry: UnsealedEntry): LogEntry {
    const { line, hash } = sealEntry(entry, this.seq + 1, this.head);
    const buffer = Buffer.from(`${line}\n`, 'utf8');
    let written = 0;
    while (written < buffer.length) written += writeSync(this.fd, buffer, written);
    fsyncSync(this.fd);
    this.seq += 1;
    this.head = hash;
    return JSON.parse(line) as LogEntry;
  }

  get headHash(): string {
    return this.head;
  }

  get lineCount(): number {
    return this.seq;
  }

  close(): void {
    closeSync(this.fd);
  }
}
