import { resolve, sep } from 'node:path';
import type { ArchiveSource, AuditPlan } from '../config/settings.js';
import { CallauditError } from '../errors.js';
import { TOOL } from '../version.js';
import { ProbeCache } from './probe-cache.js';
import { ScanInterrupted, type ScanResult } from './scan.js';
import { scanSources } from './scan-sources.js';
import { isS3Root } from './s3/location.js';

export interface ScanStats {
  recordings: number;
  fromCache: number;
  seconds: number;
}

interface ScanHooks {
  warn?: (message: string) => void;
  signal?: AbortSignal;
  onScanProgress?: (done: number, total: number) => void;
  onScanStats?: (stats: ScanStats) => void;
  onPhaseDone?: (phase: string, garbage: boolean) => void;
}

/**
 * The cache of this plan's settings, or undefined with --no-cache. Cached probes are stale
 * when the tool version or the call-ID settings change.
 */
export async function openProbeCache(
  plan: AuditPlan,
  archives: readonly ArchiveSource[],
  hooks: { warn: (message: string) => void; onPhaseDone?: ScanHooks['onPhaseDone'] },
): Promise<ProbeCache | undefined> {
  if (plan.cache === null) return undefined;
  const settings = JSON.stringify(archives);
  const cache = await ProbeCache.load(plan.cache, { toolVersion: TOOL.version, settings }, hooks.warn);
  hooks.onPhaseDone?.('start + load cache', false);
  return cache;
}

/**
 * Scans the archive through the cache and saves the cache afterwards, also when Ctrl-C stopped
 * the scan: whatever was probed is kept for the next run.
 */
export async function scanWithCache(
  plan: AuditPlan,
  archives: readonly ArchiveSource[],
  cache: ProbeCache | undefined,
  hooks: ScanHooks,
): Promise<ScanResult> {
  const started = Date.now();
  try {
    const scan = await scanSources(archives, {
      concurrency: plan.concurrency,
      threads: plan.threads,
      s3: plan.s3,
      cache,
      shard: plan.shard ?? undefined,
      signal: hooks.signal,
      onProgress: hooks.onScanProgress,
      onPhaseDone: hooks.onPhaseDone,
    });
    hooks.onScanStats?.({
      recordings: scan.recordings.length,
      fromCache: cache?.hits ?? 0,
      seconds: (Date.now() - started) / 1000,
    });
    return scan;
  } catch (error) {
    if (error instanceof ScanInterrupted) {
      throw new CallauditError(
        'INTERRUPTED',
        `stopped after probing ${error.probed} of ${error.total} recordings; no report was written`,
        cache
          ? `the probe cache ${cache.file} keeps what was probed: run the audit again to go on`
          : undefined,
      );
    }
    throw error;
  } finally {
    // A shard sees part of the archive: pruning would drop the other shards' entries.
    saveQuietly(cache, plan.shard ? [] : archives.map((a) => a.root), hooks.warn);
  }
}

function saveQuietly(
  cache: ProbeCache | undefined,
  roots: readonly string[],
  warn?: (message: string) => void,
) {
  if (!cache) return;
  try {
    cache.save(roots.map((root) => (isS3Root(root) ? `${root}/` : resolve(root) + sep)));
  } catch (error) {
    warn?.(`could not save the probe cache ${cache.file}: ${(error as Error).message}`);
  }
}

export function sumRows(rowsPerLog: Map<string, number>): number {
  let total = 0;
  for (const rows of rowsPerLog.values()) total += rows;
  return total;
}
