import type { S3Client } from '@aws-sdk/client-s3';
import type { Recording } from '../../audit/types.js';
import { NO_EXTENSION, extensionOf, isAudioPath } from '../audio-extensions.js';
import type { ProbeResult } from '../probe.js';
import type { FileIdentity } from '../probe-cache.js';
import { ScanInterrupted, toRecording, type ScanOptions, type ScanResult } from '../scan.js';
import { inShard } from '../shard.js';
import type { IgnoreReason } from '../walk.js';
import { s3Failure } from './client.js';
import { listObjects, type ListedObject } from './list-objects.js';
import { formatS3Root, type S3Location } from './location.js';
import { changedMeanwhile, probeObject } from './probe-object.js';
import { sortByBytes } from '../byte-order.js';
import { CallauditError } from '../../errors.js';

export interface S3ScanOptions extends Pick<
  ScanOptions,
  'idPattern' | 'include' | 'cache' | 'shard' | 'signal' | 'onProgress'
> {
  client: S3Client;
  /** Objects probed at once (ranged GETs in flight). */
  concurrency: number;
  /** Told of every GET, for the tests that prove a re-run reads nothing unchanged. */
  onGet?: () => void;
}

const SIDECAR_NAME = /\.(?:json|xml)$/i;

/** The probe cache's key of an object: a new ETag is a new entry, so the old one is never reused. */
function s3CacheKey(bucket: string, key: string, etag: string): string {
  return `s3://${bucket}/${key}\u0000${etag}`;
}

/**
 * The S3 counterpart of scanArchive for one `s3://bucket/prefix` root: lists the objects page
 * by page and probes each recording by ranged GETs while the listing goes on, at most
 * `concurrency` at a time. Keys count as paths relative to the prefix, so `--include` globs,
 * presets and ID patterns apply to them as to a folder's files. Read-only: it lists and GETs.
 */
export async function scanS3Root(
  location: S3Location,
  options: S3ScanOptions,
): Promise<ScanResult & { sidecarKeys: Map<string, string> }> {
  const root = formatS3Root(location);
  const recordings: Recording[] = [];
  const ignored = new Map<string, number>();
  const reasons = new Map<string, number>();
  const ignore = (path: string, reason: IgnoreReason) => {
    if (options.shard && !inShard(path, options.shard)) return;
    ignored.set(extensionOf(path) || NO_EXTENSION, (ignored.get(extensionOf(path) || NO_EXTENSION) ?? 0) + 1);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  };
  // Only the keys that can be sidecars (JSON, XML) are kept, with their ETags, to look them up without a request each.
  const sidecarKeys = new Map<string, string>();
  const inFlight = new Set<Promise<void>>();
  let listed = 0;
  let done = 0;
  let failure: unknown = null;
  const probeOne = async (object: ListedObject, path: string, index: number) => {
    try {
      recordings[index] = await inspectObject(root, location, object, path, options);
    } catch (error) {
      failure ??= error;
    }
    options.onProgress?.(++done, listed);
  };
  try {
    for await (const page of listObjects(options.client, location, options.signal)) {
      for (const object of page) {
        const path = object.key.slice(location.prefix.length);
        if (path.split('/').some((segment) => segment.startsWith('.'))) ignore(path, 'hidden');
        else if (!isAudioPath(path)) {
          ignore(path, 'not-audio');
          if (SIDECAR_NAME.test(path)) sidecarKeys.set(object.key, object.etag);
        } else if (!(options.include?.(path) ?? true)) ignore(path, 'not-included');
        else if (!options.shard || inShard(path, options.shard)) {
          while (inFlight.size >= options.concurrency) await Promise.race(inFlight);
          if (failure !== null || options.signal?.aborted) break;
          const task = probeOne(object, path, listed++).finally(() => inFlight.delete(task));
          inFlight.add(task);
        }
      }
      if (failure !== null || options.signal?.aborted) break;
    }
  } catch (error) {
    failure ??= error;
  }
  await Promise.all(inFlight);
  if (options.signal?.aborted) throw new ScanInterrupted(done, listed);
  if (failure !== null) throw s3Failure(failure, root, 'reading the bucket');
  if (listed === 0 && reasons.size === 0) {
    throw new CallauditError(
      'ARCHIVE_NOT_FOUND',
      `The archive ${root} holds no objects: no key starts with "${location.prefix}" in bucket ${location.bucket}.`,
      'check the prefix (keys are case-sensitive) and the bucket; `aws s3 ls` with the same credentials shows what is there',
    );
  }
  const record = (counts: Map<string, number>) =>
    Object.fromEntries(sortByBytes([...counts], ([key]) => key)) as Record<string, number>;
  let ignoredTotal = 0;
  for (const n of ignored.values()) ignoredTotal += n;
  return {
    sidecarKeys,
    // S3 lists keys in UTF-8 byte order, the order scanArchive sorts paths into.
    recordings,
    ignored: { total: ignoredTotal, byExtension: record(ignored), byReason: record(reasons) },
    roots: [
      {
        path: root,
        recordings: recordings.length,
        ignoredFiles: ignoredTotal,
        ignoredByExtension: record(ignored),
        ignoredByReason: record(reasons),
      },
    ],
  };
}

/** One object through the cache: reused when bucket, key, ETag, size and last-modified match. */
async function inspectObject(
  root: string,
  location: S3Location,
  object: ListedObject,
  path: string,
  options: S3ScanOptions,
): Promise<Recording> {
  const cacheKey = s3CacheKey(location.bucket, object.key, object.etag);
  const identity: FileIdentity = { size: object.size, mtimeMs: object.lastModifiedMs, ino: 0 };
  const cached = options.cache?.get(cacheKey, identity);
  let probe: ProbeResult;
  let versionId: string | null;
  let etag = object.etag;
  if (cached && options.cache) {
    probe = cached;
    versionId = options.cache.lookup(cacheKey)?.version ?? null;
  } else {
    let probed;
    try {
      probed = await probeObject(options.client, location.bucket, object, options.onGet);
    } catch (error) {
      if (!changedMeanwhile(error)) throw error;
      // Like a file removed during the walk: no verdict may rest on bytes that are gone.
      const recording = toRecording({ root, path }, identity, CHANGED_MEANWHILE, options.idPattern);
      recording.object = { versionId: null, etag: object.etag };
      return recording;
    }
    probe = probed.probe;
    versionId = probed.version.versionId;
    etag = probed.version.etag;
    options.cache?.set(
      cacheKey,
      { ...identity, ...(versionId === null ? {} : { version: versionId }) },
      probe,
    );
  }
  const recording = toRecording({ root, path }, identity, probe, options.idPattern);
  recording.object = { versionId, etag };
  return recording;
}

const CHANGED_MEANWHILE: ProbeResult = {
  format: null,
  codec: null,
  durationSec: null,
  problems: [
    {
      code: 'UNREADABLE',
      message: 'The object was overwritten or deleted while the audit read it: audit again.',
    },
  ],
};
