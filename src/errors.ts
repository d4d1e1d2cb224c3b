/**
 * Errors a DPO can act on. Each carries a stable code, names the file (and line) where it can,
 * and says what to do. The CLI prints `message` and `hint` without a stack trace and exits 2.
 */
export class CallauditError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'CallauditError';
  }

  /**
   * One line for the terminal: `file:line: message` followed by the hint. A message that already
   * begins with its place (an S3 root names itself) does not get it twice.
   */
  format(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    const place = this.message.startsWith(where) ? '' : where;
    return `${place}${this.message}${this.hint ? `\n  → ${this.hint}` : ''}`;
  }
}

export function isCallauditError(error: unknown): error is CallauditError {
  return error instanceof CallauditError;
}
