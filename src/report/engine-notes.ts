import type { UnnamedResult } from '../audit/result.js';
import type { Painter } from './console-summary.js';

/** Console lines for what the policy engine could not check or wants done soon. */
export function engineNotes(result: UnnamedResult, paint: Painter): string[] {
  const engine = result.engine;
  if (!engine) return [];
  const notes: string[] = [];
  if (!engine.priorNotice.verified)
    notes.push(paint.yellow('Prior notice not verified (no --notice-column).'));
  const due = engine.retention.dueSoon.length;
  if (due > 0)
    notes.push(
      paint.yellow(
        `${due} compliant recording(s) due for deletion within ${engine.retention.dueWithinDays} days.`,
      ),
    );
  if (engine.coverage.treatedAsCovered > 0)
    notes.push(
      `${engine.coverage.treatedAsCovered} recording(s) without a call-log event treated as covered by the logs (time or log span unknown).`,
    );
  const stale = engine.holds?.stale.length ?? 0;
  if (stale > 0)
    notes.push(paint.yellow(`${stale} legal hold(s) match no recording (stale); see report.json.`));
  const mtime = engine.recordingTime.mtime ?? 0;
  if (mtime > 0) notes.push(paint.dim(`${mtime} recording time(s) taken from the file modification time.`));
  const unconfirmed = engine.unconfirmedCitations.map((c) => c.id);
  if (unconfirmed.length > 0)
    notes.push(
      paint.dim(`Unconfirmed citations in this report: ${unconfirmed.join(', ')} (see report.json).`),
    );
  if (engine.retention.status === 'unconfirmed')
    notes.push(paint.dim('Retention periods are unconfirmed: the DPO must confirm them (callaudit policy).'));
  return notes.length > 0 ? ['', ...notes] : [];
}
