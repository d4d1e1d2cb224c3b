import type { PurgeReport, RowResult } from '../remediation/purge.js';
import { s3DeletionIncomplete } from '../remediation/s3-purge.js';
import { SKIP_REASONS } from '../remediation/skip-reasons.js';
import { formatBytes } from './confirm.js';

const sizeOf = (r: RowResult): number =>
  r.kind === 'skipped' ? 0 : r.kind === 'earlier' ? (r.entry.size ?? 0) : r.size;

const byReason = (results: readonly RowResult[]) => {
  const totals = new Map<string, { files: number; bytes: number }>();
  for (const r of results) {
    if (r.kind === 'skipped') continue;
    const size = sizeOf(r);
    const t = totals.get(r.row.reason) ?? { files: 0, bytes: 0 };
    t.files += 1;
    t.bytes += size;
    totals.set(r.row.reason, t);
  }
  return [...totals].sort(([a], [b]) => (a < b ? -1 : 1));
};

/** The S3 record of a row deleted only in part: the audited version went, other versions remain. */
function incompleteS3(r: RowResult) {
  const s3 = r.kind === 'acted' ? r.s3 : r.kind === 'earlier' ? r.entry.s3 : undefined;
  return s3 && s3DeletionIncomplete(s3) ? s3 : null;
}

/**
 * Did every manifest row end deleted/quarantined, in full (or would it, in a dry run)? Drives
 * exit 0 vs 1.
 */
export function allHandled(report: PurgeReport): boolean {
  if (report.aborted) return false;
  return report.results.every(
    (r) =>
      r.kind !== 'skipped' &&
      (r.kind !== 'earlier' || r.entry.action !== 'skipped') &&
      incompleteS3(r) === null,
  );
}

/** What remains of a key whose audited version was deleted, as the log records it. */
function remainsOf(s3: NonNullable<ReturnType<typeof incompleteS3>>): string {
  if (!('deleted' in s3)) return '';
  const versions = (list: ReadonlyArray<{ version_id: string | null }>) =>
    list.map((v) => v.version_id ?? 'null').join(', ');
  const parts: string[] = [];
  if (s3.incomplete) {
    parts.push(s3.incomplete.detail);
    if (s3.incomplete.left.length > 0) parts.push(`left: ${versions(s3.incomplete.left)}`);
  }
  if (s3.failed.length > 0)
    parts.push(
      `refused by the server: ${s3.failed.map((f) => `${f.version_id ?? 'null'} (${f.code})`).join(', ')}`,
    );
  return parts.join('; ');
}

/** A file by its path; an S3 object by key and version, and what else of the key would go. */
function plannedTarget(r: Extract<RowResult, { kind: 'planned' }>): string {
  const object = r.row.object;
  if (object === null) return r.row.path;
  const others = r.otherVersions ?? 0;
  return (
    `${object.key} (version ${object.versionId ?? 'null'}` +
    (others > 0 ? `, and ${others} other version(s) and delete marker(s) of the key)` : ')') +
    (r.copyTo ? ` copied to ${r.copyTo}` : '')
  );
}

export function renderPurge(report: PurgeReport): string {
  const verb = report.mode === 'delete' ? 'delete' : 'quarantine';
  const out: string[] = [];
  const { instruction } = report;
  out.push(
    report.executed
      ? `callaudit purge (${verb}) — executed`
      : report.aborted
        ? 'callaudit purge — not confirmed: nothing was touched'
        : `callaudit purge (${verb}) — DRY RUN: nothing was touched`,
  );
  out.push(`manifest ${report.manifest} (sha256 ${instruction.manifestSha256})`);
  out.push(
    `audit run ${instruction.runId} (${report.report}), policy ${instruction.policyId} ${instruction.policyVersion}`,
  );
  const acted = report.results.filter(
    (r) => r.kind !== 'skipped' && !(r.kind === 'earlier' && r.entry.action === 'skipped'),
  );
  const bytes = acted.reduce((s, r) => s + sizeOf(r), 0);
  const done = report.executed ? (report.mode === 'delete' ? 'deleted' : 'quarantined') : `would ${verb}`;
  out.push(`${done}: ${acted.length} file(s), ${formatBytes(bytes)}`);
  for (const [reason, t] of byReason(acted))
    out.push(`  ${reason.padEnd(24)} ${String(t.files).padStart(6)} file(s)  ${formatBytes(t.bytes)}`);
  // A dry run names every file it would act on: that list is what the operator signs off.
  if (!report.executed)
    for (const r of report.results)
      if (r.kind === 'planned') out.push(`  line ${r.row.line}  ${r.row.reason}  ${plannedTarget(r)}`);
  const incomplete = report.results.filter((r) => incompleteS3(r) !== null);
  if (incomplete.length > 0) {
    out.push(
      `incomplete: ${incomplete.length} object(s) — the audited version was deleted, other versions of the key remain`,
    );
    for (const r of incomplete)
      out.push(`  line ${r.row.line}  ${r.row.path}: ${remainsOf(incompleteS3(r)!)}`);
  }
  const earlier = report.results.filter((r) => r.kind === 'earlier').length;
  if (earlier > 0) out.push(`  (${earlier} of them handled by the interrupted run, logged then)`);
  const skipped = report.results.filter(
    (r): r is Extract<RowResult, { kind: 'skipped' }> => r.kind === 'skipped',
  );
  if (skipped.length > 0) {
    out.push(`${report.executed ? 'skipped' : 'would skip'}: ${skipped.length} row(s) — left untouched`);
    for (const r of skipped)
      out.push(`  line ${r.row.line}  ${r.skip.code}  ${r.row.path}: ${r.skip.detail}`);
    const codes = [...new Set(skipped.map((r) => r.skip.code))].sort();
    for (const code of codes) out.push(`  ${code}: ${SKIP_REASONS[code]}`);
  }
  for (const warning of report.warnings) out.push(`warning: ${warning}`);
  if (report.log)
    out.push(
      `deletion log ${report.log.file}: ${report.log.lines} line(s), head ${report.log.head}`,
      '  keep the head hash with your report: `callaudit log verify <log> --head <hash>` proves nothing was cut off',
    );
  if (!report.executed && !report.aborted)
    out.push(
      `To act: add --execute --operator "<name or role>"${report.mode === 'delete' ? ' (or --quarantine <dir> to move instead)' : ''}.`,
    );
  return `${out.join('\n')}\n`;
}

/** An S3 row: the object version, what else of the key would go (dry run) or the log's S3 record. */
function s3Json(r: RowResult) {
  const { key, versionId, etag } = r.row.object!;
  return {
    object: { key, versionId, etag },
    ...(r.kind === 'planned' ? { otherVersions: r.otherVersions ?? 0 } : {}),
    ...(r.kind === 'planned' && r.copyTo ? { copyTo: r.copyTo } : {}),
    ...(r.kind === 'acted' ? { s3: r.s3 ?? null } : {}),
  };
}

export function purgeJson(report: PurgeReport, exitCode: number): string {
  return `${JSON.stringify(
    {
      mode: report.mode,
      executed: report.executed,
      aborted: report.aborted,
      instruction: report.instruction,
      report: report.report,
      rows: report.results.map((r) => ({
        line: r.row.line,
        path: r.row.path,
        callId: r.row.callId,
        reason: r.row.reason,
        outcome: r.kind === 'earlier' ? `earlier-${r.entry.action}` : r.kind,
        skip: r.kind === 'skipped' ? r.skip : null,
        // Only rows of an s3:// root: the local rows' JSON is as before.
        ...(r.row.object ? s3Json(r) : {}),
      })),
      log: report.log,
      warnings: report.warnings,
      exitCode,
    },
    null,
    2,
  )}\n`;
}
