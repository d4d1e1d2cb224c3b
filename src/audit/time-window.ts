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

export const countsAsEvidence = (position: WindowPosition): boolean =>
  position !== 'before' && position !== 'after';
