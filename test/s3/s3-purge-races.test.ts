import { describe, expect, it } from 'vitest';
import { allHandled, renderPurge } from '../../src/cli/purge-output.js';
import { purge, type PurgeOptions, type PurgeReport, type RowResult } from '../../src/remediation/purge.js';
import {
  planS3Object,
  purgeS3Object,
  s3DeletionIncomplete,
  s3LogRecord,
} from '../../src/remediation/s3-purge.js';
import { FakeVersionedBucket } from '../support/fake-s3.js';
import { readLogLines, scratch, writeAudit } from '../remediation/helpers.js';

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

describe('a failure after the audited version is deleted is logged as a deletion left incomplete', () => {
  /** A request failing as the SDK raises it. */
  const serverError = () =>
    Object.assign(new Error('We encountered an internal error.'), {
      name: 'InternalError',
      $metadata: { httpStatusCode: 500 },
    });

  it.each([
    ['deleting the other versions', 'DeleteObjects', 1],
    ['listing the versions again', 'ListObjectVersions', 2],
  ])('%s fails: deleted, incomplete, the versions left named', async (_name, failing, nth) => {
    const { bucket, oldest, older, audited } = bucketWithHistory();
    bucket.before = ({ command }, b) => {
      if (command === failing && b.count(failing) === nth) throw serverError();
    };
    const outcome = await purgeS3Object(bucket.client(), audited);
    expect(outcome).toMatchObject({ action: 'deleted', deleted: [{ versionId: audited.versionId }] });
    if (outcome.action !== 'deleted') return;
    expect(outcome.deleted).toHaveLength(1);
    expect(outcome.incomplete?.detail).toMatch(/InternalError, HTTP 500/);
    expect(outcome.incomplete?.left.map((v) => v.versionId)).toEqual([older.versionId, oldest.versionId]);
    expect(bucket.versionsOf(KEY)).toEqual([older.versionId, oldest.versionId]);

    const log = s3LogRecord(audited, outcome);
    expect(JSON.stringify(log)).not.toContain('rec_C-1');
    expect(log).toMatchObject({
      deleted: [{ version_id: audited.versionId }],
      incomplete: { left: [{ version_id: older.versionId }, { version_id: oldest.versionId }] },
    });
    expect(s3DeletionIncomplete(log)).toBe(true);
  });

  it('is incomplete when versions are still listed after the last round', async () => {
    const { bucket, older, audited } = bucketWithHistory();
    bucket.stuck.add(older.versionId);
    const outcome = await purgeS3Object(bucket.client(), audited);
    expect(outcome).toMatchObject({
      action: 'deleted',
      incomplete: { detail: expect.stringMatching(/still listed after \d+ rounds/) },
    });
    if (outcome.action === 'deleted')
      expect(outcome.incomplete?.left.map((v) => v.versionId)).toEqual([older.versionId]);
  });

  it('a complete deletion carries no incomplete record (its log line is as before)', async () => {
    const { bucket, audited } = bucketWithHistory();
    const outcome = await purgeS3Object(bucket.client(), audited);
    expect(outcome).toMatchObject({ action: 'deleted', incomplete: null });
    const log = s3LogRecord(audited, outcome);
    expect('incomplete' in log).toBe(false);
    expect(s3DeletionIncomplete(log)).toBe(false);
  });

  it('makes the run not "all handled" (exit 1) and says what remains', async () => {
    const { bucket, older, audited } = bucketWithHistory();
    bucket.before = ({ command }) => {
      if (command === 'DeleteObjects') throw serverError();
    };
    const outcome = await purgeS3Object(bucket.client(), audited);
    const row = {
      line: 2,
      root: 's3://fake-bucket',
      rootRealPath: 's3://fake-bucket',
      rootDevice: 's3',
      rootInode: '',
      path: KEY,
      callId: 'C-1',
      reason: 'NON_QUALIFYING_ONLY',
      size: audited.size,
      mtime: '2026-01-01T00:00:00.000Z',
      sha256: null,
      object: audited,
    };
    const report: PurgeReport = {
      mode: 'delete',
      executed: true,
      aborted: false,
      manifest: 'deletion-manifest.csv',
      report: 'report.json',
      instruction: {
        runId: '0'.repeat(32),
        manifestSha256: '0'.repeat(64),
        policyId: 'p',
        policyVersion: '1',
      },
      results: [
        {
          kind: 'acted',
          row,
          size: row.size,
          sha256: null,
          recovered: false,
          s3: s3LogRecord(audited, outcome),
        },
      ],
      log: null,
      warnings: [],
    };
    expect(allHandled(report)).toBe(false);
    const text = renderPurge(report);
    expect(text).toContain('incomplete: 1 object(s) — the audited version was deleted');
    expect(text).toMatch(new RegExp(`line 2  ${KEY}: .*InternalError.*left: ${older.versionId}`));
    // The same row deleted in full is handled.
    const intact = bucketWithHistory();
    const complete = await purgeS3Object(intact.bucket.client(), intact.audited);
    report.results = [{ ...report.results[0]!, s3: s3LogRecord(intact.audited, complete) } as RowResult];
    expect(allHandled(report)).toBe(true);
  });
});

describe('a purge run against a bucket (fake), from manifest to deletion log', () => {
  /** Two keys under s3://fake-bucket/archive, each over an older version, audited and written as report and manifest. */
  function auditedFakeBucket() {
    const bucket = new FakeVersionedBucket();
    const paths = ['a/in_C-1.wav', 'b/in_C-2.wav'];
    const audited = paths.map((p) => {
      bucket.put(`archive/${p}`, `older ${p}`);
      return bucket.put(`archive/${p}`, `audited ${p}`);
    });
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
    const options: PurgeOptions = {
      manifestFile,
      root: 's3://fake-bucket/archive',
      execute: true,
      operator: 'DPO',
      quarantine: null,
      holdsFile: null,
      timezone: 'UTC',
      logFile: s.log,
      resume: false,
    };
    return { bucket, paths, audited, options, log: s.log };
  }

  it('asks GetBucketVersioning once per run, for the checks and the deletions of every row', async () => {
    const { bucket, paths, options } = auditedFakeBucket();
    const report = await purge(options, { s3Client: bucket.client(), confirm: () => Promise.resolve(true) });
    expect(report.results.map((r) => r.kind)).toEqual(['acted', 'acted']);
    for (const p of paths) expect(bucket.versionsOf(`archive/${p}`)).toEqual([]);
    expect(bucket.count('GetBucketVersioning')).toBe(1);
  });

  it('logs a row whose other versions could not all be deleted as deleted, incomplete, and the run as not all handled', async () => {
    const { bucket, audited, options, log } = auditedFakeBucket();
    bucket.before = ({ command }, b) => {
      if (command === 'DeleteObjects' && b.count('DeleteObjects') === 1)
        throw Object.assign(new Error('boom'), { name: 'InternalError', $metadata: { httpStatusCode: 500 } });
    };
    const report = await purge(options, { s3Client: bucket.client() });
    expect(report.results.map((r) => r.kind)).toEqual(['acted', 'acted']);
    expect(allHandled(report)).toBe(false);
    const lines = readLogLines(log);
    expect(lines.map((l) => l.action)).toEqual(['deleted', 'deleted']);
    expect(lines[0]).toMatchObject({
      skip: null,
      s3: { deleted: [{ version_id: audited[0]!.versionId }], incomplete: { left: [{}] } },
    });
    expect(JSON.stringify(lines[0])).toContain('InternalError');
    expect(lines[1]!.s3).not.toHaveProperty('incomplete');
  });
});
