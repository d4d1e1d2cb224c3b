import type { UnnamedResult } from '../audit/result.js';
import type { Painter } from './console-summary.js';
import { catalogue } from './messages/render.js';
import type { ReportLang } from './reporter.js';

/** Console lines for what the policy engine could not check or wants done soon. */
export function engineNotes(result: UnnamedResult, paint: Painter, lang: ReportLang = 'en'): string[] {
  const engine = result.engine;
  if (!engine) return [];
  const say = catalogue(lang).notes;
  const notes: string[] = [];
  // Both sides of the join, so a DPO sees a half-failed join before acting on the manifest.
  const join = engine.join;
  if (join)
    notes.push(
      say.join(join.recordingsJoined, join.recordingsWithId, join.callLogIdsJoined, join.callLogIds),
    );
  if (!engine.priorNotice.verified) notes.push(paint.yellow(say.noticeNotVerified));
  const unrecognised = engine.priorNotice.unrecognised ?? [];
  if (unrecognised.length > 0)
    notes.push(
      paint.yellow(
        say.noticeUnverified(
          engine.priorNotice.column ?? '',
          engine.priorNotice.unverifiedRecordings ?? 0,
          unrecognised.map((v) => `"${v.value}" ×${v.rows}`).join(', '),
        ),
      ),
    );
  const due = engine.retention.dueSoon.length;
  if (due > 0) notes.push(paint.yellow(say.dueSoon(due, engine.retention.dueWithinDays)));
  const undecided = result.summary.byReason.COVERAGE_UNKNOWN ?? 0;
  if (undecided > 0)
    notes.push(paint.yellow(say.coverageUnknown(undecided, engine.coverage.basis === 'none')));
  const stale = engine.holds?.stale.length ?? 0;
  if (stale > 0) notes.push(paint.yellow(say.staleHolds(stale)));
  const mtime = engine.recordingTime.mtime ?? 0;
  if (mtime > 0) notes.push(paint.dim(say.mtimeTimes(mtime)));
  const unconfirmed = engine.unconfirmedCitations.map((c) => c.id);
  if (unconfirmed.length > 0) notes.push(paint.dim(say.unconfirmedCitations(unconfirmed.join(', '))));
  if (engine.retention.status === 'unconfirmed') notes.push(paint.dim(say.retentionUnconfirmed));
  return notes.length > 0 ? ['', ...notes] : [];
}
