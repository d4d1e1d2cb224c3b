import type { AuditResult } from '../audit/result.js';
import type { Reporter } from './reporter.js';

/** The first key of report.json, so whoever opens the file reads it before any path. */
const PERSONAL_DATA_NOTICE =
  'Contains personal data: recording paths, call IDs and CRM outcome labels, unmasked so the findings can be acted on. Store and share it like the recordings themselves.';

export const jsonReporter: Reporter = {
  name: 'json',
  fileName: 'report.json',
  readsRunId: true,
  // Key order follows the AuditResult construction, which is fixed, so output is byte-stable.
  render: (result: AuditResult) =>
    `${JSON.stringify({ notice: PERSONAL_DATA_NOTICE, ...result }, null, 2)}\n`,
  *chunks(result: AuditResult) {
    const { recordings, ...rest } = result;
    const whole = { notice: PERSONAL_DATA_NOTICE, ...result };
    // Everything but the findings, which JSON.stringify puts last as `"recordings": []`.
    const head = JSON.stringify({ notice: PERSONAL_DATA_NOTICE, ...rest, recordings: [] }, null, 2);
    const emptyTail = '[]\n}';
    if (recordings.length === 0 || !head.endsWith(emptyTail)) {
      yield `${JSON.stringify(whole, null, 2)}\n`;
      return;
    }
    yield `${head.slice(0, -emptyTail.length)}[\n`;
    for (let from = 0; from < recordings.length; from += FINDINGS_PER_CHUNK) {
      // Inside `{"recordings": [...]}` the findings get exactly the indentation they have in the
      // report, so one native call serialises a whole slice; only the wrapper is cut off.
      const slice = JSON.stringify(
        { recordings: recordings.slice(from, from + FINDINGS_PER_CHUNK) },
        null,
        2,
      );
      // Yielded apart: a comma glued to a slice makes a string that must be flattened to be written.
      if (from > 0) yield ',\n';
      yield slice.slice(SLICE_OPEN.length, -SLICE_CLOSE.length);
    }
    yield '\n  ]\n}\n';
  },
};

const FINDINGS_PER_CHUNK = 25;
const SLICE_OPEN = '{\n  "recordings": [\n';
const SLICE_CLOSE = '\n  ]\n}';
