import { createHash } from 'node:crypto';
import type { AuditResult } from './result.js';

/**
 * A run ID that names one audit by its content: the SHA-256 (first 128 bits) of the report
 * without the ID itself. It covers the tool version, policy hash, settings, --now, the call-log
 * hashes and every finding, so the same inputs give the same ID and any change gives another.
 * The deletion log cites it as the instruction a deletion executed.
 */
export function computeRunId(result: Omit<AuditResult, 'runId'>): string {
  // Hashed a finding at a time: the report as one string would not fit V8 at a million recordings.
  const { recordings, ...rest } = result;
  const hash = createHash('sha256').update(JSON.stringify(rest));
  for (const finding of recordings) hash.update('\n').update(JSON.stringify(finding));
  return hash.digest('hex').slice(0, 32);
}
