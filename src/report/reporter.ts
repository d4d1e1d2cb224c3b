import type { AuditResult } from '../audit/result.js';

/** A reporter renders the audit result to one file; reporters are pure and never touch the disk. */
export interface Reporter {
  name: string;
  fileName: string;
  render(result: AuditResult): string;
  /**
   * The same bytes as `render`, in pieces, for reports too large to hold as one string (a
   * million recordings make a JSON report beyond V8's string limit). Optional.
   */
  chunks?(result: AuditResult): Iterable<string>;
}
