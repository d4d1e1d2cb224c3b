import { readFileSync } from 'node:fs';
import { REPORT_SCHEMA_VERSION, type AuditResult } from '../audit/result.js';
import { CallauditError } from '../errors.js';

/** Reads a saved report.json (for `render` and `--baseline`), refusing what is not one. */
export function readReport(file: string, role: string): AuditResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CallauditError(
      'REPORT_UNREADABLE',
      code
        ? `cannot read the ${role} (${code})`
        : `the ${role} is not valid JSON (${(error as Error).message})`,
      'give the report.json written by callaudit audit',
      file,
    );
  }
  const report = parsed as Partial<AuditResult> & { notice?: unknown };
  if (
    typeof report !== 'object' ||
    report === null ||
    !Array.isArray(report.recordings) ||
    typeof report.policy !== 'object' ||
    typeof report.summary !== 'object'
  ) {
    throw new CallauditError(
      'REPORT_INVALID',
      `the ${role} is not a callaudit report.json (no recordings, policy or summary)`,
      'give the report.json written by callaudit audit',
      file,
    );
  }
  if (report.schemaVersion !== REPORT_SCHEMA_VERSION) {
    throw new CallauditError(
      'REPORT_SCHEMA_UNSUPPORTED',
      `the ${role} has report schema version ${String(report.schemaVersion)}; this callaudit reads version ${REPORT_SCHEMA_VERSION}`,
      'render it with the callaudit version that wrote it, or audit again',
      file,
    );
  }
  // The notice is added by the JSON reporter on the way out; the result itself does not carry it.
  const { notice: _notice, ...result } = report;
  return result as AuditResult;
}
