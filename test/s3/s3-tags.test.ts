import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { scanSources } from '../../src/archive/scan-sources.js';
import { readObjectTagId } from '../../src/archive/s3/object-tags.js';
import type { ArchiveSource } from '../../src/config/settings.js';
import { wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { mp3, oggOpus } from '../../scripts/mpeg-ogg-bytes.mjs';
import { id3v2Tag, riffChunk, withWavChunks } from '../../scripts/tag-bytes.mjs';
import {
  S3_ENDPOINT,
  createTestBucket,
  describeS3,
  putObject,
  removeTestBucket,
  testClient,
} from '../support/s3.js';
import { FakeVersionedBucket } from '../support/fake-s3.js';

const callIdTag = (id: string) => id3v2Tag({ frames: [{ id: 'TXXX', description: 'CALL_ID', text: id }] });

/** Each kind of file a tagging recorder writes, and the ID its tags hold (null: none). */
const FILES: Array<[string, Buffer, string | null]> = [
  ['mp3/tagged.mp3', Buffer.concat([callIdTag('C-MP3'), mp3({ frames: 60 })]), 'C-MP3'],
  // Above the first GET's 128 KiB, the id3 chunk after the audio needs a second, ranged GET.
  [
    'wav/id3-after-data.wav',
    withWavChunks(wavPcm16({ seconds: 12 }), [], [riffChunk('id3 ', callIdTag('C-WAV'))]),
    'C-WAV',
  ],
  // Above the Ogg fast reader's limit: music-metadata reads the tags from the fetched object.
  ['ogg/long.opus', oggOpus({ seconds: 180, packetBytes: 1200, comments: { CALL_ID: 'C-OPUS' } }), 'C-OPUS'],
  ['wav/untagged.wav', wavPcm16({ seconds: 0.5 }), null],
];

const archive = (root: string): ArchiveSource => ({
  root,
  preset: null,
  idPattern: null,
  include: null,
  idFrom: ['tag'],
  idTag: 'CALL_ID',
  sidecarField: null,
  recordingMap: null,
  timezone: 'UTC',
});

describeS3('call IDs from the tags of S3 objects (--id-from tag)', () => {
  let client: S3Client;
  let bucket: string;
  let local: string;

  beforeAll(async () => {
    client = testClient();
    bucket = await createTestBucket(client);
    local = mkdtempSync(path.join(tmpdir(), 'callaudit-s3-tags-'));
    for (const [key, bytes] of FILES) {
      await putObject(client, bucket, `tagged/${key}`, bytes);
      mkdirSync(path.dirname(path.join(local, key)), { recursive: true });
      writeFileSync(path.join(local, key), bytes);
    }
  }, 120_000);

  afterAll(async () => {
    await removeTestBucket(client, bucket);
    client.destroy();
    rmSync(local, { recursive: true, force: true });
  });

  it('reads the same IDs from the bucket as from a disk copy, with ranged GETs', async () => {
    expect(FILES[2]![1].length).toBeGreaterThan(8 * 1024 * 1024);
    const s3 = { endpoint: S3_ENDPOINT!, region: 'us-east-1', forcePathStyle: true, profile: null };
    let gets = 0;
    const fromBucket = await scanSources([archive(`s3://${bucket}/tagged`)], {
      concurrency: 4,
      s3,
      onS3Get: () => gets++,
    });
    const fromDisk = await scanSources([archive(local)], { concurrency: 4 });
    const ids = (scan: typeof fromDisk) => scan.recordings.map((r) => [r.path, r.callId, r.idSource]);
    expect(ids(fromBucket)).toEqual(
      [...FILES]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, , id]) => [key, id, id === null ? 'none' : 'tag']),
    );
    expect(ids(fromBucket)).toEqual(ids(fromDisk));
    for (const recording of fromBucket.recordings) expect(recording.problems, recording.path).toEqual([]);
    // The probe's GETs plus the tag reads: never a request per chunk.
    expect(gets).toBeLessThanOrEqual(FILES.length * 6);
  }, 120_000);

  it('takes no ID from an object overwritten since the audit listed it', async () => {
    const key = 'tagged/changed.mp3';
    const first = await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.concat([callIdTag('C-OLD'), mp3()]) }),
    );
    await putObject(client, bucket, key, Buffer.concat([callIdTag('C-NEW'), mp3()]));
    const listed = { key, size: Buffer.concat([callIdTag('C-OLD'), mp3()]).length, etag: first.ETag! };
    const read = await readObjectTagId(client, bucket, listed, 'CALL_ID');
    expect(read).toEqual({ error: 'the object was overwritten or deleted while the audit read it' });
  });
});

describe('a failing server while tags are read', () => {
  it('stops with an S3 error naming the object and what to check, not an unexpected error', async () => {
    const bucket = new FakeVersionedBucket();
    const object = bucket.put('rec/C-1.mp3', 'x'.repeat(64));
    bucket.before = () => {
      throw Object.assign(new Error('InternalError'), {
        name: 'InternalError',
        $metadata: { httpStatusCode: 500 },
      });
    };
    await expect(readObjectTagId(bucket.client(), bucket.name, object, 'CALL_ID')).rejects.toMatchObject({
      code: 'S3_UNREACHABLE',
      message: expect.stringContaining(`s3://${bucket.name}/rec/C-1.mp3: reading its tags failed`),
      hint: expect.stringContaining('--s3-endpoint'),
    });
  });
});
