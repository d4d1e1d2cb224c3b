import { coverageOf, type Coverage } from './coverage.js';
import { normaliseCallId } from './join.js';
import { linkedCallIds } from './link.js';
import { compareStrings } from './summarise.js';
import type { CallEvent, Recording } from './types.js';

/** How well the recordings and the call logs found each other; report.json `engine.join`. */
export interface JoinRate {
  recordingsWithId: number;
  /** Recordings with a call ID that found at least one call-log row (directly or via a CDR link). */
  recordingsJoined: number;
  /**
   * The base of `rate`: recordings with a call ID whose time does not lie outside the logs'
   * coverage, or all recordings with a call ID when none lies inside it (a copied archive whose
   * mtimes are all later than the logs must still be checked).
   */
  recordingsConsidered: number;
  consideredJoined: number;
  /** consideredJoined / recordingsConsidered; null when no recording was considered. */
  rate: number | null;
  /** Distinct call IDs of the business (CRM) rows, and how many of them a recording found. */
  callLogIds: number;
  callLogIdsJoined: number;
  minJoinRate: number;
}

/** Up to three IDs from each side that found nothing, first in sorted order, for the error. */
export interface JoinSamples {
  recordings: string[];
  callLogs: string[];
}

const SAMPLES = 3;

/**
 * Counts the join both ways. A recording counts for the rate unless its time lies outside the
 * logs' coverage: a one-month export must not fail the join for the other months' recordings. Here
 * a modification time is taken as the call time: the rate only decides whether to stop, and the
 * mtime is the best guess there is (a verdict never rests on it, see placeInCoverage).
 */
export function measureJoin(
  recordings: Iterable<Pick<Recording, 'callId' | 'startedAt' | 'timeSource'>>,
  index: ReadonlyMap<string, readonly CallEvent[]>,
  links: Map<string, Set<string>>,
  coverage: Coverage,
  minJoinRate: number,
): { rate: JoinRate; samples: JoinSamples } {
  const reached = new Set<string>();
  const unjoined = new Set<string>();
  let recordingsWithId = 0;
  let recordingsJoined = 0;
  let recordingsConsidered = 0;
  let consideredJoined = 0;
  for (const recording of recordings) {
    if (recording.callId === null) continue;
    recordingsWithId++;
    let joined = false;
    for (const id of linkedCallIds(recording.callId, links)) {
      const key = normaliseCallId(id);
      reached.add(key);
      if (index.has(key)) joined = true;
    }
    if (joined) recordingsJoined++;
    else unjoined.add(recording.callId);
    if (coverageOf(recording.startedAt, coverage) === 'outside') continue;
    recordingsConsidered++;
    if (joined) consideredJoined++;
  }
  let callLogIdsJoined = 0;
  const unreached: string[] = [];
  for (const [key, events] of index) {
    if (reached.has(key)) callLogIdsJoined++;
    else unreached.push(events[0]?.callId ?? key);
  }
  return {
    rate: {
      recordingsWithId,
      recordingsJoined,
      ...(recordingsConsidered === 0
        ? { recordingsConsidered: recordingsWithId, consideredJoined: recordingsJoined }
        : { recordingsConsidered, consideredJoined }),
      rate:
        recordingsConsidered > 0
          ? consideredJoined / recordingsConsidered
          : recordingsWithId > 0
            ? recordingsJoined / recordingsWithId
            : null,
      callLogIds: index.size,
      callLogIdsJoined,
      minJoinRate,
    },
    samples: { recordings: firstSorted(unjoined, SAMPLES), callLogs: firstSorted(unreached, SAMPLES) },
  };
}

function firstSorted(ids: Iterable<string>, n: number): string[] {
  return [...ids].sort(compareStrings).slice(0, n);
}

/** Whether the audit must stop: the join rate is known and below the minimum (0 never stops). */
export const joinFailed = (rate: JoinRate): boolean =>
  rate.minJoinRate > 0 && rate.rate !== null && rate.rate < rate.minJoinRate;

/**
 * The shape of a call ID: each digit `9`, each upper-case letter `A`, each lower-case letter `a`,
 * everything else kept, so `1729512345.123` → `9999999999.999` and `C-1001` → `A-9999`.
 */
export function idShape(id: string): string {
  return id.replace(/\p{N}|\p{L}/gu, (c) => (/\p{N}/u.test(c) ? '9' : /\p{Lu}/u.test(c) ? 'A' : 'a'));
}
