import { createHash } from 'node:crypto';
import type { AuditResult, RootInput, UnnamedResult } from '../audit/result.js';
import { reversibleCsvLine } from './csv-cell.js';
import type { Reporter } from './reporter.js';

/**
 * 4: the key, version ID and ETag of an S3 object (empty for a local file).
 * 3: the root's real path, device and inode; no run_id (report.json records the manifest's
 * SHA-256 instead, and the run ID covers that record); cells neutralised reversibly.
 */
export const MANIFEST_VERSION = 4;
export const MANIFEST_HEADER = [
  'manifest_version',
  'root',
  'root_real_path',
  'root_device',
  'root_inode',
  'path',
  'call_id',
  'reason',
  'size',
  'mtime',
  'sha256',
  'policy_id',
  'policy_version',
  // Every row says it: the manifest names real paths, which in FreePBX archives hold phone numbers.
  'personal_data',
  // An s3:// root's object: purge deletes exactly this version, and only while it still has this ETag.
  'object_key',
  'object_version_id',
  'object_etag',
] as const;

type CellsOf<Header extends readonly string[]> = { [K in keyof Header]: string };
/** One manifest row's cells, in header order. */
export type ManifestCells = CellsOf<typeof MANIFEST_HEADER>;

/**
 * The violations only. Cells that a spreadsheet would run as a formula get a `'` in front, and
 * so does a cell starting with `'`, so `purge` takes exactly one off and finds these files again.
 */
export const deletionManifestReporter: Reporter = {
  name: 'manifest',
  fileName: 'deletion-manifest.csv',
  render: (result) => [...manifestChunks(result)].join(''),
  chunks: manifestChunks,
};

function* manifestChunks(result: AuditResult | UnnamedResult): Iterable<string> {
  yield `${reversibleCsvLine(MANIFEST_HEADER)}\n`;
  const roots = new Map<string, RootInput>(result.inputs.roots.map((r) => [r.path, r]));
  for (const f of result.recordings) {
    if (f.verdict !== 'violation') continue;
    const root = roots.get(f.root);
    yield `${reversibleCsvLine([
      MANIFEST_VERSION,
      f.root,
      root?.realPath ?? null,
      root?.device ?? null,
      root?.inode ?? null,
      f.path,
      f.callId,
      f.reason,
      f.size,
      f.mtime,
      f.sha256 ?? null,
      result.policy.id,
      result.policy.version,
      'yes',
      f.object ? objectKey(f.root, f.path) : null,
      f.object?.versionId ?? null,
      f.object?.etag ?? null,
    ])}\n`;
  }
}

/** The key of a finding's object: the root's prefix (after the bucket) and the path under it. */
function objectKey(root: string, path: string): string {
  const prefix = root.replace(/^s3:\/\/[^/]+\/?/i, '');
  return prefix === '' ? path : `${prefix}/${path}`;
}

/**
 * The result with the record of its deletion manifest, placed after generatedAt (where the run
 * ID follows it) so the report's key order stays fixed. The manifest is hashed as it would be
 * written, whether or not it is: `render --format manifest` later gives the same bytes.
 */
export function withManifestRecord(result: UnnamedResult): UnnamedResult {
  const hash = createHash('sha256');
  for (const chunk of manifestChunks(result)) hash.update(chunk, 'utf8');
  const rows = result.recordings.reduce((n, f) => n + (f.verdict === 'violation' ? 1 : 0), 0);
  const { schemaVersion, tool, generatedAt, deletionManifest: _old, ...rest } = result;
  return {
    schemaVersion,
    tool,
    generatedAt,
    deletionManifest: { sha256: hash.digest('hex'), rows },
    ...rest,
  };
}

/** What report.json must record for a manifest file's bytes. */
export function manifestSha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
