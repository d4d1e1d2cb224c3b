import type { UnnamedResult } from '../audit/result.js';
import type { Painter } from './console-summary.js';
import type { JoinRate } from '../audit/join-rate.js';

/** Both sides of the join, so a DPO sees a half-failed join before acting on the manifest. */
function joinLine(join: JoinRate | null | undefined): string | null {
  if (!join) return null;
  return `Join: ${join.recordingsJoined} of ${join.recordingsWithId} recording(s) with a call ID found a call-log row; ${join.callLogIdsJoined} of ${join.callLogIds} call-log ID(s) found a recording.`;
}

/** How to turn COVERAGE_UNKNOWN reviews into decisions: say what the logs cover, or when calls were. */
function coverageUnknownNote(count: number, basis: string): string {
  const how =
    basis === 'none'
      ? "give --time-column <column> (the call log's event time) or --log-period from..to (the period the export covers)"
      : 'their time is unknown or only the file modification time: use a preset or --id-from source that gives the call time';
  return `${count} recording(s) without a call-log row could not be decided (COVERAGE_UNKNOWN): ${how}.`;
}

/** Console lines for what the policy engine could not check or wants done soon. */
export function engineNotes(result: UnnamedResult, paint: Painter): string[] {
  const engine = result.engine;
  if (!engine) return [];
  const notes: string[] = [];
  const join = joinLine(engine.join);
  if (join) notes.push(join);
  if (!engine.priorNotice.verified)
    notes.push(paint.yellow('Prior notice not verified (no --notice-column).'));
  const unrecognised = engine.priorNotice.unrecognised ?? [];
  if (unrecognised.length > 0)
    notes.push(
      paint.yellow(
        `Prior notice not verified for ${engine.priorNotice.unverifiedRecordings ?? 0} recording(s): notice values not recognised: ${unrecognised.map((v) => `"${v.value}" ×${v.rows}`).join(', ')}.`,
      ),
    );
  const due = engine.retention.dueSoon.length;
  if (due > 0)
    notes.push(
      paint.yellow(
        `${due} compliant recording(s) due for deletion within ${engine.retention.dueWithinDays} days.`,
      ),
    );
  const undecided = result.summary.byReason.COVERAGE_UNKNOWN ?? 0;
  if (undecided > 0) notes.push(paint.yellow(coverageUnknownNote(undecided, engine.coverage.basis)));
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
