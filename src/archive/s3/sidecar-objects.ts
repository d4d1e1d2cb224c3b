import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SidecarFiles } from '../sidecar.js';
import { changedMeanwhile } from './probe-object.js';

/**
 * Sidecars as objects: looked up in the listing's JSON and XML keys (key → ETag), read by one
 * GET each, conditional on the listed ETag like a recording's first GET: a sidecar overwritten
 * since the listing is reported unreadable, never read as another version.
 */
export function sidecarObjects(
  client: S3Client,
  bucket: string,
  etags: ReadonlyMap<string, string>,
  onGet?: () => void,
): SidecarFiles {
  return {
    isFile: async (key) => etags.has(key),
    readText: async (key) => {
      onGet?.();
      try {
        const answer = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: etags.get(key) }),
        );
        return await answer.Body!.transformToString('utf8');
      } catch (error) {
        if (changedMeanwhile(error))
          throw new Error('the object was overwritten or deleted while the audit read it: audit again');
        throw error;
      }
    },
  };
}
