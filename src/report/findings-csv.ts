import type { AuditResult } from '../audit/result.js';
import { csvLine } from './csv-cell.js';
import type { Reporter } from './reporter.js';

const HEADER = [
  'root',
  'path',
  'call_id',
  'verdict',
  'reason',
  'categories',
  'outcomes',
  'evidence',
  'size',
  'format',
  'codec',
  'duration_sec',
  'legal_basis',
  // A trailing column, so readers that pick columns by name or position keep working; it tells
  // whoever opens the sheet that each row is personal data (the path often holds a phone number).
  'personal_data',
];

export const findingsCsvReporter: Reporter = {
  name: 'csv',
  fileName: 'findings.csv',
  render(result) {
    return [...findingsCsvChunks(result)].join('');
  },
  chunks: findingsCsvChunks,
};

function* findingsCsvChunks(result: AuditResult): Iterable<string> {
  // The BOM makes Excel read the file as UTF-8, so č, š and ž survive; CRLF is what Excel writes.
  yield `\uFEFF${csvLine(HEADER, { neutralise: false })}\r\n`;
  for (const f of result.recordings) {
    yield `${csvLine(
      [
        f.root,
        f.path,
        f.callId,
        f.verdict,
        f.reason,
        f.categories.join(';'),
        [...new Set(f.events.map((e) => e.outcome))].join(' | '),
        f.events.map((e) => `${e.file}:${e.line}`).join(' '),
        f.size,
        f.format,
        f.codec,
        f.durationSec,
        f.legalBasis.join(';'),
        'yes',
      ],
      { neutralise: true },
    )}\r\n`;
  }
}
