// `S3_ENDPOINT=… node bench/s3.mjs [--recordings 10000] [--concurrency 32]` (after `npm run build`)
// The S3 phase of the bench: uploads the synthetic plain archive (bench/generate-archive.mjs) to a fresh
// bucket on an S3-compatible server (test/support/s3-server.sh starts one), then measures objects/s of
// the floor (ListObjectsV2 + one ranged GET of the first 128 KiB per object, at the same concurrency)
// beside the audit from the bucket, cold and warm (probe cache: lists, GETs nothing). Wall time of a child
// process for the audits, start-up included; compare ratios from the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { BENCH_ID_PATTERN, BENCH_NOW, generateArchive } from './generate-archive.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    recordings: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '32' },
  },
});
const N = Number(args.recordings);
const CONCURRENCY = Number(args.concurrency);
const endpoint = process.env.S3_ENDPOINT;
if (!endpoint) throw new Error('set S3_ENDPOINT and AWS_* (test/support/s3-server.sh start DIR; . DIR/env)');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const work = join(REPO, 'bench', 'tmp', `archive-${N}`);
if (!existsSync(join(work, 'generated.json'))) {
  mkdirSync(work, { recursive: true });
  generateArchive(work, N, undefined, 'plain');
}
const archive = join(work, 'archive');
const client = new S3Client({
  endpoint,
  region: process.env.AWS_REGION ?? 'us-east-1',
  forcePathStyle: true,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});
const bucket = `callaudit-bench-${Date.now().toString(36)}`;

async function pool(items, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}
const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );

await client.send(new CreateBucketCommand({ Bucket: bucket }));
try {
  const files = filesUnder(archive);
  let started = Date.now();
  await pool(files, (file) =>
    client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: `bench/${relative(archive, file)}`,
        Body: readFileSync(file),
      }),
    ),
  );
  console.error(`uploaded ${files.length} objects in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // The floor: what any S3 audit must do at least, at the audit's concurrency.
  started = Date.now();
  const keys = [];
  let token;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: 'bench/', ContinuationToken: token }),
    );
    for (const entry of page.Contents ?? []) keys.push(entry);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  const listed = (Date.now() - started) / 1000;
  await pool(keys, async (entry) => {
    if (!entry.Size) return;
    const answer = await client.send(
      new GetObjectCommand({
        Bucket: bucket,
        Key: entry.Key,
        Range: `bytes=0-${Math.min(entry.Size, 131072) - 1}`,
      }),
    );
    await answer.Body.transformToByteArray();
  });
  const floor = (Date.now() - started) / 1000;

  const out = join(work, 's3-report');
  const cache = join(work, 's3-probe-cache.json');
  rmSync(cache, { force: true });
  const audit = () => {
    const t = Date.now();
    const run = spawnSync(
      process.execPath,
      [
        join(REPO, 'bin/callaudit.js'),
        'audit',
        `s3://${bucket}/bench`,
        '--s3-endpoint',
        endpoint,
        '--s3-force-path-style',
        '--crm',
        join(work, 'crm', 'crm-utf8.csv'),
        join(work, 'crm', 'crm-cp1250.csv'),
        '--id-pattern',
        BENCH_ID_PATTERN,
        '--time-column',
        'calldate',
        '--now',
        BENCH_NOW,
        '--out',
        out,
        '--format',
        'json',
        '--fail-on',
        'never',
        '--no-progress',
        '--concurrency',
        String(CONCURRENCY),
        '--cache',
        cache,
      ],
      { encoding: 'utf8', env: process.env },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    return (Date.now() - t) / 1000;
  };
  const cold = audit();
  const warm = audit();
  const rate = (seconds) => `${Math.round(keys.length / seconds)} objects/s`;
  console.log(`S3 phase, ${keys.length} objects, concurrency ${CONCURRENCY}, ${endpoint}`);
  console.log(`  floor (list ${listed.toFixed(2)} s + ranged GETs): ${floor.toFixed(2)} s, ${rate(floor)}`);
  console.log(`  audit cold: ${cold.toFixed(2)} s, ${rate(cold)}`);
  console.log(`  audit warm (cache: list only): ${warm.toFixed(2)} s, ${rate(warm)}`);
} finally {
  for (;;) {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1000 }));
    const objects = (page.Contents ?? []).map((c) => ({ Key: c.Key }));
    if (objects.length === 0) break;
    await client.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }),
    );
  }
  await client.send(new DeleteBucketCommand({ Bucket: bucket }));
  client.destroy();
}
