import { orSkipped } from './skip-reason.js';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { beforeAll, describe } from 'vitest';

/**
 * The S3 integration tests talk to a real server: Ceph's radosgw started by
 * test/support/s3-server.sh (`.ci/run` starts it and exports its env file). Without S3_ENDPOINT
 * they are skipped with the reason; with CALLAUDIT_REQUIRE_S3=1 (CI) a missing or silent server
 * fails them instead, so CI can never pass without having run them.
 */

export const S3_ENDPOINT = process.env.S3_ENDPOINT;
// The pinned SDK runs on Node 20; its notice about later releases is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const REQUIRED = Boolean(process.env.CALLAUDIT_REQUIRE_S3);

/** The client the tests use to set buckets up; Buffer bodies and WHEN_REQUIRED checksums suit radosgw 16. */
export function testClient(): S3Client {
  return new S3Client({
    endpoint: S3_ENDPOINT,
    region: process.env.AWS_REGION ?? 'us-east-1',
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 2,
  });
}

async function serverAnswers(): Promise<string | null> {
  if (!S3_ENDPOINT)
    return 'S3_ENDPOINT is not set (run test/support/s3-server.sh start DIR and source DIR/env)';
  const client = testClient();
  try {
    await client.send(new ListBucketsCommand({}), { abortSignal: AbortSignal.timeout(10_000) });
    return null;
  } catch (error) {
    return `the S3 server at ${S3_ENDPOINT} does not answer: ${(error as Error).message}`;
  } finally {
    client.destroy();
  }
}

/**
 * `describe` for tests that need the S3 server: skipped with a printed reason when no endpoint is
 * configured and CALLAUDIT_REQUIRE_S3 is unset; failing when it is set and no server answers.
 */
export function describeS3(name: string, body: () => void): void {
  if (!S3_ENDPOINT && !REQUIRED) {
    const reason = 'S3_ENDPOINT is unset and CALLAUDIT_REQUIRE_S3 is not set';
    console.log(`skipping "${name}": ${reason}`);
    describe.skipIf(true)(orSkipped(name, reason), body);
    return;
  }
  describe(name, () => {
    beforeAllCheck();
    body();
  });
}

function beforeAllCheck(): void {
  beforeAll(async () => {
    const problem = await serverAnswers();
    if (problem !== null) throw new Error(`${problem}; CALLAUDIT_REQUIRE_S3 is set, so this is a failure`);
  });
}

/** A fresh bucket of its own for one test file, versioned when asked. */
export async function createTestBucket(
  client: S3Client,
  options: { versioned?: boolean } = {},
): Promise<string> {
  const bucket = `callaudit-test-${randomBytes(5).toString('hex')}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  if (options.versioned) {
    await client.send(
      new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }),
    );
  }
  return bucket;
}

export async function putObject(client: S3Client, bucket: string, key: string, body: Buffer | string) {
  return client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.from(body) }));
}

/**
 * Deletes every version and delete marker, then the bucket. Lists again from the start after
 * each batch: paging on with version markers while deleting skips versions on radosgw.
 */
export async function removeTestBucket(client: S3Client, bucket: string): Promise<void> {
  for (;;) {
    const page = await client.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1000 }));
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({
      Key: v.Key,
      VersionId: v.VersionId,
    }));
    if (objects.length === 0) break;
    await client.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }),
    );
  }
  await client.send(new DeleteBucketCommand({ Bucket: bucket }));
}

/**
 * The environment of a CLI run against the test server: its credentials only, and a HOME without
 * files, so no shared AWS config or credentials of the machine take part.
 */
export function s3CliEnv(): Record<string, string> {
  return {
    HOME: path.join(os.tmpdir(), 'callaudit-s3-test-no-home'),
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? '',
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? '',
    AWS_REGION: 'us-east-1',
  };
}

/** The CLI flags that reach the test server. */
export const endpointArgs = (): string[] => ['--s3-endpoint', S3_ENDPOINT!, '--s3-force-path-style'];

/** Puts every file under `dir` at `prefix/<its path relative to dir>`; `body` gives what to upload (the file by default). */
export async function uploadTree(
  client: S3Client,
  bucket: string,
  prefix: string,
  dir: string,
  body: (file: string) => Buffer | string = (file) => readFileSync(file),
): Promise<void> {
  for (const file of filesUnder(dir))
    await putObject(client, bucket, `${prefix}/${path.relative(dir, file)}`, body(file));
}

/** Every file under `dir`, with its path. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}
