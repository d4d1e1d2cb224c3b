import type { AuditResult } from '../audit/result.js';

/** A reporter renders the audit result to one file; reporters are pure and never touch the disk. */
export interface Reporter {
  name: string;
  fileName: string;
  render(result: AuditResult): string;
}
