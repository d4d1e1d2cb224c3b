import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { restoreNeutralised } from '../../src/report/csv-cell.js';
import { DEMO, DEMO_AUDIT_FLAGS } from './demo-audit.js';
import { REPO, runCli } from './run-cli.js';
import { createTestBucket, endpointArgs, s3CliEnv, uploadTree } from './s3.js';

const DEMO_RECORDINGS = path.join(DEMO, 'recordings');
const PREFIX = 'archive/demo';

/** The CLI with only the credentials the test gives it: no shared AWS files of the machine. */
export const cli = (args: string[]) => runCli(args, REPO, s3CliEnv(), 120_000);

/** Every version and delete marker in the bucket, as "key version" strings, sorted. */
export async function versionsIn(client: S3Client, bucket: string): Promise<string[]> {
  const page = await client.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1000 }));
  expect(page.IsTruncated).not.toBe(true);
  return [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
    .map((v) => `${v.Key} ${v.VersionId}`)
    .sort();
}

export interface AuditedBucket {
  bucket: string;
  root: string;
  /** The audit's output folder (report.json, deletion-manifest.csv). */
  work: string;
  violations: Array<{ path: string; key: string; version: string }>;
}

/** The demo archive in a fresh versioned bucket, each key with an older version under it, audited. */
export async function auditedBucket(client: S3Client): Promise<AuditedBucket> {
  const bucket = await createTestBucket(client, { versioned: true });
  const work = mkdtempSync(path.join(tmpdir(), 'callaudit-s3p-'));
  const root = `s3://${bucket}/${PREFIX}`;
  // An older version under every key: the purge must remove it too, or the recording stays retrievable.
  await uploadTree(client, bucket, PREFIX, DEMO_RECORDINGS, () => wavPcm16({ seconds: 1 }));
  await uploadTree(client, bucket, PREFIX, DEMO_RECORDINGS);
  const audit = cli([
    'audit',
    root,
    ...endpointArgs(),
    ...DEMO_AUDIT_FLAGS,
    '--format',
    'json,manifest',
    '--fail-on',
    'never',
    '--no-progress',
    '--out',
    work,
  ]);
  expect(audit.status, audit.stderr).toBe(0);
  const rows = parse(readFileSync(path.join(work, 'deletion-manifest.csv'), 'utf8'), {
    columns: true,
  }) as Array<Record<string, string>>;
  // Cells are read back as purge reads them: a version ID starting with '-' carries a ' in the file.
  const violations = rows.map((r) => ({
    path: restoreNeutralised(r.path!),
    key: restoreNeutralised(r.object_key!),
    version: restoreNeutralised(r.object_version_id!),
  }));
  return { bucket, root, work, violations };
}
