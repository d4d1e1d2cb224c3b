import type { AuditResult } from '../audit/result.js';
import type { Finding } from '../audit/types.js';
import { englishExplanation } from './messages/render.js';
import type { Reporter } from './reporter.js';

/**
 * A finding as report.json writes it: with its message and, right after it for readers of earlier
 * reports, the message in English as `explanation` (times ISO UTC). A finding read from a report
 * holds `explanation` in `rest`, which keeps it in the same place: writing it again gives the same bytes.
 */
function written(finding: Finding): Finding {
  // A result built by hand (tests, the run ID of a partial result) may carry no message.
  if (finding.message === undefined) return finding;
  const { root, path, callId, idSource, verdict, reason, message, ...rest } = finding;
  // Read back from a report, it has one already (in `rest`, which keeps its place and value).
  const explanation =
    (finding as Finding & { explanation?: string }).explanation ?? englishExplanation(message);
  return { root, path, callId, idSource, verdict, reason, message, explanation, ...rest } as Finding;
}

const withExplanations = <T extends { recordings: readonly Finding[] }>(result: T) => ({
  ...result,
  recordings: result.recordings.map(written),
});

/** The first key of report.json, so whoever opens the file reads it before any path. */
const PERSONAL_DATA_NOTICE =
  'Contains personal data: recording paths, call IDs and CRM outcome labels, unmasked so the findings can be acted on. Store and share it like the recordings themselves.';

export const jsonReporter: Reporter = {
  name: 'json',
  fileName: 'report.json',
  readsRunId: true,
  // Key order follows the AuditResult construction, which is fixed, so output is byte-stable.
  render: (result: AuditResult) =>
    `${JSON.stringify({ notice: PERSONAL_DATA_NOTICE, ...withExplanations(result) }, null, 2)}\n`,
  *chunks(result: AuditResult) {
    const { recordings, ...rest } = result;
    const whole = { notice: PERSONAL_DATA_NOTICE, ...withExplanations(result) };
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
        { recordings: recordings.slice(from, from + FINDINGS_PER_CHUNK).map(written) },
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
