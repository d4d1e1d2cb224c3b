import { csvLine } from './csv-cell.js';
import type { Reporter } from './reporter.js';

export const MANIFEST_VERSION = 1;
export const MANIFEST_HEADER = [
  'manifest_version',
  'root',
  'path',
  'call_id',
  'reason',
  'size',
  'mtime',
  'sha256',
];

/**
 * The violations only. Values are written verbatim (quoted, not formula-neutralised) because
 * `purge` must find exactly these files again; open findings.csv in a spreadsheet instead.
 */
export const deletionManifestReporter: Reporter = {
  name: 'manifest',
  fileName: 'deletion-manifest.csv',
  render(result) {
    const lines = [csvLine(MANIFEST_HEADER, { neutralise: false })];
    for (const f of result.recordings) {
      if (f.verdict !== 'violation') continue;
      lines.push(
        csvLine([MANIFEST_VERSION, f.root, f.path, f.callId, f.reason, f.size, f.mtime, null], {
          neutralise: false,
        }),
      );
    }
    return `${lines.join('\n')}\n`;
  },
};
