import type { AuditResult } from '../audit/result.js';
import { redactText } from './redact.js';

/** Keys whose values are hashes, times or codes: never personal data, and masking would garble them. */
const KEEP_KEYS = new Set([
  'sha256',
  'generatedAt',
  'mtime',
  'at',
  'startedAt',
  'firstAt',
  'lastAt',
  'verdict',
  'reason',
  'version',
  'schemaVersion',
  'now',
  'legalBasis',
  'categories',
  'category',
  'code',
]);

function redactValue(value: unknown, key: string | null): unknown {
  if (key !== null && KEEP_KEYS.has(key)) return value;
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, null));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, k);
    return out;
  }
  return value;
}

/**
 * The result with every free text masked: paths, labels, call IDs, file names, messages.
 * Walking all strings rather than naming fields means fields added later are masked by default.
 */
export function redactedView(result: AuditResult): AuditResult {
  return redactValue(result, null) as AuditResult;
}

/** The view a human-facing reporter renders: masked unless --no-redact. */
export function viewFor(result: AuditResult, redact: boolean): AuditResult {
  return redact ? redactedView(result) : result;
}
