import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SidecarFiles } from '../sidecar.js';

/** Sidecars as objects: looked up in the listing's JSON and XML keys, read by one GET each. */
export function sidecarObjects(client: S3Client, bucket: string, keys: ReadonlySet<string>): SidecarFiles {
  return {
    isFile: async (key) => keys.has(key),
    readText: async (key) => {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return answer.Body!.transformToString('utf8');
    },
  };
}
