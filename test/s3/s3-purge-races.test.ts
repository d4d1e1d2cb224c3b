import { describe, expect, it } from 'vitest';
import { planS3Object, purgeS3Object, s3LogRecord } from '../../src/remediation/s3-purge.js';
import { FakeVersionedBucket } from '../support/fake-s3.js';

const KEY = 'a/rec_C-1.wav';

/** A key with two older versions under the audited one. */
function bucketWithHistory() {
  const bucket = new FakeVersionedBucket();
  const oldest = bucket.put(KEY, 'oldest');
  const older = bucket.put(KEY, 'older');
  const audited = bucket.put(KEY, 'audited');
  return { bucket, oldest, older, audited };
}

describe('a version written while the purge runs was never judged: kept and reported, never deleted', () => {
  it('keeps a version written after the audited version is deleted', async () => {
    const { bucket, oldest, older, audited } = bucketWithHistory();
    let written: { versionId: string } | null = null;
    bucket.before = ({ command }, b) => {
      if (command === 'ListObjectVersions' && b.count('DeleteObject') === 1 && written === null)
        written = b.put(KEY, 'written during the purge');
    };
    const outcome = await purgeS3Object(bucket.client(), audited);
    expect(written).not.toBeNull();
    expect(outcome).toMatchObject({
      action: 'deleted',
      kept: [{ versionId: written!.versionId, deleteMarker: false }],
      failed: [],
    });
    if (outcome.action !== 'deleted') return;
    expect(outcome.deleted.map((v) => v.versionId).sort()).toEqual(
      [audited.versionId, older.versionId, oldest.versionId].sort(),
    );
    expect(bucket.versionsOf(KEY)).toEqual([written!.versionId]);
    const log = s3LogRecord(audited, outcome);
    expect('kept' in log && log.kept.map((v) => v.version_id)).toEqual([written!.versionId]);
  });

  it('keeps a delete marker written between two delete rounds', async () => {
    const { bucket, audited } = bucketWithHistory();
    bucket.before = ({ command }, b) => {
      if (command === 'DeleteObjects' && b.count('DeleteObjects') === 1) b.mark(KEY);
    };
    const outcome = await purgeS3Object(bucket.client(), audited);
    expect(outcome).toMatchObject({ action: 'deleted', kept: [{ deleteMarker: true }] });
    expect(bucket.versionsOf(KEY)).toHaveLength(1);
  });

  it('refuses, touching nothing, a version written between the HEAD checks and the listing', async () => {
    const { bucket, audited } = bucketWithHistory();
    bucket.before = ({ command }, b) => {
      if (command === 'ListObjectVersions' && b.count('ListObjectVersions') === 1) b.put(KEY, 'sneaked in');
    };
    const outcome = await purgeS3Object(bucket.client(), audited);
    expect(outcome).toMatchObject({ action: 'refused', code: 'S3_OBJECT_CHANGED' });
    expect(bucket.versionsOf(KEY)).toHaveLength(4);
    expect(bucket.count('DeleteObject') + bucket.count('DeleteObjects')).toBe(0);
  });

  it('refuses a newer version hidden under a delete marker (the HEAD of the key finds only the marker)', async () => {
    const { bucket, audited } = bucketWithHistory();
    bucket.put(KEY, 'newer, never audited');
    bucket.mark(KEY);
    const outcome = await purgeS3Object(bucket.client(), audited);
    expect(outcome).toMatchObject({ action: 'refused', code: 'S3_OBJECT_CHANGED' });
    expect(bucket.versionsOf(KEY)).toHaveLength(5);
    expect(await planS3Object(bucket.client(), audited)).toMatchObject({ action: 'refused' });
  });

  it('plans from the same snapshot: the other versions and delete markers that would go', async () => {
    const { bucket, audited } = bucketWithHistory();
    bucket.mark(KEY);
    expect(await planS3Object(bucket.client(), audited)).toEqual({ action: 'planned', otherVersions: 3 });
  });
});
