import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { sidecarObjects } from '../../src/archive/s3/sidecar-objects.js';
import { readSidecarId } from '../../src/archive/sidecar.js';

/** A bucket of sidecars whose objects may have been overwritten since the listing (a new ETag). */
function fakeSidecars(objects: Record<string, { text: string; etag: string }>) {
  const gets: Array<{ key: string; ifMatch: string | undefined }> = [];
  const client = {
    send: async (command: unknown) => {
      if (!(command instanceof GetObjectCommand)) throw new Error(`unexpected ${String(command)}`);
      const { Key, IfMatch } = command.input;
      gets.push({ key: Key!, ifMatch: IfMatch });
      const object = objects[Key!]!;
      if (IfMatch !== undefined && IfMatch !== object.etag)
        throw Object.assign(new Error('PreconditionFailed'), { $metadata: { httpStatusCode: 412 } });
      return { Body: { transformToString: async () => object.text } };
    },
  };
  return { client: client as unknown as S3Client, gets };
}

describe('sidecars read from a bucket', () => {
  const listed = new Map([
    ['r/abc.json', '"listed-abc"'],
    ['r/def.json', '"listed-def"'],
  ]);

  it('GETs a sidecar conditional on its listed ETag, and counts the GET', async () => {
    const { client, gets } = fakeSidecars({
      'r/abc.json': { text: JSON.stringify({ callId: 'C-77' }), etag: '"listed-abc"' },
    });
    let counted = 0;
    const files = sidecarObjects(client, 'bucket', listed, () => counted++);
    const read = await readSidecarId('r/abc.wav', null, [], files);
    expect(read).toMatchObject({ found: true, callId: 'C-77' });
    expect(gets).toEqual([{ key: 'r/abc.json', ifMatch: '"listed-abc"' }]);
    expect(counted).toBe(1);
  });

  it('reports a sidecar overwritten since the listing as unreadable, never reading the new version', async () => {
    const { client } = fakeSidecars({
      'r/def.json': { text: JSON.stringify({ callId: 'C-NEW' }), etag: '"rewritten"' },
    });
    const read = await readSidecarId('r/def.wav', null, [], sidecarObjects(client, 'bucket', listed));
    expect(read).toMatchObject({ found: true, error: expect.stringContaining('overwritten or deleted') });
    expect(read).not.toHaveProperty('callId');
  });
});
