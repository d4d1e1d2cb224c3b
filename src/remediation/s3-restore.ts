import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client, NO_S3_SETTINGS, s3Failure } from '../archive/s3/client.js';
import { listObjects } from '../archive/s3/list-objects.js';
import { formatS3Root, parseS3Root, type S3Location } from '../archive/s3/location.js';
import { checkLogLocation, realFileLocation } from './locations.js';
import { pathSha256, sha256Text, type LogEntry } from './log-entry.js';
import { DeletionLogWriter } from './log-writer.js';
import type { RestoreHooks, RestoreOptions, RestoreReport, RestoreResult } from './restore.js';
import { restoreLine, verifiedLogEntries } from './restore-log.js';
import { copyVerified, hasCurrentObject, s3QuarantineLocation } from './s3-copy.js';
import type { Skip } from './skip-reasons.js';

/** What the log recorded of a quarantined object's copy. */
interface QuarantinedCopy {
  bucket: string;
  key_sha256: string;
  version_id: string | null;
  etag: string;
}

const copyOf = (entry: LogEntry): QuarantinedCopy | null => {
  const s3 = entry.s3 as { quarantined?: QuarantinedCopy } | undefined;
  return s3?.quarantined ?? null;
};

/** What a restore line of an S3 object records: where it went back to, and the quarantine copy removed. */
export interface S3RestoreRecord {
  bucket: string;
  key_sha256: string;
  restored: { version_id: string | null; etag: string };
  /** The quarantine copy's version, deleted after the restored object was proved; null if that failed. */
  quarantine_deleted: { bucket: string; key_sha256: string; version_id: string | null } | null;
}

/**
 * Puts objects a quarantine of an s3:// root copied away back to their keys. Only keys under the
 * quarantine prefix that the deletion log records as quarantined from this root (and not restored
 * since) are touched; each copy must still be the logged version with the logged ETag and size;
 * an original key with a current object is never overwritten. Per object: copy back, prove the
 * copy (size and ETag, else SHA-256), and only then delete the quarantine copy's version.
 */
export async function restoreS3(
  options: RestoreOptions,
  operator: string,
  hooks: RestoreHooks,
): Promise<RestoreReport> {
  const now = () => (hooks.now ?? (() => new Date()))().toISOString();
  const root = parseS3Root(options.root);
  const rootText = formatS3Root(root);
  const quarantine = s3QuarantineLocation(options.quarantine, [rootText]);
  const realLog = realFileLocation(options.logFile, 'deletion log');
  checkLogLocation(realLog, [], null);
  const entries = verifiedLogEntries(realLog, options.logFile);
  // Only what left this root, by the SHA-256 of the root as purge logged it.
  const rootSha256 = sha256Text(rootText);
  const inQuarantine = new Map<string, LogEntry>();
  for (const entry of entries) {
    if (entry.root_sha256 !== rootSha256) continue;
    if (entry.action === 'quarantined' && copyOf(entry)) inQuarantine.set(entry.path_sha256, entry);
    if (entry.action === 'restored') inQuarantine.delete(entry.path_sha256);
  }

  const client = hooks.s3Client ?? createS3Client(options.s3 ?? NO_S3_SETTINGS);
  try {
    const where = `s3://${quarantine.bucket}`;
    const keys: string[] = [];
    try {
      for await (const page of listObjects(client, quarantine)) keys.push(...page.map((o) => o.key));
    } catch (error) {
      throw s3Failure(error, formatS3Root(quarantine), 'listing the quarantine');
    }
    const files = keys.map((key) => key.slice(quarantine.prefix.length)).sort();
    const present = new Set(files.map(pathSha256));
    const missing = [...inQuarantine.values()]
      .filter((entry) => !present.has(entry.path_sha256))
      .sort((a, b) => a.seq - b.seq);
    const plan = (file: string) =>
      planOne(client, file, inQuarantine, quarantine, root).catch((error: unknown) => {
        throw s3Failure(error, where, `checking ${file}`);
      });
    const results: RestoreResult[] = [];
    for (const file of files) results.push(await plan(file));
    if (!options.execute) return { executed: false, results, missing, warnings: [], log: null };
    const toRestore = results.filter((r) => r.kind === 'planned');
    const bytes = toRestore.reduce((sum, r) => sum + (r.kind === 'planned' ? r.size : 0), 0);
    if (hooks.confirm && !(await hooks.confirm({ files: toRestore.length, bytes })))
      return { executed: false, results, missing, warnings: [], log: null };

    const log = DeletionLogWriter.open(realLog);
    const session = randomUUID();
    const append = (
      entry: LogEntry,
      action: 'restored' | 'skipped',
      skip: Skip | null,
      s3: S3RestoreRecord | null,
      note: string | null = null,
    ) =>
      log.append(
        restoreLine(entry, { at: now(), session, operator, action, skip, note, s3: s3 ?? undefined }),
      );
    const done: RestoreResult[] = [];
    try {
      for (const planned of results) {
        // Re-checked just before acting: the original key may have been written meanwhile.
        const again = planned.kind === 'planned' ? await plan(planned.path) : planned;
        if (again.kind !== 'planned') {
          if (again.kind === 'skipped' && again.entry) append(again.entry, 'skipped', again.skip, null);
          done.push(again);
          continue;
        }
        const { entry } = again;
        const copy = copyOf(entry)!;
        const originalKey = root.prefix + again.path;
        const quarantineKey = quarantine.prefix + again.path;
        let copied: Awaited<ReturnType<typeof copyVerified>>;
        try {
          copied = await copyVerified(
            client,
            {
              bucket: quarantine.bucket,
              key: quarantineKey,
              versionId: copy.version_id,
              etag: copy.etag,
              size: entry.size ?? 0,
            },
            { bucket: root.bucket, key: originalKey },
          );
        } catch (error) {
          const skip: Skip = {
            code: 'ACTION_FAILED',
            detail: `${s3Failure(error, where, 'copying back').message}; the quarantine copy was left as it was`,
          };
          append(entry, 'skipped', skip, null);
          done.push({ kind: 'skipped', path: again.path, skip, entry });
          continue;
        }
        if (!copied.ok) {
          const skip: Skip = {
            code: copied.code,
            detail: `${copied.detail}; the quarantine copy was left as it was`,
          };
          append(entry, 'skipped', skip, null);
          done.push({ kind: 'skipped', path: again.path, skip, entry });
          continue;
        }
        const record: S3RestoreRecord = {
          bucket: root.bucket,
          key_sha256: sha256Text(originalKey),
          restored: { version_id: copied.copy.versionId, etag: copied.copy.etag },
          quarantine_deleted: {
            bucket: quarantine.bucket,
            key_sha256: sha256Text(quarantineKey),
            version_id: copy.version_id,
          },
        };
        let note: string | null = null;
        try {
          await client.send(
            new DeleteObjectCommand({
              Bucket: quarantine.bucket,
              Key: quarantineKey,
              VersionId: copy.version_id ?? undefined,
            }),
          );
        } catch (error) {
          record.quarantine_deleted = null;
          note = `restored, but the quarantine copy was not removed: ${s3Failure(error, where, 'deleting the quarantine copy').message}`;
        }
        append(entry, 'restored', null, record, note);
        done.push({ ...again, kind: 'restored' });
      }
    } finally {
      log.close();
    }
    return {
      executed: true,
      results: done,
      missing,
      warnings: [],
      log: { file: options.logFile, head: log.headHash, lines: log.lineCount },
    };
  } finally {
    // Its sockets would keep the process alive.
    if (!hooks.s3Client) client.destroy();
  }
}

async function planOne(
  client: S3Client,
  file: string,
  inQuarantine: Map<string, LogEntry>,
  quarantine: S3Location,
  root: S3Location,
): Promise<RestoreResult> {
  const entry = inQuarantine.get(pathSha256(file));
  const copy = entry ? copyOf(entry) : null;
  const quarantineKey = quarantine.prefix + file;
  if (!entry || !copy || copy.bucket !== quarantine.bucket || copy.key_sha256 !== sha256Text(quarantineKey))
    return {
      kind: 'skipped',
      path: file,
      skip: {
        code: 'NOT_QUARANTINED_HERE',
        detail: 'the log has no line quarantining this object from this root to this quarantine',
      },
    };
  const skipped = (skip: Skip): RestoreResult => ({ kind: 'skipped', path: file, skip, entry });
  const head = await client
    .send(
      new HeadObjectCommand({
        Bucket: quarantine.bucket,
        Key: quarantineKey,
        VersionId: copy.version_id ?? undefined,
      }),
    )
    .catch((error: { $metadata?: { httpStatusCode?: number } }) => {
      const status = error.$metadata?.httpStatusCode;
      if (status === 404 || status === 405) return null;
      throw error;
    });
  if (head === null)
    return skipped({ code: 'S3_OBJECT_GONE', detail: 'the logged version of the quarantine copy is gone' });
  if (head.ETag !== copy.etag || head.ContentLength !== entry.size)
    return skipped({
      code: 'CHANGED',
      detail: 'the quarantine copy has another ETag or size than the log records',
    });
  if (await hasCurrentObject(client, root.bucket, root.prefix + file))
    return skipped({
      code: 'TARGET_EXISTS',
      detail: 'the original key has a current object; it is never overwritten',
    });
  return { kind: 'planned', path: file, size: entry.size ?? 0, entry };
}
