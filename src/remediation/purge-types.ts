import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '../archive/s3/client.js';
import type { FsOps } from './file-actions.js';
import type { LogEntry, S3LogRecord } from './log-entry.js';
import type { Instruction, ManifestRow } from './manifest.js';
import type { Mode } from './resume-recovery.js';
import type { Skip } from './skip-reasons.js';

export interface PurgeOptions {
  manifestFile: string;
  root: string;
  execute: boolean;
  operator: string | null;
  /** Move into this folder instead of deleting. */
  quarantine: string | null;
  holdsFile: string | null;
  /** Zone for hold dates without an offset. */
  timezone: string;
  logFile: string;
  resume: boolean;
  /** The audit's report.json; null: `report.json` next to the manifest. */
  reportFile?: string | null;
  /** Accept rows without a SHA-256 (audited with --no-hash): size and mtime are then the only proof. */
  allowUnhashed?: boolean;
  /** An s3:// root: delete only the audited version and report the key's other versions and delete markers. */
  keepOtherVersions?: boolean;
  /** How to reach the bucket of an s3:// root. */
  s3?: S3Settings;
}

/** Where a test can stop the run as a crash would: after each durable step of a row. */
export type FaultPoint =
  'after-intent' | 'before-unlink-source' | 'after-action' | 'after-log' | 'after-done';

/** What an --execute run is about to do, for the person asked to confirm it. */
export interface PurgePlan {
  files: number;
  bytes: number;
  mode: Mode;
  /**
   * The rows to act on, in manifest order. otherVersions: of an S3 object in a versioned bucket,
   * the other versions and delete markers of its key that go too.
   */
  rows: Array<{ path: string; reason: string; size: number; otherVersions?: number }>;
}

export interface PurgeHooks {
  now?: () => Date;
  fault?: (point: FaultPoint, rowIndex: number) => void;
  /** Asked once, before anything is touched; resolving false aborts with nothing done. */
  confirm?: (plan: PurgePlan) => Promise<boolean>;
  /** The file-system calls that act (tests make them fail). */
  fs?: FsOps;
  /** The client of an s3:// root instead of one made from PurgeOptions.s3 (tests give a fake bucket). */
  s3Client?: S3Client;
}

export type RowResult =
  /** otherVersions: of an S3 object in a versioned bucket, the other versions and delete markers that would go too. */
  | {
      kind: 'planned';
      row: ManifestRow;
      size: number;
      otherVersions?: number;
      /** A quarantine of an S3 object: the s3:// URL it would be copied to. */
      copyTo?: string;
    }
  /** sha256 is null for an S3 object (proved by version ID and ETag instead); s3: what the log recorded. */
  | {
      kind: 'acted';
      row: ManifestRow;
      size: number;
      sha256: string | null;
      recovered: boolean;
      s3?: S3LogRecord;
    }
  | { kind: 'skipped'; row: ManifestRow; skip: Skip }
  /** Handled by the interrupted run this one resumed. */
  | { kind: 'earlier'; row: ManifestRow; entry: LogEntry };

export interface PurgeReport {
  mode: Mode;
  executed: boolean;
  aborted: boolean;
  manifest: string;
  /** The report.json the manifest was proved against. */
  report: string;
  instruction: Instruction;
  results: RowResult[];
  log: { file: string; head: string; lines: number } | null;
  /** Things the operator should know that are not about one row. */
  warnings: string[];
}

/** Faults thrown by tests must propagate like a crash, not be logged as a failed action. */
export class InjectedFault extends Error {}
