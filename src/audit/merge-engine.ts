import type { EngineReport } from './engine-report.js';
import { compareStrings } from './summarise.js';

/**
 * The engine section of a sharded run, as one run would have written it: counts add up, the
 * due-soon lists interleave, and a hold is stale only if it matched nothing in every shard.
 */
export function mergeEngineReports(parts: readonly EngineReport[]): EngineReport | undefined {
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
      treatedAsCovered: sum((e) => e.coverage.treatedAsCovered),
      recordingsOfUnknownTime: sum((e) => e.coverage.recordingsOfUnknownTime),
    },
    recordingTime: Object.fromEntries([...recordingTime].sort(([a], [b]) => compareStrings(a, b))),
    retention: { ...first.retention, dueSoon },
    holds: first.holds && { ...first.holds, stale: first.holds.stale.filter((h) => staleEverywhere(h.id)) },
    unconfirmedCitations: [...citations.values()].sort((a, b) => compareStrings(a.id, b.id)),
  };
}
