import { createHash } from 'node:crypto';
import type { AuditResult, UnnamedResult } from '../audit/result.js';
import { jsonReporter } from './json.js';
import { DEFAULT_RENDER_OPTIONS } from './reporter.js';

/**
 * A run ID names one audit report by its content: the first 128 bits of the SHA-256 of
 * report.json as written, with the ID's own value replaced by this placeholder. It covers the
 * tool version, policy hash, settings, --now, the call-log hashes and every finding, so the same
 * inputs give the same ID and any change gives another; and anyone can check that a report is
 * the one a deletion log cites by putting the placeholder back and hashing the file.
 *
 * The ID is hashed from the bytes the JSON report writes anyway: serialising every finding a
 * second time just to hash it cost several times as much (figures in docs/performance.md).
 */
export const RUN_ID_PLACEHOLDER = '0'.repeat(32);

/** How the ID's field reads in report.json while it holds the placeholder. */
export const RUN_ID_FIELD = `"runId": "${RUN_ID_PLACEHOLDER}"`;

/** The result with its run ID, placed after generatedAt so the report's key order stays fixed. */
export function withRunId(result: UnnamedResult, runId: string): AuditResult {
  const { schemaVersion, tool, generatedAt, ...rest } = result;
  return { schemaVersion, tool, generatedAt, runId, ...rest };
}

/** The run ID as a digest of the report's bytes. */
export function runIdOf(hash: ReturnType<typeof createHash>): string {
  return hash.digest('hex').slice(0, 32);
}

/**
 * The run ID without writing report.json: the same bytes, hashed as they are made. The
 * report writer names the result more cheaply while it writes the JSON report (cli/write-json-report.ts).
 */
export function computeRunId(result: UnnamedResult): string {
  const hash = createHash('sha256');
  const draft = withRunId(result, RUN_ID_PLACEHOLDER);
  for (const chunk of jsonReporter.chunks!(draft, DEFAULT_RENDER_OPTIONS)) hash.update(chunk, 'utf8');
  return runIdOf(hash);
}
