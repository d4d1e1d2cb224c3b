import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { S3Location } from './location.js';

/** One object of a listing: what its cache identity needs besides bucket and key. */
export interface ListedObject {
  key: string;
  size: number;
  /** Milliseconds since the epoch, as the listing gives it (millisecond precision). */
  lastModifiedMs: number;
  etag: string;
}

/**
 * Every object under the location, one page (up to 1,000 keys) at a time, in the order S3
 * lists them (UTF-8 byte order of the keys). A page is yielded before the next is asked for, so
 * the scan probes while the listing goes on and never holds the whole listing.
 */
export async function* listObjects(
  client: S3Client,
  location: S3Location,
  signal?: AbortSignal,
): AsyncGenerator<ListedObject[]> {
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: location.bucket,
        Prefix: location.prefix || undefined,
        ContinuationToken: token,
      }),
      { abortSignal: signal },
    );
    const objects: ListedObject[] = [];
    for (const entry of page.Contents ?? []) {
      // A "folder" placeholder some consoles write: no recording, nothing to count.
      if (entry.Key === undefined || entry.Key.endsWith('/')) continue;
      objects.push({
        key: entry.Key,
        size: entry.Size ?? 0,
        lastModifiedMs: entry.LastModified?.getTime() ?? 0,
        etag: entry.ETag ?? '',
      });
    }
    yield objects;
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
}
