import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  PutObjectLegalHoldCommand,
  PutObjectRetentionCommand,
  DeleteBucketCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  objectLock,
  purgeS3Object,
  s3LogRecord,
  type S3PurgeTarget,
} from '../../src/remediation/s3-purge.js';
import { createTestBucket, describeS3, putObject, removeTestBucket, testClient } from '../support/s3.js';

describe('S3 Object Lock is never forced (the refusal path, without a server)', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  it('refuses a legal hold, and retention until a later date with that date', () => {
    expect(objectLock({ ObjectLockLegalHoldStatus: 'ON' }, now)).toMatchObject({
      code: 'S3_OBJECT_LOCKED',
      retainUntil: null,
    });
    const until = new Date('2027-06-30T00:00:00Z');
    const refusal = objectLock({ ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: until }, now);
    expect(refusal).toMatchObject({ code: 'S3_OBJECT_LOCKED', retainUntil: '2027-06-30T00:00:00.000Z' });
    expect(refusal!.detail).toContain('COMPLIANCE retention) until 2027-06-30T00:00:00.000Z');
  });
  it('lets an object go whose retention has passed, or that has none', () => {
    expect(
      objectLock({ ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date('2026-01-01') }, now),
    ).toBe(null);
    expect(objectLock({ ObjectLockLegalHoldStatus: 'OFF' }, now)).toBe(null);
  });
});

async function versionsOfKey(client: S3Client, bucket: string, key: string) {
  const page = await client.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }));
  return [
    ...(page.Versions ?? []).filter((v) => v.Key === key).map((v) => v.VersionId),
    ...(page.DeleteMarkers ?? []).filter((m) => m.Key === key).map((m) => `marker:${m.VersionId}`),
  ];
}

describeS3('purging objects in S3 buckets', () => {
  let client: S3Client;
  let versioned: string;
  let plain: string;

  beforeAll(async () => {
    client = testClient();
    versioned = await createTestBucket(client, { versioned: true });
    plain = await createTestBucket(client);
  }, 60_000);

  afterAll(async () => {
    if (versioned) await removeTestBucket(client, versioned);
    if (plain) await removeTestBucket(client, plain);
    client?.destroy();
  }, 60_000);

  const put = async (bucket: string, key: string, body: string) => {
    const answer = await putObject(client, bucket, key, body);
    return { bucket, key, versionId: answer.VersionId ?? null, etag: answer.ETag!, size: body.length };
  };

  it('deletes the audited version and every other version of the key in a versioned bucket', async () => {
    await put(versioned, 'a/rec_C-1.wav', 'first');
    await put(versioned, 'a/rec_C-1.wav', 'second');
    const audited = await put(versioned, 'a/rec_C-1.wav', 'third!');
    await put(versioned, 'a/rec_C-1.wav.keep', 'a neighbour sharing the prefix');
    expect(await versionsOfKey(client, versioned, 'a/rec_C-1.wav')).toHaveLength(3);

    const outcome = await purgeS3Object(client, audited);
    expect(outcome.action).toBe('deleted');
    if (outcome.action !== 'deleted') return;
    expect(outcome.deleted).toHaveLength(3);
    expect(outcome.deleted[0]!.versionId).toBe(audited.versionId);
    expect(await versionsOfKey(client, versioned, 'a/rec_C-1.wav')).toEqual([]);
    expect(await versionsOfKey(client, versioned, 'a/rec_C-1.wav.keep')).toHaveLength(1);

    const log = s3LogRecord(audited, outcome);
    expect(log.bucket).toBe(versioned);
    expect(JSON.stringify(log)).not.toContain('rec_C-1');
    expect('deleted' in log && log.deleted.map((d) => d.version_id)).toContain(audited.versionId);
  });

  it('removes the delete marker on top too, so nothing of the key stays retrievable', async () => {
    const audited = await put(versioned, 'b/rec_C-2.wav', 'audio');
    await client.send(new DeleteObjectCommand({ Bucket: versioned, Key: 'b/rec_C-2.wav' }));
    expect(
      (await versionsOfKey(client, versioned, 'b/rec_C-2.wav')).some((v) => v?.startsWith('marker:')),
    ).toBe(true);

    const outcome = await purgeS3Object(client, audited);
    expect(outcome).toMatchObject({ action: 'deleted' });
    if (outcome.action === 'deleted') expect(outcome.deleted.some((v) => v.deleteMarker)).toBe(true);
    expect(await versionsOfKey(client, versioned, 'b/rec_C-2.wav')).toEqual([]);
  });

  it('with keepOtherVersions deletes only the audited version and reports the others', async () => {
    const older = await put(versioned, 'c/rec_C-3.wav', 'older');
    const audited = await put(versioned, 'c/rec_C-3.wav', 'audited');
    const outcome = await purgeS3Object(client, audited, { keepOtherVersions: true });
    expect(outcome).toMatchObject({
      action: 'deleted',
      kept: [{ versionId: older.versionId, deleteMarker: false }],
    });
    expect(await versionsOfKey(client, versioned, 'c/rec_C-3.wav')).toEqual([older.versionId]);
  });

  it('refuses an object that got a new version after the audit, and touches nothing', async () => {
    const audited = await put(versioned, 'd/rec_C-4.wav', 'audited');
    await put(versioned, 'd/rec_C-4.wav', 'written after the audit');
    const outcome = await purgeS3Object(client, audited);
    expect(outcome).toMatchObject({ action: 'refused', code: 'S3_OBJECT_CHANGED' });
    expect(await versionsOfKey(client, versioned, 'd/rec_C-4.wav')).toHaveLength(2);
  });

  it('refuses a newer version hidden under a delete marker, and touches nothing', async () => {
    const audited = await put(versioned, 'g/rec_C-7.wav', 'audited');
    await put(versioned, 'g/rec_C-7.wav', 'written after the audit');
    await client.send(new DeleteObjectCommand({ Bucket: versioned, Key: 'g/rec_C-7.wav' }));
    const outcome = await purgeS3Object(client, audited);
    expect(outcome).toMatchObject({ action: 'refused', code: 'S3_OBJECT_CHANGED' });
    expect(await versionsOfKey(client, versioned, 'g/rec_C-7.wav')).toHaveLength(3);
  });

  it('refuses when ETag or size differ from the manifest, or the version is gone', async () => {
    const audited = await put(versioned, 'e/rec_C-5.wav', 'audited');
    expect(await purgeS3Object(client, { ...audited, etag: '"0000"' })).toMatchObject({
      code: 'S3_OBJECT_CHANGED',
    });
    expect(await purgeS3Object(client, { ...audited, size: 999 })).toMatchObject({
      code: 'S3_OBJECT_CHANGED',
    });
    expect(await purgeS3Object(client, audited)).toMatchObject({ action: 'deleted' });
    expect(await purgeS3Object(client, audited)).toMatchObject({ action: 'refused', code: 'S3_OBJECT_GONE' });
  });

  it('deletes in a bucket without versioning, after the same checks', async () => {
    const audited: S3PurgeTarget = await put(plain, 'f/rec_C-6.wav', 'audio');
    expect(audited.versionId).toBe(null);
    expect(await purgeS3Object(client, { ...audited, size: 1 })).toMatchObject({ code: 'S3_OBJECT_CHANGED' });
    expect(await purgeS3Object(client, audited)).toMatchObject({ action: 'deleted', kept: [] });
    expect(await versionsOfKey(client, plain, 'f/rec_C-6.wav')).toEqual([]);
  });

  it('refuses objects under Object Lock (legal hold, retention) with the retain-until date', async () => {
    const bucket = `callaudit-lock-${Date.now().toString(36)}`;
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket, ObjectLockEnabledForBucket: true }));
    } catch (error) {
      // The unit tests above cover the refusal path; say why this server cannot.
      console.log(`Object Lock not available on this server: ${(error as Error).name}`);
      return;
    }
    try {
      const held = await put(bucket, 'held.wav', 'audio');
      await client.send(
        new PutObjectLegalHoldCommand({
          Bucket: bucket,
          Key: held.key,
          VersionId: held.versionId!,
          LegalHold: { Status: 'ON' },
        }),
      );
      expect(await purgeS3Object(client, held)).toMatchObject({
        code: 'S3_OBJECT_LOCKED',
        retainUntil: null,
      });
      await client.send(
        new PutObjectLegalHoldCommand({
          Bucket: bucket,
          Key: held.key,
          VersionId: held.versionId!,
          LegalHold: { Status: 'OFF' },
        }),
      );

      const retained = await put(bucket, 'retained.wav', 'audio');
      const until = new Date(Date.now() + 86_400_000);
      until.setUTCMilliseconds(0);
      await client.send(
        new PutObjectRetentionCommand({
          Bucket: bucket,
          Key: retained.key,
          VersionId: retained.versionId!,
          Retention: { Mode: 'GOVERNANCE', RetainUntilDate: until },
        }),
      );
      const refusal = await purgeS3Object(client, retained);
      expect(refusal).toMatchObject({
        action: 'refused',
        code: 'S3_OBJECT_LOCKED',
        retainUntil: until.toISOString(),
      });
      expect(await versionsOfKey(client, bucket, 'retained.wav')).toEqual([retained.versionId]);
    } finally {
      const page = await client.send(new ListObjectVersionsCommand({ Bucket: bucket }));
      const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({
        Key: v.Key,
        VersionId: v.VersionId,
      }));
      if (objects.length > 0) {
        await client.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            BypassGovernanceRetention: true,
            Delete: { Objects: objects },
          }),
        );
      }
      await client.send(new DeleteBucketCommand({ Bucket: bucket }));
    }
  });
});
