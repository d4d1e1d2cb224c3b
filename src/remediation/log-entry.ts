import { createHash } from 'node:crypto';
import type { s3LogRecord } from './s3-purge.js';
import type { S3RestoreRecord } from './s3-restore.js';
import type { SkipCode } from './skip-reasons.js';

const LOG_FORMAT_VERSION = 1;
/** `prev` of the first line of a log. */
export const GENESIS = '0'.repeat(64);

type LogAction = 'deleted' | 'quarantined' | 'restored' | 'skipped';

/**
 * One line of the deletion log, in the order written. No path, phone number, name or audio:
 * the log outlives the recordings, and FreePBX paths contain the caller's number. The path is
 * kept only as its SHA-256 (pseudonymous: whoever holds the manifest can match it).
 */
export interface LogEntry {
  v: number;
  seq: number;
  at: string;
  /** One purge or restore invocation (kept across --resume). */
  session: string;
  action: LogAction;
  skip: { code: SkipCode; detail: string } | null;
  operator: string;
  mode: 'delete' | 'quarantine' | 'restore';
  instruction: { run_id: string; manifest_sha256: string; policy_id: string; policy_version: string };
  /** Line of the manifest row this entry executes; null for restores. */
  manifest_line: number | null;
  call_id: string;
  reason: string;
  size: number | null;
  sha256: string | null;
  path_sha256: string;
  /** SHA-256 of the archive root's real path: restore puts files back only into the root they left. */
  root_sha256: string;
  /** Set when a resumed run completes an action the interrupted run had started. */
  note: string | null;
  /**
   * Rows of an s3:// root only (absent on local rows): bucket, key hash, version IDs and ETags; a
   * restore line records the version written back and the quarantine copy removed.
   */
  s3?: S3LogRecord | S3RestoreRecord;
  prev: string;
  /** SHA-256 of this line's JSON without `hash`; the next line's `prev`. */
  hash: string;
}

export type S3LogRecord = ReturnType<typeof s3LogRecord>;

export type UnsealedEntry = Omit<LogEntry, 'v' | 'seq' | 'prev' | 'hash'>;

export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const pathSha256 = (relativePath: string): string => sha256Text(relativePath);

/** Chains an entry to the previous one and returns the exact line to append (without newline). */
export function sealEntry(entry: UnsealedEntry, seq: number, prev: string): { line: string; hash: string } {
  // Explicit key order: the line's bytes must not depend on how the caller built the object.
  const body = {
    v: LOG_FORMAT_VERSION,
    seq,
    at: entry.at,
    session: entry.session,
    action: entry.action,
    skip: entry.skip,
    operator: entry.operator,
    mode: entry.mode,
    instruction: {
      run_id: entry.instruction.run_id,
      manifest_sha256: entry.instruction.manifest_sha256,
      policy_id: entry.instruction.policy_id,
      policy_version: entry.instruction.policy_version,
    },
    manifest_line: entry.manifest_line,
    call_id: entry.call_id,
    reason: entry.reason,
    size: entry.size,
    sha256: entry.sha256,
    path_sha256: entry.path_sha256,
    root_sha256: entry.root_sha256,
    note: entry.note,
    // Only S3 rows carry it, so the lines of local files are byte for byte as before.
    ...(entry.s3 ? { s3: entry.s3 } : {}),
    prev,
  };
  const hash = sha256Text(JSON.stringify(body));
  return { line: JSON.stringify({ ...body, hash }), hash };
}

/** Recomputes a parsed line's own hash the way sealEntry made it. */
export function expectedHash(parsed: Record<string, unknown>): string {
  const { hash: _hash, ...body } = parsed;
  return sha256Text(JSON.stringify(body));
}
