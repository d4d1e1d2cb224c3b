import { describe, expect, it } from 'vitest';
import { purge } from '../../src/remediation/purge.js';
import { restore } from '../../src/remediation/restore.js';
import { purgeS3Object } from '../../src/remediation/s3-purge.js';
import { FakeVersionedBucket } from '../support/fake-s3.js';
import { readLogLines, scratch, writeAudit } from '../remediation/helpers.js';

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

describe('a restore from an S3 quarantine (fake bucket) removes a quarantine copy only after the restored object is proved', () => {
  /** Two keys under s3://fake-bucket/archive, audited, then quarantined to s3://fake-bucket/quarantine. */
  async function quarantinedFakeBucket() {
    const bucket = new FakeVersionedBucket();
    const paths = ['a/in_C-1.wav', 'b/in_C-2.wav'];
    const audited = paths.map((p) => bucket.put(`archive/${p}`, `audited ${p}`));
    const s = scratch();
    const { manifestFile } = writeAudit(
      s.dir,
      's3://fake-bucket/archive',
      paths.map((p, i) => ({
        path: p,
        callId: `C-${i + 1}`,
        size: audited[i]!.size,
        object: { versionId: audited[i]!.versionId, etag: audited[i]!.etag },
      })),
      { hash: false },
    );
    const report = await purge(
      {
        manifestFile,
        root: 's3://fake-bucket/archive',
        execute: true,
        operator: 'DPO',
        quarantine: 's3://fake-bucket/quarantine',
        holdsFile: null,
        timezone: 'UTC',
        logFile: s.log,
        resume: false,
      },
      { s3Client: bucket.client() },
    );
    expect(report.results.map((r) => r.kind)).toEqual(['acted', 'acted']);
    for (const p of paths) expect(bucket.versionsOf(`archive/${p}`)).toEqual([]);
    const restoreOptions = {
      quarantine: 's3://fake-bucket/quarantine',
      root: 's3://fake-bucket/archive',
      execute: true,
      operator: 'DPO',
      logFile: s.log,
    };
    return { bucket, paths, log: s.log, restoreOptions };
  }

  it('restores and removes the copies when each restored object is proved', async () => {
    const { bucket, paths, log, restoreOptions } = await quarantinedFakeBucket();
    const report = await restore(restoreOptions, { s3Client: bucket.client() });
    expect(report.results.map((r) => [r.path, r.kind])).toEqual(paths.map((p) => [p, 'restored']));
    for (const p of paths) {
      expect(bucket.versionsOf(`archive/${p}`)).toHaveLength(1);
      expect(bucket.versionsOf(`quarantine/${p}`)).toEqual([]);
    }
    expect(readLogLines(log).map((l) => l.action)).toEqual([
      'quarantined',
      'quarantined',
      'restored',
      'restored',
    ]);
  });

  it('deletes no quarantine copy when the restored object cannot be proved', async () => {
    const { bucket, paths, log, restoreOptions } = await quarantinedFakeBucket();
    bucket.copyBody = (body) => `${body}!`;
    const report = await restore(restoreOptions, { s3Client: bucket.client() });
    expect(report.results.map((r) => r.kind === 'skipped' && r.skip.code)).toEqual(
      paths.map(() => 'S3_COPY_UNVERIFIED'),
    );
    expect(bucket.count('DeleteObject')).toBe(2); // the purge's two, none by the restore
    for (const p of paths) expect(bucket.versionsOf(`quarantine/${p}`)).toHaveLength(1);
    expect(
      readLogLines(log)
        .slice(2)
        .map((l) => [l.action, (l.skip as { code: string } | null)?.code]),
    ).toEqual(paths.map(() => ['skipped', 'S3_COPY_UNVERIFIED']));
  });
});
