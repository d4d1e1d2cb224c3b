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
  if (typeof value === 'string') return redactCached(value);
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
  // HTML, Markdown and JUnit render the same result in one run: mask it once.
  let view = views.get(result);
  if (view === undefined) {
    view = redactValue(result, null) as AuditResult;
    views.set(result, view);
  }
  return view;
}

const views = new WeakMap<AuditResult, AuditResult>();
/** Most strings repeat (labels, explanations, codecs): each distinct one is masked once per run. */
const masked = new Map<string, string>();
const MAX_MASKED = 200_000;

function redactCached(text: string): string {
  const known = masked.get(text);
  if (known !== undefined) return known;
  const value = redactText(text);
  if (masked.size >= MAX_MASKED) masked.clear();
  masked.set(text, value);
  return value;
}

/** The view a human-facing reporter renders: masked unless --no-redact. */
export function viewFor(result: AuditResult, redact: boolean): AuditResult {
  return redact ? redactedView(result) : result;
}
