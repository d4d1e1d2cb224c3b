import { s3Failure } from '../archive/s3/client.js';
import { identityKey } from './locations.js';
import type { ManifestRow } from './manifest.js';
import { heldBy } from './purge-holds.js';
import type { PurgeInputs } from './purge-inputs.js';
import type { PurgeSession } from './purge-session.js';
import type { RowResult } from './purge-types.js';
import {
  planS3Object,
  purgeS3Object,
  s3LogRecord,
  type S3PurgeTarget,
  type S3QuarantineTarget,
} from './s3-purge.js';
import type { Skip } from './skip-reasons.js';

/** The checks of a row that need no request: the right bucket root and no active hold. */
function checkOffline(row: ManifestRow, inputs: PurgeInputs): Skip | null {
  const { context } = inputs;
  const rowRoot = { device: row.rootDevice, inode: row.rootInode, realPath: row.rootRealPath };
  if (identityKey(rowRoot) !== context.rootKey)
    return { code: 'OTHER_ROOT', detail: `the row's root is ${row.root}` };
  return heldBy(context.holds, row, context.now);
}

function s3Of(inputs: PurgeInputs) {
  if (inputs.s3 === null) throw new Error('an S3 row reached a purge without an S3 root');
  return inputs.s3;
}

/** Where a quarantine puts the row's object: the same relative path under the quarantine prefix. */
function quarantineTarget(row: ManifestRow, inputs: PurgeInputs): S3QuarantineTarget | null {
  const place = s3Of(inputs).quarantine;
  return place === null ? null : { bucket: place.bucket, key: place.prefix + row.path };
}

/** The dry run of one S3 row: refused with the reason, or planned with the other versions that would go. */
export async function planS3Row(row: ManifestRow & { object: S3PurgeTarget }, inputs: PurgeInputs) {
  const skip = checkOffline(row, inputs);
  if (skip) return { kind: 'skipped', row, skip } satisfies RowResult;
  const { client, keepOtherVersions, versioning } = s3Of(inputs);
  const copyTo = quarantineTarget(row, inputs);
  const plan = await planS3Object(client, row.object, { keepOtherVersions, versioning }, copyTo).catch(
    (error: unknown) => {
      throw s3Failure(error, row.root, `checking ${row.object.key}`);
    },
  );
  if (plan.action === 'refused')
    return { kind: 'skipped', row, skip: { code: plan.code, detail: plan.detail } } satisfies RowResult;
  return {
    kind: 'planned',
    row,
    size: row.size,
    otherVersions: plan.otherVersions,
    ...(copyTo ? { copyTo: `s3://${copyTo.bucket}/${copyTo.key}` } : {}),
  } satisfies RowResult;
}

/**
 * Deletes one S3 row's object (s3-purge.ts re-checks it first) and logs the outcome with its
 * S3 record. A request that fails before the audited version is deleted is logged as
 * ACTION_FAILED for this row (the object was left as it was); one that fails after it is logged
 * as a deletion marked incomplete, by s3-purge.ts. The run goes on.
 * No journal intent: a crash after the delete leaves the row to --resume, whose HEAD then finds
 * the version gone and logs S3_OBJECT_GONE.
 */
export async function actOnS3Row(
  index: number,
  row: ManifestRow & { object: S3PurgeTarget },
  inputs: PurgeInputs,
  session: PurgeSession,
): Promise<RowResult> {
  const skip = checkOffline(row, inputs);
  if (skip) return session.skipped(index, row, skip);
  const { client, keepOtherVersions, versioning } = s3Of(inputs);
  let outcome: Awaited<ReturnType<typeof purgeS3Object>>;
  try {
    outcome = await purgeS3Object(
      client,
      row.object,
      { keepOtherVersions, versioning },
      quarantineTarget(row, inputs),
    );
  } catch (error) {
    // The log names no key (keys hold phone numbers): the row's path hash identifies it.
    const doing = inputs.mode === 'quarantine' ? 'copying to the quarantine or deleting' : 'deleting';
    const failure = s3Failure(error, row.root, `${doing} the audited version`);
    return session.skipped(index, row, { code: 'ACTION_FAILED', detail: failure.message });
  }
  const record = s3LogRecord(row.object, outcome);
  if (outcome.action === 'refused')
    return session.skipped(index, row, { code: outcome.code, detail: outcome.detail }, null, record);
  return session.actedS3(index, row, record);
}

export const isS3Row = (row: ManifestRow): row is ManifestRow & { object: S3PurgeTarget } =>
  row.object !== null;
