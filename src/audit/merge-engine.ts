import type { EngineReport } from './engine-report.js';
import { compareStrings } from './summarise.js';
import type { JoinRate } from './join-rate.js';

/**
 * Every shard read the whole call log but only its part of the archive: recording counts add up,
 * and a call-log ID found a recording if a shard found one for it. The ID sets are not in the
 * partial reports, so an ID found in two shards (recordings of one call in different parts)
 * counts twice: `countedTwice` (from the merged findings) takes those off, and the sum is capped
 * at the number of IDs.
 */
function mergeJoinRates(measured: ReadonlyArray<JoinRate | null>, countedTwice: number): JoinRate | null {
  // Partial reports written before the join was measured have no `join` at all.
  const parts = measured.filter((j): j is JoinRate => j != null);
  if (parts.length === 0) return null;
  const sum = (pick: (j: JoinRate) => number) => parts.reduce((n, j) => n + pick(j), 0);
  const considered = sum((j) => j.recordingsConsidered);
  const consideredJoined = sum((j) => j.consideredJoined);
  return {
    recordingsWithId: sum((j) => j.recordingsWithId),
    recordingsJoined: sum((j) => j.recordingsJoined),
    recordingsConsidered: considered,
    consideredJoined,
    rate: considered === 0 ? null : consideredJoined / considered,
    callLogIds: parts[0]!.callLogIds,
    callLogIdsJoined: Math.min(
      parts[0]!.callLogIds,
      Math.max(0, sum((j) => j.callLogIdsJoined) - countedTwice),
    ),
    minJoinRate: parts[0]!.minJoinRate,
  };
}

/**
 * The engine section of a sharded run, as one run would have written it: counts add up, the
 * due-soon lists interleave, and a hold is stale only if it matched nothing in every shard.
 */
export function mergeEngineReports(
  parts: readonly EngineReport[],
  countedTwice = 0,
): EngineReport | undefined {
  const [first] = parts;
  if (first === undefined) return undefined;
  const sum = (pick: (e: EngineReport) => number) => parts.reduce((n, e) => n + pick(e), 0);

  const recordingTime = new Map<string, number>();
  for (const part of parts) {
    for (const [source, n] of Object.entries(part.recordingTime))
      recordingTime.set(source, (recordingTime.get(source) ?? 0) + n);
  }
  const dueSoon = parts
    .flatMap((e) => e.retention.dueSoon)
    .sort((a, b) => compareStrings(a.deleteBy, b.deleteBy) || compareStrings(a.path, b.path));
  const citations = new Map(parts.flatMap((e) => e.unconfirmedCitations).map((c) => [c.id, c]));
  const staleEverywhere = (id: string) => parts.every((e) => e.holds?.stale.some((h) => h.id === id));

  return {
    ...first,
    coverage: {
      ...first.coverage,
      coverageUnknown: sum((e) => e.coverage.coverageUnknown),
      recordingsOfUnknownTime: sum((e) => e.coverage.recordingsOfUnknownTime),
    },
    priorNotice: {
      ...first.priorNotice,
      unverifiedRecordings: sum((e) => e.priorNotice.unverifiedRecordings),
    },
    join: mergeJoinRates(
      parts.map((e) => e.join),
      countedTwice,
    ),
    recordingTime: Object.fromEntries([...recordingTime].sort(([a], [b]) => compareStrings(a, b))),
    retention: { ...first.retention, dueSoon },
    holds: first.holds && { ...first.holds, stale: first.holds.stale.filter((h) => staleEverywhere(h.id)) },
    unconfirmedCitations: [...citations.values()].sort((a, b) => compareStrings(a.id, b.id)),
  };
}
