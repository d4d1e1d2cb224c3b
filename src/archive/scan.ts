import { lstatSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Recording } from '../audit/types.js';
import { NO_EXTENSION, extensionOf, isAudioPath } from './audio-extensions.js';
import { locateCallId } from './call-id.js';
import { mapWithConcurrency } from './pool.js';
import { probeAudio } from './probe.js';
import type { FileIdentity, ProbeCache } from './probe-cache.js';
import { inShard, type Shard } from './shard.js';
import { walkArchive } from './walk.js';

export interface ScanOptions {
  /** Compiled with compileIdPattern; null takes the file name without its extension. */
  idPattern: RegExp | null;
  /** Files read at once; default 32. */
  concurrency?: number;
  /** Only audio files this accepts are audited (a preset's include globs); others count as ignored. */
  include?: (relativePath: string) => boolean;
  /** Called after each recording is probed with the number probed so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Earlier probe results; new ones are added to it. */
  cache?: ProbeCache;
  /** Only this part of the archive (see shard.ts). */
  shard?: Shard;
  /** Read embedded tags: turns off the WAV header fast path. */
  needTags?: boolean;
  /** When aborted, probing stops after the files in flight and the scan throws ScanInterrupted. */
  signal?: AbortSignal;
}

/** The scan was stopped by its AbortSignal (Ctrl-C); the cache holds what was probed. */
export class ScanInterrupted extends Error {
  constructor(
    readonly probed: number,
    readonly total: number,
  ) {
    super(`interrupted after ${probed} of ${total} recordings`);
    this.name = 'ScanInterrupted';
  }
}

export interface IgnoredFiles {
  total: number;
  /** Lower-case extension without the dot (`(none)` for none) → count, keys in byte order. */
  byExtension: Record<string, number>;
}

/** What one root held; the shape of the report's `inputs.roots`. */
export interface RootSummary {
  path: string;
  recordings: number;
  ignoredFiles: number;
  ignoredByExtension: Record<string, number>;
}

export interface ScanResult {
  /** Sorted by root, then path, in byte order. */
  recordings: Recording[];
  /** Files that are not recordings (sidecars, notes, …), over all roots. */
  ignored: IgnoredFiles;
  /** One entry per distinct root, in the order given. */
  roots: RootSummary[];
}

const DEFAULT_CONCURRENCY = 32;

interface FileRef {
  root: string;
  path: string;
}

/**
 * Finds and probes every recording under `roots`. Read-only: it opens files for reading and
 * never creates, changes or deletes anything inside a root. A bad file becomes a recording with
 * a problem; only a root that cannot be listed at all throws (a CallauditError).
 */
export async function scanArchive(roots: readonly string[], options: ScanOptions): Promise<ScanResult> {
  const files: FileRef[] = [];
  const perRoot: Array<{ path: string; recordings: number; ignored: Map<string, number> }> = [];
  for (const root of new Set(roots)) {
    const summary = { path: root, recordings: 0, ignored: new Map<string, number>() };
    perRoot.push(summary);
    for await (const path of walkArchive(root)) {
      // Ignored files are split like recordings, so the partial reports' counts add up.
      if (options.shard && !inShard(path, options.shard)) continue;
      if (isAudioPath(path) && (options.include?.(path) ?? true)) {
        files.push({ root, path });
        summary.recordings++;
      } else {
        increment(summary.ignored, extensionOf(path) || NO_EXTENSION, 1);
      }
    }
  }
  // Sorting before probing makes the output order independent of which read finishes first.
  const sorted = sortByBytes(files, (f) => `${f.root}\0${f.path}`);

  let done = 0;
  const total = sorted.length;
  const recordings = await mapWithConcurrency(
    sorted,
    options.concurrency ?? DEFAULT_CONCURRENCY,
    async (file) => {
      const recording = await readRecording(file, options);
      options.onProgress?.(++done, total);
      return recording;
    },
    () => options.signal?.aborted === true,
  );
  if (options.signal?.aborted) throw new ScanInterrupted(done, total);

  const allIgnored = new Map<string, number>();
  for (const root of perRoot) for (const [ext, n] of root.ignored) increment(allIgnored, ext, n);
  return {
    recordings,
    ignored: { total: sum(allIgnored), byExtension: toSortedRecord(allIgnored) },
    roots: perRoot.map((root) => ({
      path: root.path,
      recordings: root.recordings,
      ignoredFiles: sum(root.ignored),
      ignoredByExtension: toSortedRecord(root.ignored),
    })),
  };
}

function increment(counts: Map<string, number>, key: string, by: number): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

function sum(counts: Map<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

function toSortedRecord(counts: Map<string, number>): Record<string, number> {
  const record: Record<string, number> = {};
  for (const [key, n] of sortByBytes([...counts], ([ext]) => ext)) record[key] = n;
  return record;
}

async function readRecording(file: FileRef, options: ScanOptions): Promise<Recording> {
  const { callId, idSource } = locateCallId(file.path, options.idPattern);
  const base = {
    root: file.root,
    path: file.path,
    callId,
    idSource,
    startedAt: null,
    timeSource: null,
  } as const;
  const absPath = join(file.root, file.path);
  let size: number;
  let mtime: string;
  let identity: FileIdentity;
  try {
    // Synchronous on purpose: a metadata lookup takes microseconds once the walk has read the
    // folder, while the promise version's thread-pool round trip cost 3× as much (bench/).
    const stats = lstatSync(absPath);
    size = stats.size;
    mtime = stats.mtime.toISOString();
    identity = { size, mtimeMs: stats.mtimeMs, ino: stats.ino };
  } catch (error) {
    // Without stats there is no honest mtime; an empty one cannot be mistaken for an old file
    // by a retention rule, as the epoch would be.
    return {
      ...base,
      size: 0,
      mtime: '',
      format: null,
      codec: null,
      durationSec: null,
      problems: [{ code: 'UNREADABLE', message: `Cannot read the file: ${(error as Error).message}` }],
    };
  }
  const cacheKey = options.cache ? cacheKeyOf(file) : '';
  let probe = options.cache?.get(cacheKey, identity) ?? null;
  if (probe === null) {
    probe = await probeAudio(absPath, size, { needTags: options.needTags });
    options.cache?.set(cacheKey, identity, probe);
  }
  return { ...base, size, mtime, ...probe };
}

/** The absolute path: the same file audited from another working folder is the same entry. */
function cacheKeyOf(file: FileRef): string {
  return join(resolve(file.root), file.path);
}

/** Byte order of the UTF-8 encoding, so the order matches `sort` and `LC_ALL=C ls`. */
function sortByBytes<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: Buffer.from(key(item), 'utf8') }))
    .sort((a, b) => Buffer.compare(a.key, b.key))
    .map(({ item }) => item);
}
