import type { AuditResult, RootInput, UnnamedResult } from './result.js';
import { labelsOfFindings } from './label-inventory.js';
import { normaliseCallId } from './join.js';
import { mergeEngineReports } from './merge-engine.js';
import { sortFindings, summarise } from './summarise.js';

/** Written by `audit --shard i/n`: one part of an audit, to be merged with the others. */
export interface PartialReport {
  format: typeof PARTIAL_FORMAT;
  shard: { index: number; count: number };
  result: AuditResult;
}

export const PARTIAL_FORMAT = 'callaudit-partial-report';
export const PARTIAL_FILE_NAME = 'partial-report.json';

/** Why partials cannot be merged; the CLI turns it into a CallauditError. */
export class MergeRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MergeRefused';
  }
}

/**
 * Joins the partial reports of one sharded audit into the report an unsharded run gives.
 * Refuses partials of different tool versions, policies, settings (`--now` included) or call
 * logs, and a set of shards with one missing or twice.
 */
export function mergePartials(partials: readonly PartialReport[], names: readonly string[]): UnnamedResult {
  const first = partials[0];
  if (first === undefined) throw new MergeRefused('MERGE_NOTHING', 'no partial report given');
  const count = first.shard.count;
  const seen = new Map<number, string>();
  partials.forEach((partial, i) => {
    const name = names[i] ?? `#${i + 1}`;
    const differs = (what: string, a: unknown, b: unknown) => {
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        throw new MergeRefused(
          'MERGE_MISMATCH',
          `${name} has another ${what} than ${names[0]}: ${JSON.stringify(b)} vs ${JSON.stringify(a)}`,
        );
      }
    };
    differs('tool version', first.result.tool, partial.result.tool);
    differs('report schema', first.result.schemaVersion, partial.result.schemaVersion);
    differs('policy', first.result.policy, partial.result.policy);
    differs('settings (--now, ID, columns)', first.result.settings, partial.result.settings);
    differs('call logs (file hashes)', first.result.inputs.callLogs, partial.result.inputs.callLogs);
    differs('outcome map', first.result.inputs.outcomeMap, partial.result.inputs.outcomeMap);
    differs('archive roots', rootPaths(first.result), rootPaths(partial.result));
    differs('number of shards', count, partial.shard.count);
    const twin = seen.get(partial.shard.index);
    if (twin !== undefined) {
      throw new MergeRefused(
        'MERGE_DUPLICATE_SHARD',
        `shard ${partial.shard.index}/${count} is given twice: ${twin} and ${name}`,
      );
    }
    seen.set(partial.shard.index, name);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    throw new MergeRefused(
      'MERGE_MISSING_SHARD',
      `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`,
    );
  }

  const recordings = sortFindings(partials.flatMap((p) => p.result.recordings));
  // A partial read back from disk also carries the JSON report's personal-data notice.
  const {
    runId: _partialRunId,
    deletionManifest: _partialManifest,
    notice: _notice,
    ...common
  } = first.result as AuditResult & { notice?: string };
  const engines = partials.flatMap((p) => (p.result.engine ? [p.result.engine] : []));
  // Without a run ID: writing the merged report names it, as it names one run's.
  return {
    ...common,
    inputs: { ...common.inputs, roots: mergeRoots(partials.map((p) => p.result.inputs.roots)) },
    summary: summarise(recordings),
    labels: labelsOfFindings(recordings),
    ...(engines.length > 0 ? { engine: mergeEngineReports(engines, joinedInSeveralShards(partials)) } : {}),
    recordings,
  };
}

/**
 * Call IDs whose recordings found call-log rows in more than one shard: each of those shards
 * counted the call-log ID as joined, one run counts it once.
 */
function joinedInSeveralShards(partials: ReadonlyArray<{ result: AuditResult }>): number {
  const shardsOf = new Map<string, Set<number>>();
  partials.forEach((partial, shard) => {
    for (const finding of partial.result.recordings) {
      if (finding.callId === null || finding.events.length === 0) continue;
      const key = normaliseCallId(finding.callId);
      shardsOf.set(key, (shardsOf.get(key) ?? new Set()).add(shard));
    }
  });
  return [...shardsOf.values()].reduce((n, shards) => n + shards.size - 1, 0);
}

function rootPaths(result: AuditResult): string[] {
  return result.inputs.roots.map((r) => r.path);
}

/** Counts add up because every file, ignored ones too, belongs to exactly one shard. */
function mergeRoots(parts: RootInput[][]): RootInput[] {
  return (parts[0] ?? []).map((root, i) => {
    const same = parts.map((roots) => roots[i]!);
    return {
      ...root,
      recordings: same.reduce((n, r) => n + r.recordings, 0),
      ignoredFiles: same.reduce((n, r) => n + r.ignoredFiles, 0),
      ignoredByExtension: sumCounts(same.map((r) => r.ignoredByExtension)),
      // A partial report written before reasons were counted has none.
      ignoredByReason: sumCounts(same.map((r) => r.ignoredByReason ?? {})),
    };
  });
}

/** Counts summed key by key, keys in the byte order scan.ts sorts them in. */
function sumCounts(records: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const sums = new Map<string, number>();
  for (const record of records)
    for (const [key, n] of Object.entries(record)) sums.set(key, (sums.get(key) ?? 0) + n);
  const sorted: Record<string, number> = {};
  for (const key of [...sums.keys()].sort(compareBytes)) sorted[key] = sums.get(key)!;
  return sorted;
}

/** The byte order scan.ts sorts extensions in. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
