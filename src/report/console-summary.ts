import type { UnnamedResult } from '../audit/result.js';
import { engineNotes } from './engine-notes.js';

export interface Painter {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

export const plainPainter: Painter = {
  green: (t) => t,
  red: (t) => t,
  yellow: (t) => t,
  cyan: (t) => t,
  bold: (t) => t,
  dim: (t) => t,
};

/** The human summary printed after an audit; colour is injected so this stays pure. */
export function renderConsoleSummary(result: UnnamedResult, outDir: string | null, paint: Painter): string {
  const s = result.summary;
  const lines: string[] = [];
  lines.push(
    paint.bold(`callaudit ${result.tool.version} — policy ${result.policy.id}@${result.policy.version}`),
  );
  const logs = result.inputs.callLogs.map((l) => `${l.file} (${l.rows} rows, ${l.encoding})`).join(', ');
  lines.push(`Audited ${s.recordings} recording(s) in ${result.inputs.roots.map((r) => r.path).join(', ')}`);
  lines.push(`Call logs: ${logs || 'none'}`);
  lines.push('');
  lines.push(`  ${paint.green('compliant')}  ${s.compliant}`);
  lines.push(`  ${paint.red('violation')}  ${s.violation}`);
  lines.push(`  ${paint.yellow('review')}     ${s.review}`);
  lines.push(`  ${paint.cyan('hold')}       ${s.hold}`);
  const reasons = Object.entries(s.byReason);
  if (reasons.length > 0) {
    lines.push('');
    lines.push('By reason:');
    for (const [reason, count] of reasons) lines.push(`  ${reason.padEnd(24)} ${count}`);
  }
  if (result.baseline) {
    const b = result.baseline;
    lines.push('');
    lines.push(
      `Since the baseline ${b.file}: ${paint.bold(String(b.new))} new, ${b.persisting} persisting, ${b.resolved.length} resolved.`,
    );
  }
  const skipped = result.inputs.callLogs.reduce((n, l) => n + l.skippedRows, 0);
  const unreadable = result.recordings.filter((r) => r.reason === 'UNREADABLE_FILE').length;
  if (skipped > 0 || unreadable > 0) {
    lines.push('');
    lines.push(
      paint.yellow(`Input problems: ${skipped} call-log row(s) skipped, ${unreadable} unreadable file(s).`),
    );
  }
  lines.push(...engineNotes(result, paint));
  if (outDir) {
    lines.push('');
    lines.push(paint.dim(`Reports written to ${outDir}`));
  }
  return `${lines.join('\n')}\n`;
}
