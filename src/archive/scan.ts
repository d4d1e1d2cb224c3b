import { normalize, resolve, sep } from 'node:path';
import type { IdSource, Recording } from '../audit/types.js';
import { NO_EXTENSION, extensionOf, isAudioPath } from './audio-extensions.js';
import { locateCallId } from './call-id.js';
import type { ProbeResult } from './probe.js';
import type { CacheEntry, FileIdentity, ProbeCache } from './probe-cache.js';
import { inspectFiles } from './probe-pool.js';
import type { Prober } from './inspect-file.js';
import { inShard, type Shard } from './shard.js';
import { walkArchive, type IgnoreReason } from './walk.js';
import { sortByBytes } from './byte-order.js';

export interface ScanOptions {
  /** Compiled with compileIdPattern; null takes the file name without its extension. */
  idPattern: RegExp | null;
  /** Worker threads that probe (see probe-pool.ts); 0 or absent probes on this thread. */
  threads?: number;
  /** Files read at once when probing on this thread; default 32. */
  concurrency?: number;
  /** Only audio files this accepts are audited (a preset's include globs); others count as ignored. */
  include?: (relativePath: string) => boolean;
  /** Called after each recording is probed with the number probed so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Earlier probe results; new ones are added to it. */
  cache?: ProbeCache;
  /** Only this part of the archive (see shard.ts). */
  shard?: Shard;
  /** Test switch: music-metadata for every file, no fast header readers (see ProbeOptions). */
  skipFastReaders?: boolean;
  /** Test seam: what probes a file, on this thread (see InspectOptions). */
  probe?: Prober;
  /** Told when a phase of the scan ends (timing, for the CLI). */
  onPhaseDone?: (phase: string, garbage: boolean) => void;
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

interface IgnoredFiles {
  total: number;
  /** Lower-case extension without the dot (`(none)` for none) → count, keys in byte order. */
  byExtension: Record<string, number>;
  /** Why they were not audited (see IgnoreReason) → count, keys in byte order; sums to `total`. */
  byReason: Record<string, number>;
}

/** What one root held; the shape of the report's `inputs.roots`. */
interface RootSummary {
  path: string;
  recordings: number;
  ignoredFiles: number;
  ignoredByExtension: Record<string, number>;
  ignoredByReason: Record<string, number>;
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

export interface FileRef {
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
  const perRoot: Array<{
    path: string;
    recordings: number;
    ignored: Map<string, number>;
    reasons: Map<string, number>;
  }> = [];
  for (const root of new Set(roots)) {
    const summary = {
      path: root,
      recordings: 0,
      ignored: new Map<string, number>(),
      reasons: new Map<string, number>(),
    };
    perRoot.push(summary);
    const ignore = (path: string, reason: IgnoreReason) => {
      // Ignored files are split like recordings, so the partial reports' counts add up.
      if (options.shard && !inShard(path, options.shard)) return;
      increment(summary.ignored, extensionOf(path) || NO_EXTENSION, 1);
      increment(summary.reasons, reason, 1);
    };
    for await (const path of walkArchive(root, { onSkipped: ignore })) {
      if (!isAudioPath(path)) ignore(path, 'not-audio');
      else if (!(options.include?.(path) ?? true)) ignore(path, 'not-included');
      else if (!options.shard || inShard(path, options.shard)) {
        files.push({ root, path });
        summary.recordings++;
      }
    }
  }
  // Sorting before probing makes the output order independent of which read finishes first.
  const sorted = sortByBytes(files, (f) => `${f.root}\0${f.path}`);

  options.onPhaseDone?.('walk + sort', false);
  const total = sorted.length;
  const prefixes = new Map<string, { given: string; absolute: string }>();
  const prefixOf = (root: string) => {
    let prefix = prefixes.get(root);
    if (prefix === undefined) {
      prefix = { given: joinPrefix(root), absolute: joinPrefix(resolve(root)) };
      prefixes.set(root, prefix);
    }
    return prefix;
  };
  // The cache key: the same file audited from another working folder is the same entry.
  const absolutePathOf = (file: FileRef) => prefixOf(file.root).absolute + file.path;
  const { cache } = options;
  // The entry each job was sent with, to reuse when the worker finds the file unchanged.
  const sentEntries: Array<CacheEntry | null> = cache ? new Array(total) : [];
  const inspected = new Array<Recording | undefined>(total);
  await inspectFiles(
    total,
    (index) => {
      const file = sorted[index]!;
      const entry = cache ? cache.lookup(absolutePathOf(file)) : null;
      if (cache) sentEntries[index] = entry;
      return {
        // As the root was given: a read error's message names the file the way the user did.
        absPath: prefixOf(file.root).given + file.path,
        // Only the identity crosses to the worker, not the cached probe.
        cached: entry && { size: entry.size, mtimeMs: entry.mtimeMs, ino: entry.ino },
      };
    },
    (index, inspection) => {
      const file = sorted[index]!;
      if (inspection.kind === 'unstatable') {
        inspected[index] = unstatableRecording(file, inspection.message, options.idPattern);
        return;
      }
      // A cached answer means the worker found the file as the entry it was sent describes.
      const probe = inspection.kind === 'cached' ? cache!.reuse(sentEntries[index]!) : inspection.probe;
      if (inspection.kind === 'probed') cache?.store(absolutePathOf(file), inspection.identity, probe);
      inspected[index] = toRecording(file, inspection.identity, probe, options.idPattern);
    },
    {
      threads: options.threads ?? 0,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      skipFastReaders: options.skipFastReaders === true,
      signal: options.signal,
      ...(options.probe ? { probe: options.probe } : {}),
      onProgress: (done) => options.onProgress?.(done, total),
    },
  );
  const recordings = inspected.filter((r): r is Recording => r !== undefined);
  if (options.signal?.aborted) throw new ScanInterrupted(recordings.length, total);
  options.onPhaseDone?.('probe', false);

  const allIgnored = new Map<string, number>();
  const allReasons = new Map<string, number>();
  for (const root of perRoot) {
    for (const [ext, n] of root.ignored) increment(allIgnored, ext, n);
    for (const [reason, n] of root.reasons) increment(allReasons, reason, n);
  }
  return {
    recordings,
    ignored: {
      total: sum(allIgnored),
      byExtension: toSortedRecord(allIgnored),
      byReason: toSortedRecord(allReasons),
    },
    roots: perRoot.map((root) => ({
      path: root.path,
      recordings: root.recordings,
      ignoredFiles: sum(root.ignored),
      ignoredByExtension: toSortedRecord(root.ignored),
      ignoredByReason: toSortedRecord(root.reasons),
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

export function toRecording(
  file: FileRef,
  identity: FileIdentity,
  probe: ProbeResult,
  idPattern: RegExp | null,
): Recording {
  const { callId, idSource } = locateCallId(file.path, idPattern);
  return recordingOf(file, callId, idSource, identity.size, isoMtime(identity.mtimeMs), probe);
}

/**
 * A file that could not even be stat-ed. Without stats there is no honest mtime; an empty one
 * cannot be mistaken for an old file by a retention rule, as the epoch would be.
 */
function unstatableRecording(file: FileRef, message: string, idPattern: RegExp | null): Recording {
  const { callId, idSource } = locateCallId(file.path, idPattern);
  return recordingOf(file, callId, idSource, 0, '', {
    format: null,
    codec: null,
    durationSec: null,
    problems: [{ code: 'UNREADABLE', message: `Cannot read the file: ${message}` }],
  });
}

/**
 * One string per distinct container or codec name: every probe made in a worker thread arrives
 * as a fresh copy ("MPEG 2.5 Layer 3" was held 4,000 times at 20,000 recordings).
 */
const names = new Map<string, string>();
function interned(name: string | null): string | null {
  if (name === null) return null;
  let shared = names.get(name);
  if (shared === undefined) names.set(name, (shared = name));
  return shared;
}

const NO_PROBLEMS: Recording['problems'] = Object.freeze([]) as unknown as Recording['problems'];

/** One literal in the report's key order: 100,000s of these are made, spreads cost. */
function recordingOf(
  file: FileRef,
  callId: string | null,
  idSource: IdSource,
  size: number,
  mtime: string,
  probe: ProbeResult,
): Recording {
  return {
    root: file.root,
    path: file.path,
    callId,
    idSource,
    startedAt: null,
    timeSource: null,
    size,
    mtime,
    format: interned(probe.format),
    codec: interned(probe.codec),
    durationSec: probe.durationSec,
    // Most files have no problem: one shared empty list instead of a million.
    problems: probe.problems.length === 0 ? NO_PROBLEMS : probe.problems,
  };
}

/** As `Stats.mtime` gives it: Node rounds the fractional milliseconds, `new Date` would cut them. */
function isoMtime(mtimeMs: number): string {
  return new Date(Math.round(mtimeMs)).toISOString();
}

/**
 * What `path.join(root, path)` puts before a walker's path: the walker's paths are clean
 * (relative, no `.` or `..` segments), so joining is appending to the normalised root, without
 * normalising 100,000s of strings.
 */
export function joinPrefix(root: string): string {
  const normalised = normalize(root);
  if (normalised === '.' || normalised === `.${sep}`) return '';
  return normalised.endsWith(sep) ? normalised : normalised + sep;
}
