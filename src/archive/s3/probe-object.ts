import { extname } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { TAIL_BYTES } from '../id3v1-tail.js';
import { probeAudio, type ProbeResult } from '../probe.js';
import { MissingBytes, type OpenBytes } from '../read-bytes.js';
import { FetchedRanges, ObjectReader, type ObjectVersion } from './object-bytes.js';

/**
 * The first GET: enough for every fast reader's head (a WAV's 4 KiB, an MP3's ID3v2 tag and its
 * first 64 KiB of frames), so most recordings cost one request, two for an MP3 (its ID3v1 tail).
 */
const HEAD_BYTES = 128 * 1024;
/** A reader asking for more gets at least this much, so a walk over chunks is not a GET per chunk. */
const MIN_FETCH_BYTES = 64 * 1024;
/** After this many extra fetches the rest of the object is fetched at once. */
const MAX_ROUNDS = 8;
const TAIL_EXTENSIONS = new Set(['.mp1', '.mp2', '.mp3', '.m2a']);

export interface ObjectProbe {
  probe: ProbeResult;
  version: ObjectVersion;
  /** Ranged GETs it took. */
  gets: number;
}

/**
 * Probes one S3 object with the same readers as a local file: fetches the head (and the tail
 * where a format keeps tags there) by ranged GETs, runs the readers on those bytes, and fetches
 * whatever else they ask for, then runs them again.
 */
export async function probeObject(
  client: S3Client,
  bucket: string,
  object: { key: string; size: number; etag: string },
  onGet?: () => void,
): Promise<ObjectProbe> {
  return readObject(client, bucket, object, onGet, async (open, reader) => ({
    probe: await probeAudio(object.key, object.size, { open }),
    version: reader.version,
    gets: reader.gets,
  }));
}

/**
 * Runs `read` over the object's bytes as far as they are fetched: the head (and an MPEG tail) at
 * once, then whatever range a reader asks for (MissingBytes), until it answers. The first GET is
 * conditional on the listed ETag, so every byte comes from the version the listing named.
 */
export async function readObject<T>(
  client: S3Client,
  bucket: string,
  object: { key: string; size: number; etag: string },
  onGet: (() => void) | undefined,
  read: (open: OpenBytes, reader: ObjectReader) => Promise<T>,
): Promise<T> {
  const { key, size } = object;
  const ranges = new FetchedRanges(size);
  const reader = new ObjectReader(client, bucket, key, object.etag, onGet);
  if (size > 0) await reader.fetch(ranges, 0, Math.min(size, HEAD_BYTES));
  else await reader.head();
  if (size > HEAD_BYTES && TAIL_EXTENSIONS.has(extname(key).toLowerCase())) {
    await reader.fetch(ranges, size - TAIL_BYTES, TAIL_BYTES);
  }
  const open: OpenBytes = (use) => use(ranges);
  for (let round = 0; ; round++) {
    try {
      return await read(open, reader);
    } catch (error) {
      if (!(error instanceof MissingBytes)) throw error;
      if (round >= MAX_ROUNDS) await reader.fetch(ranges, 0, size);
      else await reader.fetch(ranges, error.position, Math.max(error.length, MIN_FETCH_BYTES));
    }
  }
}

/** 412: the ETag no longer matches; 404: the key is gone. */
export function changedMeanwhile(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status === 412 || status === 404;
}
