import { EVENT_LEAD_MS } from './time-window.js';

/** A period, ISO UTC, both ends included. */
export interface Period {
  from: string;
  to: string;
}

/**
 * The period a database call log must cover for these recordings: from an hour before the
 * earliest call (clock skew, see time-window.ts) to `maxLagHours` after the latest one. Null when
 * any recording's start is unknown or only bounded by its modification time: an event for it may
 * lie anywhere, so only the whole table is safe to read.
 */
export function recordingsPeriod(
  recordings: Iterable<{ startedAt: string | null; timeSource?: string | null }>,
  maxLagHours: number,
): Period | null {
  let first = Infinity;
  let last = -Infinity;
  for (const r of recordings) {
    if (r.startedAt === null || r.timeSource === 'mtime') return null;
    const at = Date.parse(r.startedAt);
    if (Number.isNaN(at)) return null;
    if (at < first) first = at;
    if (at > last) last = at;
  }
  if (first === Infinity) return null;
  return {
    from: new Date(first - EVENT_LEAD_MS).toISOString(),
    to: new Date(last + maxLagHours * 60 * 60 * 1000).toISOString(),
  };
}
