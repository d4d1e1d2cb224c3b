import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { kindOf } from '../file-kind.js';
import { temporaryNameFor } from '../temporary-name.js';
import type { ProbeResult } from './probe.js';

/**
 * Probe results from earlier runs, so an unchanged archive is not read again. An entry is
 * used only when the file's size, modification time and inode are unchanged, and the whole
 * cache only when it was written by the same tool version with the same ID settings.
 *
 * File format (JSON Lines): a header object, one array per recording
 * `[key, size, mtimeMs, inode, format, codec, durationSec, problems]`, and a trailer
 * `{"entries": n}`. A file without a valid trailer was cut short and is not trusted.
 * The header line begins `{"format":"callaudit-probe-cache"` in every version: that is how a file
 * is known as a cache, and no other file is ever replaced by one.
 */
const CACHE_FORMAT = 'callaudit-probe-cache';
/**
 * Raised when the probe's judgement changes, so answers of the older probe are not reused
 * (2: audio must show a consistent format and a run of frames; junk once read as audio is not).
 */
const CACHE_FORMAT_VERSION = 2;
const HEADER_START = `{"format":${JSON.stringify(CACHE_FORMAT)}`;

/**
 * Why `file` must not be replaced by a probe cache, or null when it may: it does not exist, or it
 * is a regular file whose first line is a callaudit cache header. A recording, a call log, a
 * FIFO, /dev/zero or a folder named as the cache is never renamed over.
 */
export function whyNotACache(file: string): string | null {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? null : `it cannot be examined (${code ?? (error as Error).message})`;
  }
  if (!stats.isFile()) return `it is ${kindOf(stats)}, not a regular file`;
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) return 'it is not a regular file';
    const head = Buffer.alloc(HEADER_START.length);
    const read = readSync(fd, head, 0, head.length, 0);
    if (head.toString('utf8', 0, read) === HEADER_START) return null;
    return 'it is not a callaudit probe cache (its first line does not say so)';
  } finally {
    closeSync(fd);
  }
}

/** A file that is there but no probe cache: it is neither read as one nor replaced. */
class NotACache extends Error {}

export interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
  /**
   * An S3 object's version ID, learnt from the GET that probed it (a listing does not give it),
   * kept so a re-run that does not GET the object still reports it. Not compared: the key holds
   * the ETag, and size and last-modified are compared.
   */
  version?: string;
}

/** Whether a cached probe still describes the file: same size, modification time and inode. */
export function sameIdentity(cached: FileIdentity, now: FileIdentity): boolean {
  return cached.size === now.size && cached.mtimeMs === now.mtimeMs && cached.ino === now.ino;
}

export interface CacheEntry extends FileIdentity {
  probe: ProbeResult;
  /** Found unchanged in this run. */
  used?: boolean;
  /** Probed again in this run, as the file changed. */
  superseded?: boolean;
}

type CacheLine = [
  string,
  number,
  number,
  number,
  string | null,
  string | null,
  number | null,
  ProbeResult['problems'],
  string?,
];

/** What makes cached results stale besides the file itself. */
export interface CacheStamp {
  toolVersion: string;
  /** Settings that change what a probe records, e.g. how call IDs are read. */
  settings: string;
}

export class ProbeCache {
  private readonly previous: Map<string, CacheEntry>;
  /**
   * The next cache file, written as probes arrive rather than kept in a map until the save:
   * at a million recordings that map was a few hundred megabytes at the scan's peak.
   */
  private out: { fd: number; temporary: string; batch: string; entries: number } | null = null;
  hits = 0;
  misses = 0;

  private constructor(
    readonly file: string,
    private readonly stamp: CacheStamp,
    previous: Map<string, CacheEntry>,
  ) {
    this.previous = previous;
  }

  /** An empty cache that will be written to `file`. */
  static empty(file: string, stamp: CacheStamp): ProbeCache {
    return new ProbeCache(file, stamp, new Map());
  }

  /**
   * Loads `file`. A missing file is an empty cache; a corrupt, truncated or stale one is
   * discarded (`warn` says why for corrupt ones), never trusted and never fatal.
   */
  static async load(file: string, stamp: CacheStamp, warn: (message: string) => void): Promise<ProbeCache> {
    const foreign = whyNotACache(file);
    if (foreign !== null) {
      warn(`the probe cache ${file} is left alone: ${foreign}; no cache is read or written`);
      return ProbeCache.empty(file, stamp);
    }
    try {
      return new ProbeCache(file, stamp, await readEntries(file, stamp));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && !(error instanceof StaleCache) && !(error instanceof NotACache)) {
        warn(
          `the probe cache ${file} is unreadable or damaged (${(error as Error).message}); it is ignored and rebuilt`,
        );
      }
      return ProbeCache.empty(file, stamp);
    }
  }

  /** The cached probe when the file is unchanged; remembers the entry for the next save. */
  get(key: string, identity: FileIdentity): ProbeResult | null {
    const entry = this.lookup(key);
    if (entry === null || !sameIdentity(entry, identity)) {
      this.misses++;
      return null;
    }
    return this.reuse(entry);
  }

  /** The entry of `key` from the earlier run, whether or not it still describes the file. */
  lookup(key: string): CacheEntry | null {
    return this.previous.get(key) ?? null;
  }

  /** The probe of an entry whose file was found unchanged; the entry is kept for the next save. */
  reuse(entry: CacheEntry): ProbeResult {
    this.hits++;
    entry.used = true;
    return entry.probe;
  }

  /** A new probe of a file the cache did not describe (a miss); kept for the next save. */
  store(key: string, identity: FileIdentity, probe: ProbeResult): void {
    this.misses++;
    this.set(key, identity, probe);
  }

  set(key: string, identity: FileIdentity, probe: ProbeResult): void {
    // The earlier entry of a changed file must not be written next to the new one.
    const earlier = this.previous.get(key);
    if (earlier) earlier.superseded = true;
    if (this.failure !== null) return;
    try {
      const out = this.open();
      this.append(out, key, identity, probe);
      out.entries++;
    } catch (error) {
      // A full disk must not stop the audit: the cache is not written, and save() says why.
      this.failure = error as Error;
      this.abandon();
    }
  }

  /** Why the cache could not be written during the scan, if it could not. */
  private failure: Error | null = null;

  private abandon(): void {
    if (this.out === null) return;
    try {
      closeSync(this.out.fd);
    } finally {
      rmSync(this.out.temporary, { force: true });
      this.out = null;
    }
  }

  private open(): NonNullable<ProbeCache['out']> {
    if (this.out === null) {
      // Owner only: the cache lists every recording's path, phone numbers included.
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      const temporary = temporaryNameFor(this.file);
      const header = { format: CACHE_FORMAT, version: CACHE_FORMAT_VERSION, ...this.stamp };
      this.out = {
        fd: openSync(temporary, 'wx'),
        temporary,
        batch: `${JSON.stringify(header)}\n`,
        entries: 0,
      };
    }
    return this.out;
  }

  private append(
    out: NonNullable<ProbeCache['out']>,
    key: string,
    identity: FileIdentity,
    probe: ProbeResult,
  ) {
    const line: CacheLine = [
      key,
      identity.size,
      identity.mtimeMs,
      identity.ino,
      probe.format,
      probe.codec,
      probe.durationSec,
      probe.problems,
    ];
    if (identity.version !== undefined) line.push(identity.version);
    out.batch += `${JSON.stringify(line)}\n`;
    if (out.batch.length > 1 << 20) {
      writeSync(out.fd, out.batch);
      out.batch = '';
    }
  }

  /**
   * Writes what this run saw, plus earlier entries outside `scannedPrefixes` (other archives
   * audited with the same cache), through a temporary file and a rename: a reader never sees
   * half a cache, and a crash leaves the old one.
   */
  save(scannedPrefixes: readonly string[] = []): void {
    if (this.failure !== null) throw this.failure;
    const kept: Array<[string, CacheEntry]> = [];
    for (const [key, entry] of this.previous) {
      if (entry.used || (!entry.superseded && !scannedPrefixes.some((p) => key.startsWith(p))))
        kept.push([key, entry]);
    }
    // An unchanged archive leaves the cache as it was read: rewriting it would only cost time.
    // Nothing read and nothing probed (the audit stopped before the scan) writes nothing at all.
    if (this.out === null && kept.length === this.previous.size) return;
    const out = this.open();
    this.out = null;
    try {
      for (const [key, entry] of kept) this.append(out, key, entry, entry.probe);
      writeSync(out.fd, `${out.batch}${JSON.stringify({ entries: out.entries + kept.length })}\n`);
    } catch (error) {
      closeSync(out.fd);
      rmSync(out.temporary, { force: true });
      throw error;
    }
    closeSync(out.fd);
    // Checked again at the last moment: the file may have been swapped since the audit began.
    const foreign = whyNotACache(this.file);
    if (foreign !== null) {
      rmSync(out.temporary, { force: true });
      throw new Error(`${this.file} is not replaced: ${foreign}`);
    }
    renameSync(out.temporary, this.file);
  }
}

class StaleCache extends Error {}

async function readEntries(file: string, stamp: CacheStamp): Promise<Map<string, CacheEntry>> {
  const entries = new Map<string, CacheEntry>();
  let header: Record<string, unknown> | null = null;
  let trailer: { entries?: unknown } | null = null;
  for (const value of valuesOf(file)) {
    if (trailer !== null) throw new Error('text after the end marker');
    if (header === null) {
      header = value as Record<string, unknown>;
      if (header?.format !== CACHE_FORMAT) throw new NotACache();
      if (
        header.version !== CACHE_FORMAT_VERSION ||
        header.toolVersion !== stamp.toolVersion ||
        header.settings !== stamp.settings
      ) {
        // Written by another version or for other ID settings: outdated, not damaged.
        throw new StaleCache();
      }
      continue;
    }
    if (!Array.isArray(value)) {
      trailer = value as { entries?: unknown };
      continue;
    }
    entries.set(...toEntry(value));
  }
  if (header === null || trailer === null) throw new Error('the file is cut short');
  if (trailer.entries !== entries.size) throw new Error('the entry count does not match');
  return entries;
}

const MAX_LINE_BYTES = 64 << 20;

/**
 * The JSON value of every line, read in blocks of a few megabytes, each block parsed by one
 * `JSON.parse` as an array: line by line (readline, or a parse per line) cost far more
 * (docs/performance.md), and reading the file whole would hold a million-entry cache twice in memory. JSON
 * escapes line breaks inside strings, so every raw newline ends a value.
 */
function* valuesOf(file: string): Generator<unknown> {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new NotACache();
    let block = Buffer.allocUnsafe(4 << 20);
    let filled = 0;
    for (;;) {
      if (filled === block.length) {
        // One line longer than the block: grow it rather than split the line.
        if (block.length >= MAX_LINE_BYTES) throw new Error('a line is too long');
        const bigger = Buffer.allocUnsafe(block.length * 2);
        block.copy(bigger, 0, 0, filled);
        block = bigger;
      }
      const read = readSync(fd, block, filled, block.length - filled, null);
      const end = filled + read;
      // At the end of the file the last line needs no newline.
      const complete = read === 0 ? end : block.lastIndexOf(10, end - 1) + 1;
      if (complete > 0) {
        const lines = block.toString('utf8', 0, complete).split('\n');
        const values = lines.filter((line) => line !== '').join(',');
        if (values !== '') yield* JSON.parse(`[${values}]`) as unknown[];
      }
      if (read === 0) return;
      block.copy(block, 0, complete, end);
      filled = end - complete;
    }
  } finally {
    closeSync(fd);
  }
}

function toEntry(value: unknown[]): [string, CacheEntry] {
  const [key, size, mtimeMs, ino, format, codec, durationSec, problems, version] = value;
  const nullableString = (v: unknown) => v === null || typeof v === 'string';
  if (
    typeof key !== 'string' ||
    typeof size !== 'number' ||
    typeof mtimeMs !== 'number' ||
    typeof ino !== 'number' ||
    !nullableString(format) ||
    !nullableString(codec) ||
    !(durationSec === null || typeof durationSec === 'number') ||
    !Array.isArray(problems) ||
    !(version === undefined || typeof version === 'string') ||
    !problems.every((p) => typeof p?.code === 'string' && typeof p?.message === 'string')
  ) {
    throw new Error('an entry has the wrong shape');
  }
  return [
    key,
    {
      size,
      mtimeMs,
      ino,
      ...(version === undefined ? {} : { version: version as string }),
      probe: {
        format: format as string | null,
        codec: codec as string | null,
        durationSec: durationSec as number | null,
        problems: problems as ProbeResult['problems'],
      },
    },
  ];
}
