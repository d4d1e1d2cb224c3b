import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { CallauditError } from '../errors.js';
import { sealEntry, type LogEntry, type UnsealedEntry } from './log-entry.js';
import { readLogText, verifyLogText } from './log-verify.js';

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
    if (!check.ok) {
      throw new CallauditError(
        'LOG_BROKEN',
        `the deletion log does not verify at line ${check.broken!.line}: ${check.broken!.problem}`,
        'keep this log as evidence and write to a new one with --log; `callaudit log verify` shows the details',
        file,
      );
    }
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
