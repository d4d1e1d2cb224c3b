import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketVersioningCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { s3Failure } from '../archive/s3/client.js';
import { sha256Text, type LogEntry } from './log-entry.js';
import { copyVerified, hasCurrentObject, type VerifiedCopy } from './s3-copy.js';

/** One manifest row of an s3:// root: the object version the audit judged. */
export interface S3PurgeTarget {
  bucket: string;
  key: string;
  /** null: read from a bucket that never had versioning. */
  versionId: string | null;
  etag: string;
  size: number;
}

/** A version or delete marker of the key. */
interface S3VersionRef {
  versionId: string | null;
  etag: string | null;
  deleteMarker: boolean;
}

type S3RefusalCode =
  'S3_OBJECT_GONE' | 'S3_OBJECT_CHANGED' | 'S3_OBJECT_LOCKED' | 'TARGET_EXISTS' | 'S3_COPY_UNVERIFIED';

/** Where a quarantine copies one object to, before it deletes the original. */
export interface S3QuarantineTarget {
  bucket: string;
  key: string;
}

export type S3PurgeOutcome =
  | {
      action: 'deleted';
      /** A quarantine: the copy of the audited version, verified before anything was deleted. */
      quarantined: VerifiedCopy | null;
      /** The audited version first, then every other version and delete marker removed. */
      deleted: S3VersionRef[];
      /** With keepOtherVersions: what still holds the key, for the report to the authority. */
      kept: S3VersionRef[];
      /** Versions the server refused to delete (e.g. another version under Object Lock). */
      failed: Array<S3VersionRef & { code: string }>;
      /**
       * The audited version is gone, but deleting the key's other versions stopped early (a request
       * failed, or versions were still listed after MAX_ROUNDS): why, and the versions left.
       */
      incomplete: { detail: string; left: S3VersionRef[] } | null;
    }
  | {
      action: 'refused';
      code: S3RefusalCode;
      detail: string;
      /** S3_OBJECT_LOCKED by retention: until when (ISO 8601); null for a legal hold. */
      retainUntil: string | null;
    };

export interface S3PurgeOptions {
  /** Delete only the audited version and report the key's other versions and delete markers. */
  keepOtherVersions?: boolean;
  /** Whether a bucket has (or had) versioning: bucketVersioning(client), shared by a run's rows. */
  versioning?: BucketVersioning;
  now?: () => Date;
}

/** Whether a bucket has or had versioning on (Enabled or Suspended). */
export type BucketVersioning = (bucket: string) => Promise<boolean>;

/**
 * Asks each bucket once for its versioning: a run's dry-run checks and deletions of every row share
 * one answer instead of a GetBucketVersioning per row and step.
 */
export function bucketVersioning(client: S3Client): BucketVersioning {
  const answers = new Map<string, Promise<boolean>>();
  return (bucket) => {
    let answer = answers.get(bucket);
    if (answer === undefined) {
      answer = client
        .send(new GetBucketVersioningCommand({ Bucket: bucket }))
        .then((v) => v.Status === 'Enabled' || v.Status === 'Suspended');
      // A failed request is not remembered: the next row asks again.
      answer.catch(() => answers.delete(bucket));
      answers.set(bucket, answer);
    }
    return answer;
  };
}

/** Enough rounds for any key; a writer adding versions as fast as they go must not loop us forever. */
const MAX_ROUNDS = 50;

/**
 * Deletes the audited version of one object, irreversibly. Before acting, a HEAD of that version
 * must show the manifest's ETag and size, no Object Lock (retention or legal hold) and no newer
 * version written since the audit; otherwise nothing is touched and the refusal says why. In a
 * bucket with versioning, deleting by key alone would only add a delete marker and leave the
 * recording retrievable: so the named version is deleted, and then every other version and
 * delete marker of the key that existed when the checks passed (or, with keepOtherVersions, they
 * are reported). A version written while the purge runs was never judged: it is reported as kept,
 * never deleted. The versions are listed again from the start after each batch: paging on with
 * version markers while deleting skips versions on radosgw (see docs/s3.md).
 */
export async function purgeS3Object(
  client: S3Client,
  target: S3PurgeTarget,
  options: S3PurgeOptions = {},
  quarantineTo: S3QuarantineTarget | null = null,
): Promise<S3PurgeOutcome> {
  const { bucket, key } = target;
  const checked = await checkS3Object(client, target, options);
  if ('action' in checked) return checked;
  const { versioned, versionId, snapshot } = checked;
  let quarantined: VerifiedCopy | null = null;
  if (quarantineTo !== null) {
    // Never delete an original whose copy is not proved: a failed proof leaves the original as it is.
    const copied = await copyVerified(
      client,
      { bucket, key, versionId: versionId ?? null, etag: target.etag, size: target.size },
      quarantineTo,
    );
    if (!copied.ok) return refused(copied.code, copied.detail);
    quarantined = copied.copy;
  }
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
  const outcome: DeletedOutcome = {
    action: 'deleted',
    quarantined,
    deleted: [{ versionId: target.versionId, etag: target.etag, deleteMarker: false }],
    kept: [],
    failed: [],
    incomplete: null,
  };
  if (!versioned) return outcome;
  const audited = versionKey(target.versionId);
  // Only what existed when the checks passed may go: anything newer was never judged.
  const judged = snapshot.filter((v) => versionKey(v.versionId) !== audited);
  // The audited version is gone now: whatever fails from here on is logged as a deletion left incomplete.
  try {
    const left = await deleteJudgedVersions(client, target, judged, outcome, options);
    if (left.length > 0) {
      // Listed still, whatever the server answered: not deleted.
      outcome.deleted = outcome.deleted.filter((v) => !left.some((l) => l.versionId === v.versionId));
      outcome.incomplete = {
        detail: `versions of the key were still listed after ${MAX_ROUNDS} rounds of deleting`,
        left,
      };
    }
  } catch (error) {
    outcome.incomplete = {
      detail: s3Failure(error, `s3://${bucket}`, "deleting the key's other versions").message,
      left: notDeleted(judged, outcome),
    };
  }
  return outcome;
}

type DeletedOutcome = Extract<S3PurgeOutcome, { action: 'deleted' }>;

/**
 * Deletes the versions of `judged` still listed, round by round, into `outcome`; a version listed
 * but not judged goes to `kept`. Returns the judged versions still listed after MAX_ROUNDS
 * (none when all went or, with keepOtherVersions, once all are recorded as kept).
 */
async function deleteJudgedVersions(
  client: S3Client,
  { bucket, key, versionId }: S3PurgeTarget,
  judged: readonly S3VersionRef[],
  outcome: DeletedOutcome,
  options: S3PurgeOptions,
): Promise<S3VersionRef[]> {
  const mayGo = new Set(judged.map((v) => versionKey(v.versionId)));
  for (let round = 0; ; round++) {
    const listed = (await versionsOf(client, bucket, key)).filter(
      (v) =>
        versionKey(v.versionId) !== versionKey(versionId) &&
        !outcome.failed.some((f) => f.versionId === v.versionId),
    );
    const left = listed.filter((v) => mayGo.has(versionKey(v.versionId)));
    outcome.kept = options.keepOtherVersions ? listed : listed.filter((v) => !left.includes(v));
    if (options.keepOtherVersions || left.length === 0) return [];
    if (round === MAX_ROUNDS) return left;
    const answer = await client.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: {
          Objects: left.map((v) => ({ Key: key, VersionId: versionKey(v.versionId) })),
          Quiet: false,
        },
      }),
    );
    for (const error of answer.Errors ?? []) {
      const version = left.find((v) => versionKey(v.versionId) === error.VersionId);
      if (version) outcome.failed.push({ ...version, code: error.Code ?? 'Error' });
    }
    for (const done of answer.Deleted ?? []) {
      const version = left.find((v) => versionKey(v.versionId) === done.VersionId);
      if (version && !outcome.deleted.some((d) => d.versionId === version.versionId))
        outcome.deleted.push(version);
    }
  }
}

/** The judged versions neither deleted nor refused by the server (those are in `failed`). */
function notDeleted(judged: readonly S3VersionRef[], outcome: DeletedOutcome): S3VersionRef[] {
  const settled = new Set([...outcome.deleted, ...outcome.failed].map((v) => versionKey(v.versionId)));
  return judged.filter((v) => !settled.has(versionKey(v.versionId)));
}

/**
 * What a purge of the object would do, without doing it (the dry run): refused, or how many other
 * versions and delete markers would go too (none with keepOtherVersions).
 */
export async function planS3Object(
  client: S3Client,
  target: S3PurgeTarget,
  options: S3PurgeOptions = {},
  quarantineTo: S3QuarantineTarget | null = null,
): Promise<Extract<S3PurgeOutcome, { action: 'refused' }> | { action: 'planned'; otherVersions: number }> {
  const checked = await checkS3Object(client, target, options);
  if ('action' in checked) return checked;
  if (quarantineTo !== null && (await hasCurrentObject(client, quarantineTo.bucket, quarantineTo.key)))
    return refused(
      'TARGET_EXISTS',
      'an object already exists at the quarantine key; it is never overwritten',
    );
  if (options.keepOtherVersions) return { action: 'planned', otherVersions: 0 };
  const audited = versionKey(target.versionId);
  return {
    action: 'planned',
    otherVersions: checked.snapshot.filter((v) => versionKey(v.versionId) !== audited).length,
  };
}

/**
 * The audited version, re-checked: still there, unchanged, unlocked and still the newest; and, in
 * a versioned bucket, the key's versions and delete markers as they are now (the snapshot the
 * purge deletes from).
 */
async function checkS3Object(
  client: S3Client,
  target: S3PurgeTarget,
  options: S3PurgeOptions,
): Promise<
  | Extract<S3PurgeOutcome, { action: 'refused' }>
  | { versioned: boolean; versionId: string | undefined; snapshot: S3VersionRef[] }
> {
  // The details go to the deletion log, which must name no key (keys hold phone numbers).
  const { bucket, key } = target;
  const versioned = await (options.versioning ?? bucketVersioning(client))(bucket);
  // In a versioned bucket, the "null" version is the one written before versioning was turned on.
  const versionId = target.versionId ?? (versioned ? 'null' : undefined);

  const head = await headOrNull(client, bucket, key, versionId);
  if (head === null) return refused('S3_OBJECT_GONE', 'the audited version no longer exists');
  if (head.ETag !== target.etag || head.ContentLength !== target.size) {
    return refused(
      'S3_OBJECT_CHANGED',
      `not the object audited: ETag ${head.ETag ?? '?'} and ${head.ContentLength ?? '?'} bytes, ` +
        `the manifest says ${target.etag} and ${target.size} bytes`,
    );
  }
  const lock = objectLock(head, (options.now ?? (() => new Date()))());
  if (lock !== null) return lock;
  if (!versioned) return { versioned, versionId, snapshot: [] };
  const current = await headOrNull(client, bucket, key, undefined);
  if (current !== null && current.VersionId !== versionId) return newerVersion(current.VersionId ?? 'null');
  // Taken after the HEADs: a version written in between is newer than the audited one in it, and refused.
  const snapshot = await allVersionsOf(client, bucket, key);
  const audited = snapshot.findIndex((v) => !v.deleteMarker && versionKey(v.versionId) === versionId);
  if (audited < 0) return refused('S3_OBJECT_GONE', 'the audited version no longer exists');
  const newer = snapshot.slice(0, audited).find((v) => !v.deleteMarker);
  if (newer) return newerVersion(versionKey(newer.versionId));
  return { versioned, versionId, snapshot };
}

function newerVersion(versionId: string) {
  return refused(
    'S3_OBJECT_CHANGED',
    `a newer version (${versionId}) was written after the audit; ` +
      'it was never judged, so the key is left alone: audit again',
  );
}

/** The key's versions and delete markers, one page from the start (never paged while deleting). */
async function versionsOf(client: S3Client, bucket: string, key: string): Promise<S3VersionRef[]> {
  return (await versionPage(client, bucket, key)).versions;
}

/**
 * Every version and delete marker of the key, paged to the end: taken before anything is deleted,
 * so paging is safe. Real versions are newest first, as S3 lists them.
 */
async function allVersionsOf(client: S3Client, bucket: string, key: string): Promise<S3VersionRef[]> {
  const versions: S3VersionRef[] = [];
  let marker: { key: string | undefined; versionId: string | undefined } | null = null;
  do {
    const page: Awaited<ReturnType<typeof versionPage>> = await versionPage(client, bucket, key, marker);
    versions.push(...page.versions);
    marker = page.next;
  } while (marker !== null);
  return versions;
}

async function versionPage(
  client: S3Client,
  bucket: string,
  key: string,
  marker: { key: string | undefined; versionId: string | undefined } | null = null,
) {
  const page = await client.send(
    new ListObjectVersionsCommand({
      Bucket: bucket,
      Prefix: key,
      MaxKeys: 1000,
      ...(marker ? { KeyMarker: marker.key, VersionIdMarker: marker.versionId } : {}),
    }),
  );
  const versions: S3VersionRef[] = [];
  for (const v of page.Versions ?? [])
    if (v.Key === key)
      versions.push({ versionId: nullable(v.VersionId), etag: v.ETag ?? null, deleteMarker: false });
  for (const m of page.DeleteMarkers ?? [])
    if (m.Key === key) versions.push({ versionId: nullable(m.VersionId), etag: null, deleteMarker: true });
  const next =
    page.IsTruncated && page.NextKeyMarker !== undefined
      ? { key: page.NextKeyMarker, versionId: page.NextVersionIdMarker }
      : null;
  return { versions, next };
}

function nullable(versionId: string | undefined): string | null {
  return versionId === undefined || versionId === 'null' ? null : versionId;
}

/** A version as requests name it: the version written before versioning was turned on is "null". */
function versionKey(versionId: string | null | undefined): string {
  return versionId ?? 'null';
}

async function headOrNull(
  client: S3Client,
  bucket: string,
  key: string,
  versionId: string | undefined,
): Promise<HeadObjectCommandOutput | null> {
  try {
    return await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    // 404: no such key or version, or (405 for a version) it is a delete marker.
    if (status === 404 || status === 405) return null;
    throw error;
  }
}

/** Object Lock is never forced: a legal hold, or retention until a date still to come, refuses. */
export function objectLock(
  head: Pick<
    HeadObjectCommandOutput,
    'ObjectLockLegalHoldStatus' | 'ObjectLockMode' | 'ObjectLockRetainUntilDate'
  >,
  now: Date,
): Extract<S3PurgeOutcome, { action: 'refused' }> | null {
  if (head.ObjectLockLegalHoldStatus === 'ON') {
    return refused('S3_OBJECT_LOCKED', 'the object is under an S3 Object Lock legal hold', null);
  }
  const until = head.ObjectLockRetainUntilDate;
  if (head.ObjectLockMode && until && until.getTime() > now.getTime()) {
    return refused(
      'S3_OBJECT_LOCKED',
      `the object is under S3 Object Lock (${head.ObjectLockMode} retention) until ${until.toISOString()}`,
      until.toISOString(),
    );
  }
  return null;
}

function refused(code: S3RefusalCode, detail: string, retainUntil: string | null = null) {
  return { action: 'refused' as const, code, detail, retainUntil };
}

/**
 * What the deletion log records of an S3 purge: the bucket, the key only as its SHA-256 (keys hold
 * phone numbers as paths do), and every version ID and ETag acted on or refused.
 */
export function s3LogRecord(target: S3PurgeTarget, outcome: S3PurgeOutcome) {
  return {
    bucket: target.bucket,
    key_sha256: sha256Text(target.key),
    audited: { version_id: target.versionId, etag: target.etag },
    ...(outcome.action === 'deleted'
      ? {
          // Only a quarantine: the S3 lines of a deletion are as before.
          ...(outcome.quarantined
            ? {
                quarantined: {
                  bucket: outcome.quarantined.bucket,
                  key_sha256: sha256Text(outcome.quarantined.key),
                  version_id: outcome.quarantined.versionId,
                  etag: outcome.quarantined.etag,
                },
              }
            : {}),
          deleted: outcome.deleted.map((v) => ({
            version_id: v.versionId,
            etag: v.etag,
            delete_marker: v.deleteMarker,
          })),
          kept: outcome.kept.map((v) => ({
            version_id: v.versionId,
            etag: v.etag,
            delete_marker: v.deleteMarker,
          })),
          failed: outcome.failed.map((v) => ({ version_id: v.versionId, code: v.code })),
          // Only when it happened: the S3 lines of a complete deletion are as before.
          ...(outcome.incomplete
            ? {
                incomplete: {
                  detail: outcome.incomplete.detail,
                  left: outcome.incomplete.left.map((v) => ({
                    version_id: v.versionId,
                    etag: v.etag,
                    delete_marker: v.deleteMarker,
                  })),
                },
              }
            : {}),
        }
      : { refused: { code: outcome.code, retain_until: outcome.retainUntil } }),
  };
}

/**
 * Whether a logged S3 deletion left anything of the key it should have removed: the server
 * refused a version, or deleting stopped early. Such a row is not "handled" (exit status 1).
 */
export function s3DeletionIncomplete(record: NonNullable<LogEntry['s3']>): boolean {
  return 'incomplete' in record || ('failed' in record && record.failed.length > 0);
}
