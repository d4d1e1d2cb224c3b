import type { AuditResult } from '../audit/result.js';
import { csvLine } from './csv-cell.js';
import type { Reporter } from './reporter.js';

/** 2 added run_id, policy_id and policy_version: the instruction the deletion log cites. */
export const MANIFEST_VERSION = 2;
export const MANIFEST_HEADER = [
  'manifest_version',
  'root',
  'path',
  'call_id',
  'reason',
  'size',
  'mtime',
  'sha256',
  'run_id',
  'policy_id',
  'policy_version',
  // Every row says it: the manifest names real paths, which in FreePBX archives hold phone numbers.
  'personal_data',
];

/**
 * The violations only. Values are written verbatim (quoted, not formula-neutralised) because
 * `purge` must find exactly these files again; open findings.csv in a spreadsheet instead.
 */
export const deletionManifestReporter: Reporter = {
  name: 'manifest',
  fileName: 'deletion-manifest.csv',
  readsRunId: true,
  render: (result) => [...manifestChunks(result)].join(''),
  chunks: manifestChunks,
};

function* manifestChunks(result: AuditResult): Iterable<string> {
  yield `${csvLine(MANIFEST_HEADER, { neutralise: false })}\n`;
  for (const f of result.recordings) {
    if (f.verdict !== 'violation') continue;
    yield `${csvLine(
      [
        MANIFEST_VERSION,
        f.root,
        f.path,
        f.callId,
        f.reason,
        f.size,
        f.mtime,
        f.sha256 ?? null,
        result.runId,
        result.policy.id,
        result.policy.version,
        'yes',
      ],
      { neutralise: false },
    )}\n`;
  }
}
