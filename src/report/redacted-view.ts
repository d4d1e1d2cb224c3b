import type { AuditResult } from '../audit/result.js';
import type { Finding } from '../audit/types.js';
import { maskFreePbxName } from './freepbx-name-mask.js';
import { isProtectedShape, maskingCut, redactText } from './redact.js';

/**
 * Keys whose values are hashes, times or codes: never personal data, and masking would garble them.
 * Not `reason`: a finding's reason is a code, but a hold's or a reviewer's reason is free text.
 */
const KEEP_KEYS = new Set([
  'sha256',
  'generatedAt',
  'mtime',
  'at',
  'startedAt',
  'firstAt',
  'lastAt',
  'verdict',
  'version',
  'schemaVersion',
  'now',
  'legalBasis',
  'categories',
  'category',
  'code',
]);

/**
 * What a human-facing reporter renders. Everything but the findings is masked up front (it is
 * small). The findings are masked one at a time, as they are printed: a masked copy of 100,000
 * findings would cost hundreds of megabytes.
 */
export type ReportView = Omit<AuditResult, 'recordings'> & {
  /**
   * The findings as judged, NOT masked. Read only fields that are never masked (KEEP_KEYS:
   * verdict, dates; and the reason code) straight from here; pass a finding through `show` before
   * printing it.
   */
  unmasked: readonly Finding[];
  /** The finding with every free text masked: paths, labels, call IDs, messages. */
  show(finding: Finding): Finding;
  /**
   * One field of a finding (or of an object inside one) exactly as `show` would give it, without
   * copying the rest: for renderers that read a few fields of every finding more than once.
   */
  field<T extends object, K extends keyof T & string>(object: T, key: K): T[K];
  /** One text masked, for values read outside `show` (a deadline to sort by). */
  mask(text: string): string;
};

type Mask = (text: string) => string;

/** Walking all strings rather than naming fields means fields added later are masked by default. */
function maskValue(value: unknown, key: string | null, mask: Mask): unknown {
  if (key !== null && KEEP_KEYS.has(key)) return value;
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((item) => maskValue(item, null, mask));
  if (value !== null && typeof value === 'object') {
    // A spread copies an object in one step, keeping its shape; only strings and nested values
    // are then replaced (numbers, booleans and nulls never change).
    const out: Record<string, unknown> = { ...value };
    for (const k of Object.keys(out)) {
      const v = out[k];
      if (typeof v === 'string' || (v !== null && typeof v === 'object')) {
        const masked = maskValue(v, k, mask);
        if (masked !== v) out[k] = masked;
      }
    }
    return out;
  }
  return value;
}

/** At most this many masked texts are remembered per result; beyond that, the memo starts afresh. */
const MAX_MASKED = 500_000;

/**
 * Masks with a memo for one result. HTML (twice) and JUnit mask the same texts, most strings repeat
 * (labels, explanations, log files), and paths share their folders, which are masked once.
 */
function memoMask(): Mask {
  const masked = new Map<string, string>();
  const mask = (text: string): string => {
    if (isProtectedShape(text)) return text;
    let value = masked.get(text);
    if (value !== undefined) return value;
    const cut = maskingCut(text);
    if (cut >= 0) {
      // A FreePBX name is masked by hand faster than a memo of every path could be searched, so
      // such paths are not remembered (nor would they be met more than once or twice): the memo
      // stays small, and a million recordings add no million masked paths to it.
      const name = text.slice(cut + 1);
      const freePbxName = maskFreePbxName(name);
      if (freePbxName !== null) return `${mask(text.slice(0, cut))}/${freePbxName}`;
    }
    // join, unlike `+`, makes one flat string: the memo then keeps ~150 bytes per masked path
    // rather than the tree of slices and concatenations masking built it from.
    value =
      cut < 0 ? redactText(text) : [mask(text.slice(0, cut)), redactText(text.slice(cut + 1))].join('/');
    if (masked.size >= MAX_MASKED) masked.clear();
    masked.set(text, value);
    return value;
  };
  return mask;
}

const identity: Mask = (text) => text;

function makeView(result: AuditResult, mask: Mask): ReportView {
  const { recordings, ...head } = result;
  const masked = mask === identity ? head : (maskValue(head, null, mask) as typeof head);
  return {
    ...masked,
    unmasked: recordings,
    show: mask === identity ? (f) => f : (f) => maskValue(f, null, mask) as Finding,
    field:
      mask === identity
        ? (o, k) => o[k]
        : (o, k) => {
            const value = o[k];
            // Strings are most fields: the same answer as maskValue, without its dispatch.
            if (typeof value === 'string') return (KEEP_KEYS.has(k) ? value : mask(value)) as typeof value;
            return maskValue(value, k, mask) as typeof value;
          },
    mask,
  };
}

// HTML, Markdown and JUnit render the same result in one run: they share one view and its memo.
const views = new WeakMap<AuditResult, ReportView>();

/** The view a human-facing reporter renders: masked unless --no-redact. */
export function viewFor(result: AuditResult, redact: boolean): ReportView {
  if (!redact) return makeView(result, identity);
  let view = views.get(result);
  if (view === undefined) {
    view = makeView(result, memoMask());
    views.set(result, view);
  }
  return view;
}
