import { createHash } from 'node:crypto';
import {
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { CallauditError } from '../errors.js';
import { formatS3Root, isS3Root, parseS3Root, type S3Location } from '../archive/s3/location.js';

/** One object version: where it is and what it must be. */
export interface S3VersionAt {
  bucket: string;
  key: string;
  /** null: the only version of a key in a bucket without versioning. */
  versionId: string | null;
}

/** A copy made and proved equal to its source. */
export interface VerifiedCopy {
  bucket: string;
  key: string;
  versionId: string | null;
  etag: string;
}

export type CopyOutcome =
  | { ok: true; copy: VerifiedCopy }
  | { ok: false; code: 'TARGET_EXISTS' | 'S3_COPY_UNVERIFIED'; detail: string };

/**
 * The quarantine of an s3:// root: an s3:// location outside every audited prefix of the bucket
 * (not inside one, not equal to one, not containing one), so the next audit never sees the copies.
 * Refused before anything is touched.
 */
export function s3QuarantineLocation(quarantine: string, roots: readonly string[]): S3Location {
  if (!isS3Root(quarantine))
    throw new CallauditError(
      'BAD_FLAG',
      `--quarantine ${quarantine} is not an s3:// location: an S3 root is quarantined into object storage; nothing was touched`,
      'give --quarantine s3://bucket/prefix outside the audited prefix',
    );
  const place = parseS3Root(quarantine);
  for (const root of roots.filter(isS3Root)) {
    const audited = parseS3Root(root);
    if (audited.bucket !== place.bucket) continue;
    if (place.prefix.startsWith(audited.prefix) || audited.prefix.startsWith(place.prefix))
      throw new CallauditError(
        'BAD_FLAG',
        `the quarantine ${formatS3Root(place)} overlaps the audited root ${formatS3Root(audited)}; nothing was touched`,
        'choose a --quarantine prefix (or bucket) outside the audited prefix: the next audit must not see quarantined objects',
      );
  }
  return place;
}

/** A request's CopySource: bucket, the key URL-encoded segment by segment, and the version. */
function copySource({ bucket, key, versionId }: S3VersionAt): string {
  const encoded = key.split('/').map(encodeURIComponent).join('/');
  return `${bucket}/${encoded}${versionId === null ? '' : `?versionId=${encodeURIComponent(versionId)}`}`;
}

async function headOrNull(client: S3Client, at: S3VersionAt): Promise<HeadObjectCommandOutput | null> {
  try {
    return await client.send(
      new HeadObjectCommand({ Bucket: at.bucket, Key: at.key, VersionId: at.versionId ?? undefined }),
    );
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || status === 405) return null;
    throw error;
  }
}

/** Whether `key` has a current object (a delete marker on top counts as none). */
export async function hasCurrentObject(client: S3Client, bucket: string, key: string): Promise<boolean> {
  return (await headOrNull(client, { bucket, key, versionId: null })) !== null;
}

/**
 * Copies one object version to `target` (a key with no current object: nothing is overwritten),
 * then proves the copy: a HEAD of the version written must show the source's size and ETag; when
 * the ETags differ (a multipart source: the copy is written in one part), both are read and their
 * SHA-256 compared. Anything short of that proof is reported, never taken as a copy.
 */
export async function copyVerified(
  client: S3Client,
  source: S3VersionAt & { etag: string; size: number },
  target: { bucket: string; key: string },
): Promise<CopyOutcome> {
  if (await hasCurrentObject(client, target.bucket, target.key))
    return {
      ok: false,
      code: 'TARGET_EXISTS',
      detail: 'an object already exists at the destination key; it is never overwritten',
    };
  const answer = await client.send(
    new CopyObjectCommand({ Bucket: target.bucket, Key: target.key, CopySource: copySource(source) }),
  );
  // radosgw does not name the version a copy wrote: then the current one is checked, and recorded.
  const head = await headOrNull(client, { ...target, versionId: answer.VersionId ?? null });
  if (head === null)
    return { ok: false, code: 'S3_COPY_UNVERIFIED', detail: 'the copy is not there after copying' };
  const versionId = answer.VersionId ?? nullable(head.VersionId);
  const copy = { ...target, versionId, etag: head.ETag ?? '' };
  if (head.ContentLength !== source.size)
    return {
      ok: false,
      code: 'S3_COPY_UNVERIFIED',
      detail: `the copy has ${head.ContentLength ?? '?'} bytes, the source ${source.size}`,
    };
  if (head.ETag === source.etag) return { ok: true, copy };
  const [a, b] = await Promise.all([sha256Of(client, source), sha256Of(client, copy)]);
  return a === b
    ? { ok: true, copy }
    : { ok: false, code: 'S3_COPY_UNVERIFIED', detail: 'the copy differs from the source (SHA-256)' };
}

/** Unversioned buckets name no version (or "null"). */
function nullable(versionId: string | undefined): string | null {
  return versionId === undefined || versionId === 'null' ? null : versionId;
}

async function sha256Of(client: S3Client, at: S3VersionAt): Promise<string> {
  const answer = await client.send(
    new GetObjectCommand({ Bucket: at.bucket, Key: at.key, VersionId: at.versionId ?? undefined }),
  );
  const hash = createHash('sha256');
  for await (const chunk of answer.Body as AsyncIterable<Uint8Array>) hash.update(chunk);
  return hash.digest('hex');
}
