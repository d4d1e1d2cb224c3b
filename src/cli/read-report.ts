import { messageSharer } from '../audit/judge-all.js';
import { REPORT_SCHEMA_VERSION, type AuditResult } from '../audit/result.js';
import type { Finding } from '../audit/types.js';
import { reportSchema } from '../audit/report-schema.js';
import { CallauditError } from '../errors.js';
import { readInputFile, REPORT_FILE_LIMIT } from '../input-file.js';

const HINT = 'give the report.json written by callaudit audit';
/** Wrong fields named at most: a report broken throughout would otherwise print thousands. */
const MAX_ISSUES = 10;

/** Reads a saved report.json (for `render` and `--baseline`), refusing what is not one. */
export function readReport(file: string, role: string): AuditResult {
  const bytes = readInputFile(file, {
    code: 'REPORT_UNREADABLE',
    what: `the ${role}`,
    hint: HINT,
    maxBytes: REPORT_FILE_LIMIT,
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new CallauditError(
      'REPORT_UNREADABLE',
      `the ${role} is not valid JSON (${(error as Error).message})`,
      HINT,
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
      HINT,
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
  const checked = reportSchema.safeParse(report);
  if (!checked.success) {
    const issues = checked.error.issues;
    const lines = issues
      .slice(0, MAX_ISSUES)
      .map((issue) => `  ${issue.path.map(String).join('.') || '(report)'}: ${issue.message}`);
    if (issues.length > MAX_ISSUES) lines.push(`  … and ${issues.length - MAX_ISSUES} more`);
    throw new CallauditError(
      'REPORT_INVALID',
      `the ${role} has fields of the wrong type:\n${lines.join('\n')}`,
      `${HINT}, unedited`,
      file,
    );
  }
  // The notice is added by the JSON reporter on the way out; the result itself does not carry it.
  const { notice: _notice, ...result } = report;
  const share = messageSharer();
  for (const finding of result.recordings as Array<Finding & { explanation?: string }>) {
    finding.message ??= { code: 'TEXT', args: { text: finding.explanation ?? '' } };
    share(finding);
  }
  return result as AuditResult;
}
