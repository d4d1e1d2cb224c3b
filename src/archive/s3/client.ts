import { S3Client } from '@aws-sdk/client-s3';
import { CallauditError } from '../../errors.js';

/** How to reach the object storage of s3:// roots; credentials are deliberately not among them. */
export interface S3Settings {
  endpoint: string | null;
  region: string | null;
  forcePathStyle: boolean;
  profile: string | null;
}

/** The AWS defaults: the SDK's endpoint for the region, the region and profile of the environment. */
export const NO_S3_SETTINGS: S3Settings = {
  endpoint: null,
  region: null,
  forcePathStyle: false,
  profile: null,
};

/** A server that does not accept the connection in this time is reported, not waited for. */
const CONNECT_TIMEOUT_MS = 3_000;
/** A request whose answer stalls this long is retried. */
const REQUEST_TIMEOUT_MS = 30_000;
/** One try and three retries, with the SDK's exponential backoff and jitter between them. */
const MAX_ATTEMPTS = 4;

/**
 * The client for s3:// roots. Credentials come only from the SDK's standard chain (environment,
 * shared config and credentials files with `profile`, container and instance roles): callaudit
 * has no flag or config key for a key or secret, so none can end up in shell history or a report.
 */
export function createS3Client(settings: S3Settings): S3Client {
  // The SDK warns on Node 20 that its releases after early January 2027 need Node 22. The version
  // pinned in package-lock.json runs on Node 20 (docs/s3.md), so the warning only alarms users.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new S3Client({
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    region: settings.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    forcePathStyle: settings.forcePathStyle,
    ...(settings.profile ? { profile: settings.profile } : {}),
    maxAttempts: MAX_ATTEMPTS,
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
    // callaudit only lists, reads, heads and deletes; checksums only where the API requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const AUTH_ERRORS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'CredentialsProviderError',
  'ExpiredToken',
  'InvalidToken',
]);

/**
 * A failed S3 request as a CallauditError naming the root and what failed, with a hint. The
 * text is built from the error's name and status, never from request details, and anything
 * that looks like the configured credentials is blanked out as well.
 */
export function s3Failure(error: unknown, root: string, what: string): CallauditError {
  if (error instanceof CallauditError) return error;
  const sdk = (error ?? {}) as SdkError;
  const name = sdk.name ?? sdk.code ?? 'Error';
  const status = sdk.$metadata?.httpStatusCode;
  const detail = scrubCredentials(
    `${name}${status ? `, HTTP ${status}` : ''}: ${sdk.message ?? String(error)}`,
  );
  if (AUTH_ERRORS.has(name) || status === 403) {
    return new CallauditError(
      'S3_ACCESS_DENIED',
      `${root}: ${what} was refused (${detail})`,
      'check the credentials of the AWS chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or --profile, ' +
        'the instance role) and that they may list and read this bucket',
    );
  }
  if (name === 'NoSuchBucket' || status === 404) {
    return new CallauditError(
      'S3_NOT_FOUND',
      `${root}: ${what} failed, the bucket does not exist (${detail})`,
      'check the bucket name, and --s3-endpoint/--s3-region for the server that holds it',
    );
  }
  return new CallauditError(
    'S3_UNREACHABLE',
    `${root}: ${what} failed (${detail})`,
    'check --s3-endpoint (and --s3-force-path-style for S3-compatible servers), the network and the server; ' +
      `callaudit tried ${MAX_ATTEMPTS} times`,
    root,
  );
}

/** Blanks the values of the credential variables, should a message ever quote one. */
function scrubCredentials(text: string): string {
  let clean = text;
  for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ACCESS_KEY_ID']) {
    const value = process.env[name];
    if (value && value.length >= 4) clean = clean.split(value).join('[credential]');
  }
  return clean;
}
