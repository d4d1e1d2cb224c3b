import { describe, expect, it } from 'vitest';
import { purgeS3Object } from '../../src/remediation/s3-purge.js';
import { FakeVersionedBucket } from '../support/fake-s3.js';

const KEY = 'archive/a/rec_C-1.wav';
const COPY = { bucket: 'fake-bucket', key: 'quarantine/a/rec_C-1.wav' };
const DELETES = ['DeleteObject', 'DeleteObjects'];

/** The audited version with an older one under it. */
function bucketWithHistory() {
  const bucket = new FakeVersionedBucket();
  const older = bucket.put(KEY, 'older');
  const audited = bucket.put(KEY, 'audited');
  return { bucket, older, audited };
}

describe('a quarantine of an S3 object deletes the original only after its copy is proved', () => {
  it('copies, verifies, then deletes every version, and returns the copy', async () => {
    const { bucket, audited } = bucketWithHistory();
    const outcome = await purgeS3Object(bucket.client(), audited, {}, COPY);
    expect(outcome).toMatchObject({ action: 'deleted', quarantined: { key: COPY.key, etag: audited.etag } });
    expect(bucket.versionsOf(KEY)).toEqual([]);
    expect(bucket.versionsOf(COPY.key)).toHaveLength(1);
    // The copy is made from the audited version, named by its version ID.
    const copy = bucket.requests.find((r) => r.command === 'CopyObject')!;
    expect(copy.input.CopySource).toBe(`fake-bucket/archive/a/rec_C-1.wav?versionId=${audited.versionId}`);
    const commands = bucket.requests.map((r) => r.command);
    expect(commands.indexOf('CopyObject')).toBeLessThan(commands.indexOf('DeleteObject'));
  });

  it('deletes nothing when the copy has other bytes (size differs)', async () => {
    const { bucket, older, audited } = bucketWithHistory();
    bucket.copyBody = (body) => `${body}!`;
    const outcome = await purgeS3Object(bucket.client(), audited, {}, COPY);
    expect(outcome).toMatchObject({ action: 'refused', code: 'S3_COPY_UNVERIFIED' });
    expect(DELETES.map((c) => bucket.count(c))).toEqual([0, 0]);
    expect(bucket.versionsOf(KEY)).toEqual([audited.versionId, older.versionId]);
  });

  it('compares by SHA-256 when the ETags differ: same bytes pass, other bytes of the same size delete nothing', async () => {
    const same = bucketWithHistory();
    same.bucket.copyEtag = () => '"multipart-differs"';
    expect(await purgeS3Object(same.bucket.client(), same.audited, {}, COPY)).toMatchObject({
      action: 'deleted',
    });
    expect(same.bucket.count('GetObject')).toBe(2);

    const { bucket, older, audited } = bucketWithHistory();
    bucket.copyEtag = () => '"multipart-differs"';
    bucket.copyBody = (body) => body.toUpperCase();
    const outcome = await purgeS3Object(bucket.client(), audited, {}, COPY);
    expect(outcome).toMatchObject({ action: 'refused', code: 'S3_COPY_UNVERIFIED' });
    expect(DELETES.map((c) => bucket.count(c))).toEqual([0, 0]);
    expect(bucket.versionsOf(KEY)).toEqual([audited.versionId, older.versionId]);
  });

  it('never copies over an object already at the quarantine key, and deletes nothing', async () => {
    const { bucket, audited } = bucketWithHistory();
    bucket.put(COPY.key, 'someone else');
    const outcome = await purgeS3Object(bucket.client(), audited, {}, COPY);
    expect(outcome).toMatchObject({ action: 'refused', code: 'TARGET_EXISTS' });
    expect(bucket.count('CopyObject') + DELETES.reduce((n, c) => n + bucket.count(c), 0)).toBe(0);
  });
});
