/** Clock skew tolerated between the telephony server and the CRM: an event may precede the call. */
export const EVENT_LEAD_MS = 60 * 60 * 1000;
export const DEFAULT_MAX_EVENT_LAG_HOURS = 72;

export type WindowPosition = 'inside' | 'before' | 'after' | 'unknown-time';

/**
 * Where an event lies relative to the recording's evidence window: from one hour before the
 * recording starts to `maxLagHours` after it. Without both times the event counts (`unknown-time`).
 */
export function windowPosition(
  recordingAt: string | null,
  eventAt: string | null,
  maxLagHours: number,
): WindowPosition {
  if (recordingAt === null || eventAt === null) return 'unknown-time';
  const start = Date.parse(recordingAt);
  const at = Date.parse(eventAt);
  if (Number.isNaN(start) || Number.isNaN(at)) return 'unknown-time';
  if (at < start - EVENT_LEAD_MS) return 'before';
  if (at > start + maxLagHours * 60 * 60 * 1000) return 'after';
  return 'inside';
}

/**
 * Where an event lies for a recording dated only by its file modification time. A copy, restore
 * or conversion moves an mtime later, never earlier, so the call started at or before it: an event
 * more than `maxLagHours` after the mtime is too late to be this call's evidence, but no event is
 * too early to be (its lower bound is unknown).
 */
export function windowPositionFromMtime(
  mtime: string | null,
  eventAt: string | null,
  maxLagHours: number,
): WindowPosition {
  if (mtime === null || eventAt === null) return 'unknown-time';
  const latestStart = Date.parse(mtime);
  const at = Date.parse(eventAt);
  if (Number.isNaN(latestStart) || Number.isNaN(at)) return 'unknown-time';
  return at > latestStart + maxLagHours * 60 * 60 * 1000 ? 'after' : 'inside';
}

/** The window position function for a recording: a modification time only bounds it from above. */
export function windowPositionFor(recording: {
  startedAt: string | null;
  timeSource: string | null;
}): (eventAt: string | null, maxLagHours: number) => WindowPosition {
  const { startedAt } = recording;
  return recording.timeSource === 'mtime'
    ? (eventAt, lag) => windowPositionFromMtime(startedAt, eventAt, lag)
    : (eventAt, lag) => windowPosition(startedAt, eventAt, lag);
}

export const countsAsEvidence = (position: WindowPosition): boolean =>
  position !== 'before' && position !== 'after';
