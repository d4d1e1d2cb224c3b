import type { PurgePlan } from '../remediation/purge.js';
import { formatBytes } from './confirm.js';

/** Paths shown before the question; the manifest and the dry run list the rest. */
export const PREVIEW_PATHS = 20;

/**
 * What `purge --execute` is about to do, shown on the terminal before it asks: how many files
 * and bytes, per reason, the first paths and where the full list is. Nobody should confirm a
 * number alone.
 */
export function purgePreview(
  plan: PurgePlan,
  where: { manifest: string; root: string; quarantine: string | null },
): string {
  const action =
    plan.mode === 'delete'
      ? 'irreversibly delete'
      : `move to the quarantine ${where.quarantine ?? ''}`.trimEnd();
  // In a versioned bucket more goes than the audited versions: say so before the question.
  const others = plan.rows.reduce((sum, row) => sum + (row.otherVersions ?? 0), 0);
  const lines = [
    `purge --execute will ${action} ${plan.files} file(s), ${formatBytes(plan.bytes)}` +
      (others > 0 ? `, and ${otherVersions(others)} of their keys` : '') +
      `, from ${where.root}:`,
  ];
  const byReason = new Map<string, { files: number; bytes: number }>();
  for (const row of plan.rows) {
    const sum = byReason.get(row.reason) ?? { files: 0, bytes: 0 };
    byReason.set(row.reason, { files: sum.files + 1, bytes: sum.bytes + row.size });
  }
  const width = Math.max(0, ...[...byReason.keys()].map((r) => r.length));
  for (const [reason, sum] of [...byReason].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    lines.push(`  ${reason.padEnd(width)}  ${sum.files} file(s), ${formatBytes(sum.bytes)}`);
  const shown = plan.rows.slice(0, PREVIEW_PATHS);
  lines.push(
    shown.length < plan.rows.length ? `the first ${shown.length} of ${plan.rows.length}:` : 'the files:',
  );
  for (const row of shown)
    lines.push(`  ${row.path}${row.otherVersions ? ` (and ${otherVersions(row.otherVersions)})` : ''}`);
  lines.push(`the full list: ${where.manifest} (a run without --execute checks and lists every file)`);
  return `${lines.join('\n')}\n`;
}

const otherVersions = (count: number) => `${count} other version(s)/delete marker(s)`;
