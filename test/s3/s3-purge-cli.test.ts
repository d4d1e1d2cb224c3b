import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { S3Client } from '@aws-sdk/client-s3';
import { wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { purge, type PurgePlan } from '../../src/remediation/purge.js';
import {
  S3_ENDPOINT,
  describeS3,
  endpointArgs,
  putObject,
  removeTestBucket,
  testClient,
} from '../support/s3.js';
import { auditedBucket, cli, versionsIn, type AuditedBucket } from '../support/s3-audited-bucket.js';

interface LogLine {
  action: string;
  skip: { code: string } | null;
  s3: {
    bucket: string;
    key_sha256: string;
    deleted?: unknown[];
    kept?: unknown[];
    refused?: { code: string };
  };
}

describeS3('callaudit purge of an archive in a versioned S3 bucket', () => {
  let client: S3Client;
  let main: AuditedBucket;
  let keeping: AuditedBucket;

  beforeAll(async () => {
    client = testClient();
    main = await auditedBucket(client);
    keeping = await auditedBucket(client);
  }, 300_000);

  afterAll(async () => {
    for (const audited of [main, keeping]) {
      if (!audited) continue;
      await removeTestBucket(client, audited.bucket);
      rmSync(audited.work, { recursive: true, force: true });
    }
    client?.destroy();
  }, 120_000);

  it('lists in a dry run, deletes every version of the violating keys with --execute, refuses a re-uploaded one, and logs what log verify accepts', async () => {
    const { bucket, root, work, violations } = main;
    expect(violations.length).toBeGreaterThan(2);
    const manifest = path.join(work, 'deletion-manifest.csv');
    const log = path.join(work, 'deletion-log.ndjson');
    // Written after the audit: that version was never judged, so its key is left alone.
    const reuploaded = violations[0]!;
    await putObject(client, bucket, reuploaded.key, wavPcm16({ seconds: 3 }));
    const before = await versionsIn(client, bucket);

    const dry = cli(['purge', manifest, '--root', root, ...endpointArgs(), '--log', log]);
    expect(dry.stdout).toContain('DRY RUN');
    for (const v of violations.slice(1))
      expect(dry.stdout).toContain(`${v.key} (version ${v.version}, and 1 other version(s)`);
    expect(dry.stdout).toMatch(new RegExp(`S3_OBJECT_CHANGED\\s+${reuploaded.path}`));
    expect(await versionsIn(client, bucket)).toEqual(before);

    // The root however it is typed; --json names each object and what else of its key would go.
    const json = cli(['purge', manifest, '--root', `${root}/`, ...endpointArgs(), '--log', log, '--json']);
    const rows = (
      JSON.parse(json.stdout) as {
        rows: Array<{ outcome: string; object: { key: string }; otherVersions?: number }>;
      }
    ).rows;
    expect(rows.map((r) => [r.object.key, r.outcome, r.otherVersions])).toEqual(
      violations.map((v, i) => [v.key, i === 0 ? 'skipped' : 'planned', i === 0 ? undefined : 1]),
    );
    const otherRoot = cli([
      'purge',
      manifest,
      '--root',
      `s3://${bucket}/archive`,
      ...endpointArgs(),
      '--log',
      log,
    ]);
    expect(otherRoot.status).toBe(2);
    expect(otherRoot.stderr).toContain('is not an archive root of the audit');

    const quarantine = cli([
      'purge',
      manifest,
      '--root',
      root,
      ...endpointArgs(),
      '--quarantine',
      path.join(work, 'q'),
    ]);
    expect(quarantine.status).toBe(2);
    expect(quarantine.stderr).toContain('is not an s3:// location');

    // The confirmation is asked with the other versions each key loses (declined: nothing happens).
    let asked: PurgePlan | null = null;
    const declined = await purge(
      {
        manifestFile: manifest,
        root,
        execute: true,
        operator: 'DPO',
        quarantine: null,
        holdsFile: null,
        timezone: 'UTC',
        logFile: log,
        resume: false,
        s3: { endpoint: S3_ENDPOINT!, region: null, forcePathStyle: true, profile: null },
      },
      {
        confirm: (plan) => {
          asked = plan;
          return Promise.resolve(false);
        },
      },
    );
    expect(declined.aborted).toBe(true);
    expect(asked!.rows.map((r) => [r.path, r.otherVersions])).toEqual(
      violations.slice(1).map((v) => [v.path, 1]),
    );
    expect(await versionsIn(client, bucket)).toEqual(before);

    const run = cli([
      'purge',
      manifest,
      '--root',
      root,
      ...endpointArgs(),
      '--log',
      log,
      '--execute',
      '--operator',
      'DPO',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1); // one row refused
    expect(run.stdout).toContain(`deleted: ${violations.length - 1} file(s)`);

    const after = await versionsIn(client, bucket);
    const gone = new Set(violations.slice(1).map((v) => v.key));
    // Every version of each purged key is gone, and nothing else was touched.
    expect(after).toEqual(before.filter((line) => !gone.has(line.slice(0, line.lastIndexOf(' ')))));
    expect(after.filter((line) => line.startsWith(`${reuploaded.key} `))).toHaveLength(3);

    const verify = cli(['log', 'verify', log]);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    const entries = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as LogLine);
    expect(entries).toHaveLength(violations.length);
    const deleted = entries.filter((e) => e.action === 'deleted');
    expect(deleted).toHaveLength(violations.length - 1);
    for (const entry of deleted) {
      expect(entry.s3.bucket).toBe(bucket);
      expect(entry.s3.key_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.s3.deleted).toHaveLength(2);
      expect(entry.s3.kept).toEqual([]);
    }
    const refused = entries.find((e) => e.action === 'skipped')!;
    expect(refused.skip?.code).toBe('S3_OBJECT_CHANGED');
    expect(refused.s3.refused?.code).toBe('S3_OBJECT_CHANGED');
    // The log names no key: keys hold phone numbers as paths do.
    for (const v of violations) expect(readFileSync(log, 'utf8')).not.toContain(v.key);
  }, 180_000);

  it('with --keep-other-versions deletes only the audited version and records the others as kept', async () => {
    const { bucket, root, work, violations } = keeping;
    const log = path.join(work, 'deletion-log.ndjson');
    const manifest = path.join(work, 'deletion-manifest.csv');
    const before = await versionsIn(client, bucket);
    // The dry run says what --keep-other-versions will do: no other version goes.
    const dry = cli([
      'purge',
      manifest,
      '--root',
      root,
      ...endpointArgs(),
      '--log',
      log,
      '--keep-other-versions',
    ]);
    for (const v of violations) expect(dry.stdout).toContain(`${v.key} (version ${v.version})\n`);
    expect(dry.stdout).not.toContain('other version(s)');
    const run = cli([
      'purge',
      manifest,
      '--root',
      root,
      ...endpointArgs(),
      '--log',
      log,
      '--keep-other-versions',
      '--execute',
      '--operator',
      'DPO',
    ]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const audited = new Set(violations.map((v) => `${v.key} ${v.version}`));
    expect(await versionsIn(client, bucket)).toEqual(before.filter((line) => !audited.has(line)));
    const entries = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as LogLine);
    expect(entries.map((e) => [e.action, e.s3.deleted?.length, e.s3.kept?.length])).toEqual(
      violations.map(() => ['deleted', 1, 1]),
    );
    expect(cli(['log', 'verify', log]).status).toBe(0);
  }, 180_000);
});
