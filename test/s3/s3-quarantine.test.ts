import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { sha256Text } from '../../src/remediation/log-entry.js';
import { describeS3, endpointArgs, putObject, removeTestBucket, testClient } from '../support/s3.js';
import { auditedBucket, cli, versionsIn, type AuditedBucket } from '../support/s3-audited-bucket.js';

const QUARANTINE = 'quarantine';

async function bytesOf(client: S3Client, bucket: string, key: string, versionId?: string) {
  const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
  return Buffer.from(await answer.Body!.transformToByteArray());
}

interface LogLine {
  action: string;
  skip: { code: string } | null;
  s3: {
    bucket: string;
    key_sha256: string;
    deleted?: unknown[];
    quarantined?: { bucket: string; key_sha256: string; version_id: string | null; etag: string };
  };
}

const logLines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as LogLine);

describeS3('callaudit purge --quarantine and restore of an archive in a versioned S3 bucket', () => {
  let client: S3Client;
  let audited: AuditedBucket;

  beforeAll(async () => {
    client = testClient();
    audited = await auditedBucket(client);
  }, 300_000);

  afterAll(async () => {
    if (audited) {
      await removeTestBucket(client, audited.bucket);
      rmSync(audited.work, { recursive: true, force: true });
    }
    client?.destroy();
  }, 120_000);

  it('copies each audited version to the quarantine, proves it, deletes every version of the original, and logs it', async () => {
    const { bucket, root, work, violations } = audited;
    const manifest = path.join(work, 'deletion-manifest.csv');
    const log = path.join(work, 'deletion-log.ndjson');
    const quarantine = `s3://${bucket}/${QUARANTINE}`;
    const purgeArgs = ['purge', manifest, '--root', root, ...endpointArgs(), '--log', log];
    const original = new Map<string, Buffer>();
    for (const v of violations) original.set(v.key, await bytesOf(client, bucket, v.key, v.version));
    const before = await versionsIn(client, bucket);

    // Refused before anything is touched: inside the audited prefix, equal to it, or containing it.
    for (const inside of [`${root}/q`, root, `s3://${bucket}/archive`]) {
      const refused = cli([...purgeArgs, '--quarantine', inside, '--execute', '--operator', 'DPO']);
      expect(refused.status, refused.stderr).toBe(2);
      expect(refused.stderr).toContain('overlaps the audited root');
    }
    expect(await versionsIn(client, bucket)).toEqual(before);

    const dry = cli([...purgeArgs, '--quarantine', quarantine]);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('DRY RUN');
    for (const v of violations) expect(dry.stdout).toContain(`copied to ${quarantine}/${v.path}`);
    expect(await versionsIn(client, bucket)).toEqual(before);

    const run = cli([...purgeArgs, '--quarantine', quarantine, '--execute', '--operator', 'DPO']);
    expect(run.stderr).toBe('');
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toContain(`quarantined: ${violations.length} file(s)`);

    const after = await versionsIn(client, bucket);
    for (const v of violations) {
      // Every version of the original key is gone; one copy, byte for byte, is in the quarantine.
      expect(after.filter((line) => line.startsWith(`${v.key} `))).toEqual([]);
      expect(after.filter((line) => line.startsWith(`${QUARANTINE}/${v.path} `))).toHaveLength(1);
      expect(await bytesOf(client, bucket, `${QUARANTINE}/${v.path}`)).toEqual(original.get(v.key));
    }
    expect(cli(['log', 'verify', log]).status).toBe(0);
    const entries = logLines(log);
    expect(entries.map((e) => e.action)).toEqual(violations.map(() => 'quarantined'));
    for (const [i, entry] of entries.entries()) {
      expect(entry.s3.deleted).toHaveLength(2);
      expect(entry.s3.quarantined).toMatchObject({
        bucket,
        key_sha256: sha256Text(`${QUARANTINE}/${violations[i]!.path}`),
      });
      expect(entry.s3.quarantined!.version_id).toMatch(/.+/);
    }
    for (const v of violations) expect(readFileSync(log, 'utf8')).not.toContain(v.key);
  }, 240_000);

  it('restores each object from the quarantine byte for byte, removes the copies, and never overwrites an existing key', async () => {
    const { bucket, root, work, violations } = audited;
    const log = path.join(work, 'deletion-log.ndjson');
    const quarantine = `s3://${bucket}/${QUARANTINE}`;
    const restoreArgs = ['restore', quarantine, '--root', root, ...endpointArgs(), '--log', log];
    const copies = new Map<string, Buffer>();
    for (const v of violations) copies.set(v.path, await bytesOf(client, bucket, `${QUARANTINE}/${v.path}`));
    // Someone wrote the first key again meanwhile: its copy stays in the quarantine.
    const taken = violations[0]!;
    await putObject(client, bucket, taken.key, 'written after the purge');
    const before = await versionsIn(client, bucket);
    const logLength = logLines(log).length;

    const inside = cli([...restoreArgs.slice(0, 1), `${root}/q`, ...restoreArgs.slice(2)]);
    expect(inside.status, inside.stderr).toBe(2);
    expect(inside.stderr).toContain('overlaps the audited root');

    const dry = cli(restoreArgs);
    expect(dry.stdout).toContain('DRY RUN');
    expect(dry.stdout).toContain(`would restore: ${violations.length - 1} file(s)`);
    expect(dry.stdout).toMatch(new RegExp(`TARGET_EXISTS\\s+${taken.path}`));
    expect(dry.status).toBe(1);
    expect(await versionsIn(client, bucket)).toEqual(before);

    const run = cli([...restoreArgs, '--execute', '--operator', 'DPO']);
    expect(run.stderr).toBe('');
    expect(run.status, run.stdout).toBe(1); // the taken key is skipped
    expect(run.stdout).toContain(`restored: ${violations.length - 1} file(s)`);
    for (const v of violations.slice(1)) {
      expect(await bytesOf(client, bucket, v.key)).toEqual(copies.get(v.path));
      const left = (await versionsIn(client, bucket)).filter((l) => l.startsWith(`${QUARANTINE}/${v.path} `));
      expect(left).toEqual([]);
    }
    // Not overwritten, and its copy kept.
    expect((await bytesOf(client, bucket, taken.key)).toString()).toBe('written after the purge');
    expect(await bytesOf(client, bucket, `${QUARANTINE}/${taken.path}`)).toEqual(copies.get(taken.path));

    expect(cli(['log', 'verify', log]).status).toBe(0);
    const added = logLines(log).slice(logLength);
    expect(added.map((e) => e.action).sort()).toEqual(
      [...violations.slice(1).map(() => 'restored'), 'skipped'].sort(),
    );
    expect(added.find((e) => e.action === 'skipped')!.skip?.code).toBe('TARGET_EXISTS');
    for (const v of violations) expect(readFileSync(log, 'utf8')).not.toContain(v.key);

    // Nothing left to restore but the taken key: a second run restores nothing more.
    const again = cli([...restoreArgs, '--execute', '--operator', 'DPO']);
    expect(again.stdout).toContain('restored: 0 file(s)');
  }, 240_000);
});
