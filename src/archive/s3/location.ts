import { CallauditError } from '../../errors.js';

/** An archive root in object storage: `s3://bucket/prefix`. */
export interface S3Location {
  bucket: string;
  /** Empty for the whole bucket, else ends with `/`: `s3://b/2026` is the folder `2026/`, not `2026*`. */
  prefix: string;
}

const SCHEME = 's3://';

export function isS3Root(root: string): boolean {
  return root.toLowerCase().startsWith(SCHEME);
}

/** Bucket names as S3 allows them (3–63 characters of lower-case letters, digits, dots, hyphens). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function parseS3Root(root: string): S3Location {
  const rest = root.slice(SCHEME.length);
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash + 1);
  if (!BUCKET.test(bucket)) {
    throw new CallauditError(
      'BAD_S3_ROOT',
      `"${root}" does not name an S3 bucket: "${bucket}" is not a bucket name`,
      'write the root as s3://bucket/prefix, e.g. s3://recordings/connect/acme/CallRecordings',
    );
  }
  const prefix = path.replace(/^\/+/, '');
  return { bucket, prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/` };
}

/** The root as reports show it: `s3://bucket/prefix` without the trailing slash. */
export function formatS3Root(location: S3Location): string {
  return `${SCHEME}${location.bucket}/${location.prefix}`.replace(/\/$/, '');
}
