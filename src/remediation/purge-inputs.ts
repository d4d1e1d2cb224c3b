import { existsSync } from 'node:fs';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client, NO_S3_SETTINGS } from '../archive/s3/client.js';
import { formatS3Root, isS3Root, parseS3Root, type S3Location } from '../archive/s3/location.js';
import { rootIdentity } from '../archive/root-identity.js';
import { CallauditError } from '../errors.js';
import type { Hold } from '../policy/holds.js';
import { loadAuditDecision } from './audit-report.js';
import type { RowContext } from './check-row.js';
import { Journal, journalPathFor, type JournalState } from './journal.js';
import {
  checkLogLocation,
  checkQuarantineLocation,
  identityKey,
  realArchiveRoot,
  realFileLocation,
  realQuarantineLocation,
} from './locations.js';
import { checkLogVerifies } from './log-writer.js';
import { bindManifest } from './manifest-binding.js';
import { readManifest, type Instruction, type Manifest } from './manifest.js';
import { loadPurgeHolds } from './purge-holds.js';
import { s3QuarantineLocation } from './s3-copy.js';
import { bucketVersioning, type BucketVersioning } from './s3-purge.js';
import type { PurgeOptions } from './purge-types.js';
import { checkResumeMatches, type Mode } from './resume-recovery.js';

/** Everything a purge has checked before it looks at a single row. */
export interface PurgeInputs {
  mode: Mode;
  operator: string;
  realRoot: string;
  /** The --root and every root of the audit, by real path: nothing may be written inside them. */
  realRoots: string[];
  manifest: Manifest;
  /** The report.json the manifest was proved against. */
  reportFile: string;
  instruction: Instruction;
  realQuarantine: string | null;
  realLog: string;
  journalFile: string;
  /** The interrupted run this one finishes (--resume). */
  resumed: { journal: Journal; state: JournalState } | null;
  startedAt: string;
  context: RowContext;
  /** For an s3:// root: the client of its bucket, whether other versions are kept, its versioning (asked once). */
  s3: {
    client: S3Client;
    keepOtherVersions: boolean;
    versioning: BucketVersioning;
    /** --quarantine of an s3:// root: where each object is copied (and proved) before it is deleted. */
    quarantine: S3Location | null;
  } | null;
  warnings: string[];
}

/**
 * Loads and verifies the plan: the flags, the manifest bound to its report, the root, the
 * quarantine and log locations, the log's chain, the holds and an interrupted run's journal.
 * It only reads: a refusal (exit 2) leaves no trace.
 */
export function loadPurgeInputs(options: PurgeOptions, now: () => string, s3Client?: S3Client): PurgeInputs {
  const mode: Mode = options.quarantine ? 'quarantine' : 'delete';
  const operator = options.operator?.trim() ?? '';
  if (options.execute && operator === '')
    throw new CallauditError(
      'BAD_FLAG',
      '--execute needs --operator "<name or role>": the deletion log records who acted',
    );
  if (options.resume && !options.execute)
    throw new CallauditError('BAD_FLAG', '--resume finishes an interrupted --execute run; add --execute');

  const inBucket = isS3Root(options.root);
  if (!inBucket && options.quarantine && isS3Root(options.quarantine))
    throw new CallauditError(
      'BAD_FLAG',
      `--quarantine ${options.quarantine} is in object storage, but --root ${options.root} is a folder: nothing was touched`,
      'files of a folder are quarantined into a folder',
    );
  // A bucket root as the report writes it (no trailing slash), so the log's root hash is the same however it is typed.
  const root = inBucket
    ? rootIdentity(formatS3Root(parseS3Root(options.root)))
    : realArchiveRoot(options.root);
  const realRoot = root.realPath;
  const manifest = readManifest(options.manifestFile);
  const decision = loadAuditDecision(
    options.reportFile ?? path.join(path.dirname(options.manifestFile), 'report.json'),
  );
  const instruction = bindManifest(manifest, decision);
  if (!decision.roots.some((r) => identityKey(r) === identityKey(root)))
    throw new CallauditError(
      'OTHER_ROOT',
      `--root ${options.root} (${realRoot}) is not an archive root of the audit ${decision.runId}; nothing was touched`,
      `its roots: ${decision.roots.map((r) => r.realPath).join(', ')}`,
    );
  // An S3 object is proved by its version ID and ETag, not by a hash of its bytes.
  const unhashed = manifest.rows.filter((r) => r.sha256 === null && r.object === null);
  if (unhashed.length > 0 && !options.allowUnhashed)
    throw new CallauditError(
      'MANIFEST_UNHASHED',
      `${unhashed.length} row(s) have no SHA-256 (audited with --no-hash): a file rewritten with the same size and modification time would be deleted; nothing was touched`,
      'audit again (hashing is the default), or accept size and mtime as proof with --allow-unhashed',
      options.manifestFile,
      unhashed[0]!.line,
    );
  // Folders only: nothing is written to object storage, and a URL is no folder to be inside of.
  const realRoots = [...new Set([realRoot, ...decision.roots.map((r) => r.realPath)])].filter(
    (r) => !isS3Root(r),
  );
  const s3Quarantine =
    inBucket && options.quarantine
      ? s3QuarantineLocation(options.quarantine, [realRoot, ...decision.roots.map((r) => r.realPath)])
      : null;
  const localQuarantine = !inBucket && options.quarantine ? realQuarantineLocation(options.quarantine) : null;
  if (localQuarantine) checkQuarantineLocation(localQuarantine, realRoots);
  // An S3 quarantine by its URL: the journal and --resume compare it like a folder.
  const realQuarantine = s3Quarantine ? formatS3Root(s3Quarantine) : localQuarantine;
  const realLog = realFileLocation(options.logFile, 'deletion log');
  checkLogLocation(realLog, realRoots, localQuarantine);
  checkLogVerifies(realLog, options.logFile);
  const startedAt = now();
  const holds: Hold[] = options.holdsFile
    ? loadPurgeHolds(options.holdsFile, options.timezone, startedAt)
    : [];
  const context: RowContext = { rootKey: identityKey(root), realRoot, holds, now: startedAt };

  const journalFile = journalPathFor(realLog);
  if (options.execute && !options.resume && existsSync(journalFile))
    throw new CallauditError(
      'RUN_INTERRUPTED',
      'an earlier purge with this log did not finish (or is still running): its journal exists',
      'run the same command again with --resume to finish it; nothing was touched now',
      journalFile,
    );
  const resumed = options.resume ? Journal.resume(journalFile) : null;
  if (resumed) checkResumeMatches(resumed.state.header, manifest.sha256, realRoot, mode, realQuarantine);
  const warnings: string[] =
    !options.execute && existsSync(journalFile)
      ? [`an earlier --execute run with this log was interrupted (${journalFile}): finish it with --resume`]
      : [];
  // Made last: nothing above can fail with a client open.
  const client = inBucket ? (s3Client ?? createS3Client(options.s3 ?? NO_S3_SETTINGS)) : null;
  const s3 = client
    ? {
        client,
        keepOtherVersions: Boolean(options.keepOtherVersions),
        versioning: bucketVersioning(client),
        quarantine: s3Quarantine,
      }
    : null;
  return {
    mode,
    operator,
    realRoot,
    realRoots,
    manifest,
    reportFile: decision.file,
    instruction,
    realQuarantine,
    realLog,
    journalFile,
    resumed,
    startedAt,
    context,
    s3,
    warnings,
  };
}
