import type { S3Client } from '@aws-sdk/client-s3';
import { WHOLE_OBJECT_BYTES } from '../probe.js';
import { s3Failure } from './client.js';
import { fastTagId, musicMetadataTagId, type TagRead } from '../tag-ids.js';
import { changedMeanwhile, readObject } from './probe-object.js';

/**
 * The call ID under `tag` in an S3 object's tags, read by ranged GETs conditional on the ETag the
 * audit listed (a changed object is not read). A changed or vanished object is an error read (no
 * ID, so no verdict rests on it); any other failure stops the audit with an S3 error naming the object.
 */
export async function readObjectTagId(
  client: S3Client,
  bucket: string,
  object: { key: string; size: number; etag: string },
  tag: string,
  onGet?: () => void,
): Promise<TagRead> {
  const { key, size } = object;
  try {
    return await readObject(client, bucket, object, onGet, async (open) => {
      const fast = fastTagId(open, key, size, tag);
      if (fast !== undefined) return fast;
      if (size > WHOLE_OBJECT_BYTES) {
        return {
          error: `its tags are not in a form the fast readers decode, and reading them would fetch the whole object (${size} bytes, more than ${WHOLE_OBJECT_BYTES})`,
        };
      }
      const bytes = open((source) => source.readAt(0, size));
      return musicMetadataTagId(tag, (library, options) =>
        library.parseBuffer(bytes, { path: key, size }, options),
      );
    });
  } catch (error) {
    if (changedMeanwhile(error))
      return { error: 'the object was overwritten or deleted while the audit read it' };
    // Named and hinted like the probe's failures, never an "unexpected error" with the SDK's text.
    throw s3Failure(error, `s3://${bucket}/${key}`, 'reading its tags');
  }
}
