import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { S3Client } from '@aws-sdk/client-s3';
import { ProbeCache } from '../../src/archive/probe-cache.js';
import { scanSources } from '../../src/archive/scan-sources.js';
import { recordingPreset } from '../../src/presets/recording/index.js';
import type { ArchiveSource } from '../../src/config/settings.js';
import { restoreNeutralised } from '../../src/report/csv-cell.js';
import { wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { DEMO, DEMO_AUDIT_FLAGS } from '../support/demo-audit.js';
import { REPO, runCli } from '../support/run-cli.js';
import {
  S3_ENDPOINT,
  createTestBucket,
  describeS3,
  endpointArgs,
  filesUnder,
  putObject,
  removeTestBucket,
  s3CliEnv,
  testClient,
  uploadTree,
} from '../support/s3.js';

const DEMO_RECORDINGS = path.join(DEMO, 'recordings');
const AUDIT_ARGS = [...DEMO_AUDIT_FLAGS, '--format', 'json,manifest', '--fail-on', 'never', '--no-progress'];

/** The CLI with only the credentials the test gives it: no shared AWS files of the machine. */
function runAudit(args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  const run = runCli(['audit', ...args], REPO, { ...s3CliEnv(), ...env }, 120_000);
  return { ...run, seconds: (Date.now() - started) / 1000 };
}

interface ReportFinding {
  path: string;
  callId: string | null;
  verdict: string;
  reason: string;
  format: string | null;
  durationSec: number | null;
  problems: unknown[];
  object?: { versionId: string | null; etag: string };
}

function findingsOf(out: string): ReportFinding[] {
  return (JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { recordings: ReportFinding[] })
    .recordings;
}

describeS3('auditing an archive in an S3 bucket', () => {
  let client: S3Client;
  let bucket: string;
  let work: string;

  beforeAll(async () => {
    client = testClient();
    bucket = await createTestBucket(client, { versioned: true });
    work = mkdtempSync(path.join(tmpdir(), 'callaudit-s3-'));
    await uploadTree(client, bucket, 'archive/demo', DEMO_RECORDINGS);
  }, 120_000);

  afterAll(async () => {
    if (bucket) await removeTestBucket(client, bucket);
    client?.destroy();
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it('gives the same verdicts from the bucket as from the disk, and names objects by key, version and ETag', () => {
    const fromDisk = runAudit([DEMO_RECORDINGS, ...AUDIT_ARGS, '--out', path.join(work, 'disk')]);
    expect(fromDisk.status, fromDisk.stderr).toBe(0);
    const root = `s3://${bucket}/archive/demo`;
    const fromBucket = runAudit([root, ...endpointArgs(), ...AUDIT_ARGS, '--out', path.join(work, 'bucket')]);
    expect(fromBucket.status, fromBucket.stderr).toBe(0);

    const essentials = (findings: ReportFinding[]) =>
      findings.map((f) => [f.path, f.callId, f.verdict, f.reason, f.format, f.durationSec, f.problems]);
    const disk = findingsOf(path.join(work, 'disk'));
    const inBucket = findingsOf(path.join(work, 'bucket'));
    expect(inBucket.length).toBeGreaterThan(20);
    expect(essentials(inBucket)).toEqual(essentials(disk));
    expect(inBucket.filter((f) => f.verdict === 'violation').length).toBeGreaterThan(0);
    expect(fromBucket.stdout).toContain(`in ${root}`);

    // A versioned bucket: every object was read at a version, and the manifest names it.
    for (const finding of inBucket) expect(finding.object?.versionId).toMatch(/\S/);
    const manifest = readFileSync(path.join(work, 'bucket', 'deletion-manifest.csv'), 'utf8')
      .trim()
      .split('\n');
    const header = manifest[0]!.split(',');
    const violations = inBucket.filter((f) => f.verdict === 'violation');
    expect(manifest.length - 1).toBe(violations.length);
    // The manifest puts a ' before a cell starting like a formula (a version ID may start with '-').
    const column = (row: string, name: string) => restoreNeutralised(row.split(',')[header.indexOf(name)]!);
    for (const row of manifest.slice(1)) {
      const key = column(row, 'object_key')!;
      const finding = violations.find((f) => `archive/demo/${f.path}` === key.replace(/^"|"$/g, ''));
      expect(finding, key).toBeDefined();
      expect(column(row, 'object_version_id')).toBe(finding!.object!.versionId);
      expect(column(row, 'root')).toBe(root);
    }
  });

  it('lists on a re-run but GETs only objects that changed (cache by key, ETag, size, last-modified)', async () => {
    const archive: ArchiveSource = {
      root: `s3://${bucket}/archive/demo`,
      preset: null,
      idPattern: '_(?<id>[A-Z0-9-]+)\\.\\w+$',
      include: null,
      idFrom: ['filename'],
      idTag: null,
      sidecarField: null,
      recordingMap: null,
      timezone: 'Europe/Ljubljana',
    };
    const s3 = { endpoint: S3_ENDPOINT!, region: 'us-east-1', forcePathStyle: true, profile: null };
    const cacheFile = path.join(work, 'probe-cache.jsonl');
    const stamp = { toolVersion: 'test', settings: 'test' };
    const scanCounting = async () => {
      let gets = 0;
      const cache = await ProbeCache.load(cacheFile, stamp, (m) => {
        throw new Error(m);
      });
      const scan = await scanSources([archive], { concurrency: 8, cache, s3, onS3Get: () => gets++ });
      cache.save([`${archive.root}/`]);
      return { gets, scan, hits: cache.hits };
    };
    const first = await scanCounting();
    expect(first.gets).toBeGreaterThanOrEqual(first.scan.recordings.length);
    const second = await scanCounting();
    expect(second.gets).toBe(0);
    expect(second.hits).toBe(first.scan.recordings.length);
    expect(second.scan.recordings).toEqual(first.scan.recordings);

    // A new version of one object: only it is read again, and its new version ID is reported.
    const changed = first.scan.recordings.find((r) => r.path.endsWith('.wav'))!;
    await putObject(client, bucket, `archive/demo/${changed.path}`, wavPcm16({ seconds: 2 }));
    const third = await scanCounting();
    expect(third.gets).toBe(1);
    const after = third.scan.recordings.find((r) => r.path === changed.path)!;
    expect(after.object!.versionId).not.toBe(changed.object!.versionId);
    expect(after.durationSec).toBe(2);
  });

  it('reads keys with spaces, Unicode, % and + and lists past 1,000 keys', async () => {
    const many = await createTestBucket(client);
    try {
      const wav = wavPcm16({ seconds: 0.2 });
      const odd = ['odd/a b_C-1.wav', 'odd/Zoë Špela_C-2.wav', 'odd/100%_C-3.wav', 'odd/a+b_C-4.wav'];
      for (const key of odd) await putObject(client, many, key, wav);
      const keys = Array.from({ length: 1003 }, (_, i) => `bulk/rec_${String(i).padStart(4, '0')}.wav`);
      for (let i = 0; i < keys.length; i += 50) {
        await Promise.all(keys.slice(i, i + 50).map((key) => putObject(client, many, key, wav)));
      }
      const s3 = { endpoint: S3_ENDPOINT!, region: 'us-east-1', forcePathStyle: true, profile: null };
      const archive = (root: string): ArchiveSource => ({
        root,
        preset: null,
        idPattern: null,
        include: null,
        idFrom: ['filename'],
        idTag: null,
        sidecarField: null,
        recordingMap: null,
        timezone: 'UTC',
      });
      const oddScan = await scanSources([archive(`s3://${many}/odd`)], { concurrency: 4, s3 });
      expect(oddScan.recordings.map((r) => r.path).sort()).toEqual(odd.map((k) => k.slice(4)).sort());
      for (const recording of oddScan.recordings) {
        expect(recording.problems, recording.path).toEqual([]);
        expect(recording.format).toBe('WAVE');
      }
      const bulk = await scanSources([archive(`s3://${many}/bulk`)], { concurrency: 16, s3 });
      expect(bulk.recordings.map((r) => r.path)).toEqual(keys.map((k) => k.slice('bulk/'.length)));
    } finally {
      await removeTestBucket(client, many);
    }
  }, 180_000);

  it('applies --include globs to keys as to paths, reads sidecars as objects and skips hidden keys', async () => {
    const other = await createTestBucket(client);
    try {
      const wav = wavPcm16({ seconds: 0.2 });
      await putObject(client, other, 'r/sales/abc.wav', wav);
      await putObject(client, other, 'r/sales/abc.json', JSON.stringify({ callId: 'C-77' }));
      await putObject(client, other, 'r/support/def.wav', wav);
      await putObject(client, other, 'r/.trash/old.wav', wav);
      const s3 = { endpoint: S3_ENDPOINT!, region: 'us-east-1', forcePathStyle: true, profile: null };
      let gets = 0;
      const scan = await scanSources(
        [
          {
            root: `s3://${other}/r`,
            preset: null,
            idPattern: null,
            include: ['sales/**'],
            idFrom: ['sidecar'],
            idTag: null,
            sidecarField: null,
            recordingMap: null,
            timezone: 'UTC',
          },
        ],
        { concurrency: 4, s3, onS3Get: () => gets++ },
      );
      expect(scan.recordings.map((r) => [r.path, r.callId, r.idSource])).toEqual([
        ['sales/abc.wav', 'C-77', 'sidecar'],
      ]);
      // The recording's one ranged GET and the sidecar's: every GET is counted.
      expect(gets).toBe(2);
      expect(scan.roots[0]!.ignoredByReason).toEqual({ hidden: 1, 'not-audio': 1, 'not-included': 1 });

      // A name-based preset that fits no key says so, with the shapes of the names it saw.
      const freepbx = recordingPreset('freepbx');
      const wrongPreset = scanSources(
        [
          {
            root: `s3://${other}/r`,
            preset: 'freepbx',
            idPattern: freepbx.idPattern,
            include: null,
            idFrom: ['filename'],
            idTag: null,
            sidecarField: null,
            recordingMap: null,
            timezone: 'UTC',
          },
        ],
        { concurrency: 4, s3 },
      );
      await expect(wrongPreset).rejects.toMatchObject({
        code: 'PRESET_MATCHES_NOTHING',
        message: expect.stringContaining('a.wav (2 files, e.g. sales/abc.wav)'),
      });
    } finally {
      await removeTestBucket(client, other);
    }
  });

  it('says so when the prefix holds nothing', () => {
    const run = runAudit([
      `s3://${bucket}/no/such/prefix`,
      ...endpointArgs(),
      ...AUDIT_ARGS,
      '--out',
      path.join(work, 'empty'),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`s3://${bucket}/no/such/prefix holds no objects`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses wrong credentials clearly and never shows the secret anywhere', () => {
    const secret = 'callaudit-DISTINCTIVE-s3cret-4f9e1b';
    const out = path.join(work, 'denied');
    const run = runAudit(
      [`s3://${bucket}/archive/demo`, ...endpointArgs(), ...AUDIT_ARGS, '--out', out, '--debug'],
      { AWS_SECRET_ACCESS_KEY: secret },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /refused \(SignatureDoesNotMatch|refused \(InvalidAccessKeyId|refused \(AccessDenied/,
    );
    expect(run.stderr).toContain('AWS_PROFILE or --profile');
    const everything = [run.stdout, run.stderr];
    try {
      for (const file of filesUnder(out)) everything.push(readFileSync(file, 'utf8'));
    } catch {
      // no output folder: nothing written, nothing to leak
    }
    for (const text of everything) expect(text).not.toContain(secret);
  });

  it('gives up on an unreachable endpoint within seconds, with a clear error', () => {
    const run = runAudit([
      `s3://${bucket}/archive/demo`,
      '--s3-endpoint',
      'http://127.0.0.1:9',
      '--s3-force-path-style',
      ...AUDIT_ARGS,
      '--out',
      path.join(work, 'unreachable'),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`s3://${bucket}/archive/demo: reading the bucket failed`);
    expect(run.stderr).not.toContain(`s3://${bucket}/archive/demo: s3://`);
    expect(run.stderr).toContain('--s3-endpoint');
    expect(run.seconds).toBeLessThan(20);
  });
});
