import { createHash } from 'node:crypto';
import type { AuditResult } from './result.js';

/**
 * A run ID that names one audit by its content: the SHA-256 (first 128 bits) of the report
 * without the ID itself. It covers the tool version, policy hash, settings, --now, the call-log
 * hashes and every finding, so the same inputs give the same ID and any change gives another.
 * The deletion log cites it as the instruction a deletion executed.
 */
export function computeRunId(result: Omit<AuditResult, 'runId'>): string {
  return createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 32);
}
