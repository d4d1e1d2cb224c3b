import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CallauditError } from '../errors.js';
import { MANIFEST_HEADER, MANIFEST_VERSION } from '../report/deletion-manifest.js';

/** One row of a deletion manifest, validated. */
export interface ManifestRow {
  /** 1-based line of the row in the manifest file (for messages only). */
  line: number;
  root: string;
  /** Relative to `root`, forward slashes, exactly as the audit wrote it. */
  path: string;
  callId: string;
  reason: string;
  size: number;
  mtime: string;
  /** Empty when the audit ran without --hash. */
  sha256: string | null;
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
  instruction: Instruction;
  rows: ManifestRow[];
}

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SHA256 = /^[0-9a-f]{64}$/;
const REASON = /^[A-Z][A-Z0-9_]*$/;
const RUN_ID = /^[0-9a-f]{32}$/;

function refuse(file: string, message: string, line?: number): never {
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
 * header, the current schema version, one audit run and policy, and every row complete. A
 * manifest is an instruction to destroy data; a half-valid one is not an instruction at all.
 */
export function readManifest(file: string): Manifest {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CallauditError(
      'MANIFEST_UNREADABLE',
      `cannot read the deletion manifest (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'give the deletion-manifest.csv that `callaudit audit` wrote',
      file,
    );
  }
  const manifestSha256 = createHash('sha256').update(bytes).digest('hex');
  let records: string[][];
  try {
    // Column counts are checked below, after the header: a wrong header is the clearer message.
    records = parse(bytes.toString('utf8'), { relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    refuse(file, `not a readable CSV (${(error as Error).message})`);
  }
  // The reporter ends the file with one newline; csv-parse yields no record for it.
  const header = records[0];
  if (!header || header.join(',') !== MANIFEST_HEADER.join(',')) {
    const firstCell = header?.[0] ?? '';
    if (header && firstCell === 'manifest_version')
      refuse(
        file,
        `the header is not the one this version writes (expected ${MANIFEST_HEADER.join(',')})`,
        1,
      );
    refuse(file, 'this is not a callaudit deletion manifest (wrong header)', 1);
  }

  const rows: ManifestRow[] = [];
  const seen = new Set<string>();
  let first: { runId: string; policyId: string; policyVersion: string } | null = null;
  records.slice(1).forEach((cells, index) => {
    const line = index + 2;
    if (cells.length !== MANIFEST_HEADER.length)
      refuse(file, `a row has ${cells.length} columns, the header ${MANIFEST_HEADER.length}`, line);
    const [version, root, path, callId, reason, size, mtime, sha256, runId, policyId, policyVersion] =
      cells as [string, string, string, string, string, string, string, string, string, string, string];
    if (version !== String(MANIFEST_VERSION))
      refuse(file, `unknown manifest version "${version}" (this version reads ${MANIFEST_VERSION})`, line);
    if (root === '') refuse(file, 'a row has no root', line);
    if (path === '') refuse(file, 'a row has no path', line);
    if (callId.trim() === '') refuse(file, 'a row has no call ID', line);
    if (!REASON.test(reason)) refuse(file, `a row has no reason code (found "${reason}")`, line);
    if (!/^\d+$/.test(size) || !Number.isSafeInteger(Number(size)))
      refuse(file, `size "${size}" is not a whole number of bytes`, line);
    if (!ISO_UTC_MS.test(mtime) || Number.isNaN(Date.parse(mtime)))
      refuse(file, `mtime "${mtime}" is not an ISO 8601 UTC time with milliseconds`, line);
    if (sha256 !== '' && !SHA256.test(sha256))
      refuse(file, `sha256 "${sha256}" is not 64 lower-case hex digits`, line);
    if (!RUN_ID.test(runId)) refuse(file, `run_id "${runId}" is not an audit run ID`, line);
    if (policyId === '' || policyVersion === '') refuse(file, 'a row has no policy id or version', line);
    first ??= { runId, policyId, policyVersion };
    if (first.runId !== runId || first.policyId !== policyId || first.policyVersion !== policyVersion)
      refuse(file, 'rows come from different audit runs or policies (was the file concatenated?)', line);
    const key = `${root}\0${path}`;
    if (seen.has(key)) refuse(file, `the file ${path} is listed twice`, line);
    seen.add(key);
    rows.push({
      line,
      root,
      path,
      callId,
      reason,
      size: Number(size),
      mtime,
      sha256: sha256 === '' ? null : sha256,
    });
  });
  const run = first as { runId: string; policyId: string; policyVersion: string } | null;
  return {
    file,
    instruction: {
      runId: run?.runId ?? '',
      manifestSha256,
      policyId: run?.policyId ?? '',
      policyVersion: run?.policyVersion ?? '',
    },
    rows,
  };
}
