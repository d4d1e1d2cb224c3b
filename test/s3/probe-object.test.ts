import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { probeAudio, WHOLE_OBJECT_BYTES } from '../../src/archive/probe.js';
import { probeObject } from '../../src/archive/s3/probe-object.js';
import { scanS3Root } from '../../src/archive/s3/scan-s3.js';
import { mp3 } from '../../scripts/mpeg-ogg-bytes.mjs';
import { wavPcm16 } from '../../scripts/audio-bytes.mjs';

/**
 * An in-memory stand-in for S3 that answers the four requests the scan makes, records every GET
 * range, and can make one key change between listing and GET (HTTP 412, as S3 answers If-Match).
 */
function fakeS3(objects: Record<string, Buffer>, changed: ReadonlySet<string> = new Set()) {
  const ranges: string[] = [];
  const client = {
    send: async (command: unknown) => {
      if (command instanceof ListObjectsV2Command) {
        return {
          IsTruncated: false,
          Contents: Object.keys(objects)
            .sort()
            .map((Key) => ({ Key, Size: objects[Key]!.length, ETag: `"${Key}"`, LastModified: new Date(0) })),
        };
      }
      if (command instanceof GetObjectCommand || command instanceof HeadObjectCommand) {
        const { Key } = command.input;
        if (changed.has(Key!))
          throw Object.assign(new Error('PreconditionFailed'), { $metadata: { httpStatusCode: 412 } });
        const bytes = objects[Key!]!;
        if (command instanceof HeadObjectCommand) return { VersionId: 'v1', ETag: `"${Key}"` };
        const [, from, to] = /bytes=(\d+)-(\d+)/.exec(command.input.Range!)!;
        ranges.push(`${Key}:${from}-${to}`);
        const body = bytes.subarray(Number(from), Number(to) + 1);
        return {
          VersionId: 'v1',
          ETag: `"${Key}"`,
          Body: { transformToByteArray: async () => new Uint8Array(body) },
        };
      }
      throw new Error(`unexpected ${String(command)}`);
    },
  };
  return { client: client as unknown as S3Client, ranges };
}

describe('probing an S3 object with the local readers', () => {
  it('gives what the local probe gives, from the ranges the readers ask for', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'callaudit-probe-object-'));
    try {
      const cases: Record<string, Buffer> = {
        'short.wav': wavPcm16({ seconds: 0.5 }) as Buffer,
        'long.wav': wavPcm16({ seconds: 20 }) as Buffer,
        'long.mp3': mp3({ frames: 2000 }),
        'empty.wav': Buffer.alloc(0),
        'junk.mp3': Buffer.alloc(300_000, 7),
      };
      const { client, ranges } = fakeS3(cases);
      for (const [key, bytes] of Object.entries(cases)) {
        const file = path.join(dir, key);
        writeFileSync(file, bytes);
        const local = await probeAudio(file, bytes.length);
        const remote = await probeObject(client, 'bucket', { key, size: bytes.length, etag: `"${key}"` });
        expect(remote.probe, key).toEqual(local);
        expect(remote.version).toEqual({ versionId: 'v1', etag: `"${key}"` });
      }
      // A long WAV needs only its head; a long MP3 its head and its ID3v1 tail, not the audio between.
      expect(ranges.filter((r) => r.startsWith('long.wav:'))).toEqual(['long.wav:0-131071']);
      const mp3Size = cases['long.mp3']!.length;
      expect(ranges.filter((r) => r.startsWith('long.mp3:'))).toEqual([
        'long.mp3:0-131071',
        `long.mp3:${mp3Size - 160}-${mp3Size - 1}`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not fetch whole a large object no header reader covers: unreadable, saying why', async () => {
    const big = Buffer.alloc(WHOLE_OBJECT_BYTES + 1, 7);
    const small = Buffer.alloc(WHOLE_OBJECT_BYTES, 7);
    const { client, ranges } = fakeS3({ 'big.flac': big, 'small.flac': small });
    const remote = await probeObject(client, 'bucket', {
      key: 'big.flac',
      size: big.length,
      etag: '"big.flac"',
    });
    expect(remote.probe.problems).toEqual([
      { code: 'UNREADABLE', message: expect.stringContaining(`.flac recording of ${big.length} bytes`) },
    ]);
    expect(remote.probe.problems[0]!.message).toContain('fetched whole');
    expect(ranges.filter((r) => r.startsWith('big.flac:'))).toEqual(['big.flac:0-131071']);
    // Up to the limit an object is still fetched whole and read as the local file is.
    const dir = mkdtempSync(path.join(tmpdir(), 'callaudit-probe-object-'));
    try {
      writeFileSync(path.join(dir, 'small.flac'), small);
      const local = await probeAudio(path.join(dir, 'small.flac'), small.length);
      const fetched = await probeObject(client, 'bucket', {
        key: 'small.flac',
        size: small.length,
        etag: '"small.flac"',
      });
      expect(fetched.probe).toEqual(local);
      expect(ranges.filter((r) => r.startsWith('small.flac:'))).toContain(`small.flac:0-${small.length - 1}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes an object changed between listing and GET an unreadable recording, left for review', async () => {
    const wav = wavPcm16({ seconds: 0.5 }) as Buffer;
    const { client } = fakeS3({ 'a_C-1.wav': wav, 'b_C-2.wav': wav }, new Set(['b_C-2.wav']));
    const scan = await scanS3Root(
      { bucket: 'bucket', prefix: '' },
      { client, concurrency: 2, idPattern: null },
    );
    expect(scan.recordings.map((r) => [r.path, r.problems.map((p) => p.code)])).toEqual([
      ['a_C-1.wav', []],
      ['b_C-2.wav', ['UNREADABLE']],
    ]);
  });
});
