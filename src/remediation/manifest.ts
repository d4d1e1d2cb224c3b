import { constants } from 'node:buffer';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { CallauditError } from '../errors.js';
import { readInputFile } from '../inputs.js';
import { restoreNeutralised } from '../report/csv-cell.js';
import { isS3Root, parseS3Root } from '../archive/s3/location.js';
import type { S3PurgeTarget } from './s3-purge.js';
import {
  MANIFEST_HEADER,
  MANIFEST_VERSION,
  manifestSha256,
  type ManifestCells,
} from '../report/deletion-manifest.js';

/** One row of a deletion manifest, validated, its cells un-neutralised. */
export interface ManifestRow {
  /** 1-based line of the row in the manifest file (for messages only). */
  line: number;
  /** As the audit was given it (may be relative). */
  root: string;
  /** The root folder the audit read: real path, device and inode. */
  rootRealPath: string;
  rootDevice: string;
  rootInode: string;
  /** Relative to `root`, forward slashes, exactly as the audit wrote it. */
  path: string;
  callId: string;
  reason: string;
  size: number;
  mtime: string;
  /** Empty when the audit ran with --no-hash. */
  sha256: string | null;
  /** The object version the audit judged, for a row of an s3:// root; null for a local file. */
  object: S3PurgeTarget | null;
}

/** The audit a manifest came from: cited in every deletion-log line as the instruction executed. */
export interface Instruction {
  runId: string;
  manifestSha256: string;
  policyId: string;
  policyVersion: string;
}

export interface Manifest {
  file: string;
  sha256: string;
  policyId: string;
  policyVersion: string;
  rows: ManifestRow[];
}

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SHA256 = /^[0-9a-f]{64}$/;
const REASON = /^[A-Z][A-Z0-9_]*$/;
const DECIMAL = /^\d+$/;

/** A manifest is parsed as one string: up to the longest V8 makes (about 2 million rows). */
const MANIFEST_ROLE = {
  code: 'MANIFEST_UNREADABLE',
  what: 'the deletion manifest',
  hint: 'give the deletion-manifest.csv that `callaudit audit` wrote',
  maxBytes: constants.MAX_STRING_LENGTH,
};

export function refuseManifest(file: string, message: string, line?: number): never {
  throw new CallauditError(
    'MANIFEST_INVALID',
    `${message}; the whole manifest is refused and nothing was touched`,
    'purge only reads a deletion-manifest.csv written by this version of `callaudit audit`, unedited: audit again',
    file,
    line,
  );
}

/**
 * Reads a deletion manifest and refuses it whole unless it is one this tool wrote: the exact
 * header, the current schema version, one policy, and every row complete. A manifest is an
 * instruction to destroy data; a half-valid one is not an instruction at all. Whether it is
 * the audit's instruction is proved against its report (manifest-binding.ts).
 */
export function readManifest(file: string): Manifest {
  const bytes = readInputFile(file, MANIFEST_ROLE);
  let records: string[][];
  try {
    // Column counts are checked below, after the header: a wrong header is the clearer message.
    records = parse(bytes.toString('utf8'), { relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    refuseManifest(file, `not a readable CSV (${(error as Error).message})`);
  }
  // The reporter ends the file with one newline; csv-parse yields no record for it.
  const header = records[0];
  if (!header || header.join(',') !== MANIFEST_HEADER.join(',')) {
    if (header?.[0] === 'manifest_version')
      refuseManifest(
        file,
        `the header is not the one this version writes (expected ${MANIFEST_HEADER.join(',')})`,
        1,
      );
    refuseManifest(file, 'this is not a callaudit deletion manifest (wrong header)', 1);
  }

  const rows: ManifestRow[] = [];
  const seen = new Set<string>();
  let policy: { id: string; version: string } | null = null;
  records.slice(1).forEach((raw, index) => {
    const line = index + 2;
    if (raw.length !== MANIFEST_HEADER.length)
      refuseManifest(file, `a row has ${raw.length} columns, the header ${MANIFEST_HEADER.length}`, line);
    const cells = raw.map(restoreNeutralised);
    // Checked above: as many cells as the header has columns.
    const [
      version,
      root,
      realPath,
      device,
      inode,
      relative,
      callId,
      reason,
      size,
      mtime,
      sha256,
      policyId,
      policyVersion,
      ,
      objectKey,
      objectVersionId,
      objectEtag,
    ] = cells as unknown as ManifestCells;
    const refuse = (message: string): never => refuseManifest(file, message, line);
    if (version !== String(MANIFEST_VERSION))
      refuse(`unknown manifest version "${version}" (this version reads ${MANIFEST_VERSION})`);
    if (root === '') refuse('a row has no root');
    const inBucket = isS3Root(root);
    if (inBucket) {
      if (realPath !== root || device !== 's3' || inode !== '')
        refuse('an S3 row has no root identity of its bucket');
      if (objectKey === '' || objectEtag === '') refuse('an S3 row has no object key or ETag');
      // The key is not a second, free address: it is the root's prefix and the row's path, as the audit wrote it.
      if (objectKey !== parseS3Root(root).prefix + relative)
        refuse(`the object key of ${relative} is not the key of that path under ${root}`);
    } else {
      if (!path.isAbsolute(realPath)) refuse('a row has no real path of its root');
      if (!DECIMAL.test(device) || !DECIMAL.test(inode)) refuse('a row has no device and inode of its root');
      if (objectKey !== '' || objectVersionId !== '' || objectEtag !== '')
        refuse('a local row names an S3 object');
    }
    if (relative === '') refuse('a row has no path');
    if (callId.trim() === '') refuse('a row has no call ID');
    if (!REASON.test(reason)) refuse(`a row has no reason code (found "${reason}")`);
    if (!/^\d+$/.test(size) || !Number.isSafeInteger(Number(size)))
      refuse(`size "${size}" is not a whole number of bytes`);
    if (!ISO_UTC_MS.test(mtime) || Number.isNaN(Date.parse(mtime)))
      refuse(`mtime "${mtime}" is not an ISO 8601 UTC time with milliseconds`);
    if (sha256 !== '' && !SHA256.test(sha256)) refuse(`sha256 "${sha256}" is not 64 lower-case hex digits`);
    if (policyId === '' || policyVersion === '') refuse('a row has no policy id or version');
    policy ??= { id: policyId, version: policyVersion };
    if (policy.id !== policyId || policy.version !== policyVersion)
      refuse('rows come from different policies (was the file concatenated?)');
    // The same file however its root is written (`root`, `root/`, relative or absolute).
    const key = inBucket ? `${root}\0${objectKey}` : `${device}:${inode}\0${relative}`;
    if (seen.has(key)) refuse(`the file ${relative} is listed twice`);
    seen.add(key);
    rows.push({
      line,
      root,
      rootRealPath: realPath,
      rootDevice: device,
      rootInode: inode,
      path: relative,
      callId,
      reason,
      size: Number(size),
      mtime,
      sha256: sha256 === '' ? null : sha256,
      object: inBucket
        ? {
            bucket: parseS3Root(root).bucket,
            key: objectKey,
            versionId: objectVersionId === '' ? null : objectVersionId,
            etag: objectEtag,
            size: Number(size),
          }
        : null,
    });
  });
  const found = policy as { id: string; version: string } | null;
  return {
    file,
    sha256: manifestSha256(bytes),
    policyId: found?.id ?? '',
    policyVersion: found?.version ?? '',
    rows,
  };
}
