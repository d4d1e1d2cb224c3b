import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import type { AuditResult, UnnamedResult } from '../audit/result.js';
import { jsonReporter } from '../report/json.js';
import { DEFAULT_RENDER_OPTIONS } from '../report/reporter.js';
import { RUN_ID_FIELD, RUN_ID_PLACEHOLDER, runIdOf, withRunId } from '../report/run-id.js';
import { writeFileAtomically } from './write-atomically.js';

const FIELD_BYTES = Buffer.from(RUN_ID_FIELD, 'utf8');
/** Where the ID's value starts inside its field: after `"runId": "`. */
const VALUE_OFFSET = FIELD_BYTES.length - RUN_ID_PLACEHOLDER.length - 1;

/** Text around the JSON report in the file, as a partial report wraps it. */
export interface JsonWrapper {
  before: string;
  after: string;
}

/**
 * Writes report.json for a result without a run ID and returns the named result. The report is
 * written with the placeholder, hashed as its bytes go out, and the ID is then written over the
 * placeholder before the rename, so the file is hashed without being serialised twice. A wrapper
 * is hashed with it: the ID then names the whole file.
 */
export function writeJsonNamingRun(
  result: UnnamedResult,
  target: string,
  wrapper: JsonWrapper = { before: '', after: '' },
): AuditResult {
  const draft = withRunId(result, RUN_ID_PLACEHOLDER);
  const hash = createHash('sha256');
  let valueAt = -1;
  let runId = '';
  writeFileAtomically(target, wrapped(jsonReporter.chunks!(draft, DEFAULT_RENDER_OPTIONS), wrapper), {
    onBytes(bytes, position) {
      hash.update(bytes);
      // The field comes fifth in the report's head, so the first run of bytes holds all of it.
      if (valueAt < 0) {
        const at = bytes.indexOf(FIELD_BYTES);
        if (at >= 0) valueAt = position + at + VALUE_OFFSET;
      }
    },
    beforeClose(fd) {
      if (valueAt < 0) throw new Error('report.json was written without its runId field');
      runId = runIdOf(hash);
      writeSync(fd, runId, valueAt, 'utf8');
    },
  });
  return withRunId(result, runId);
}

function* wrapped(chunks: Iterable<string>, wrapper: JsonWrapper): Generator<string> {
  yield wrapper.before;
  yield* chunks;
  yield wrapper.after;
}
