import { HOLD_TYPES, type Hold } from '../policy/holds.js';
import type { PolicyPack } from '../policy/types.js';
import { compareStrings } from './summarise.js';
import type { Category, ReasonCode } from './types.js';

// A hundred thousand findings repeat a handful of category lists, citation lists and the empty
// hold list: each finding points at one frozen copy instead of holding its own. Frozen, so a
// caller that tried to change one finding's list would fail loudly instead of changing them all.

export const NO_HOLD_IDS = Object.freeze([]) as unknown as string[];

// Keyed by the sorted distinct categories: at most 2^13 sets exist, so the map stays small.
const categoryLists = new Map<string, Category[]>();

/** The distinct categories of the evidence, sorted; the same array for the same set. */
export function categoriesOf(evidence: ReadonlyArray<{ category: Category }>): Category[] {
  // One event (most recordings) needs no set and no sort to name its key.
  if (evidence.length === 1) {
    const list = categoryLists.get(evidence[0]!.category);
    if (list) return list;
  }
  const sorted = [...new Set(evidence.map((e) => e.category))].sort(compareStrings);
  const key = sorted.join(' ');
  let list = categoryLists.get(key);
  if (!list) {
    list = Object.freeze(sorted) as unknown as Category[];
    categoryLists.set(key, list);
  }
  return list;
}

/**
 * A reviewer's decision rests on the same law as the rule it stands in for, unless the pack names
 * citations of its own: a kept recording on the qualifying event's, a deleted one on the
 * non-qualifying call's.
 */
const CITED_AS: Partial<Record<ReasonCode, ReasonCode>> = {
  REVIEWED_KEEP: 'QUALIFYING_EVENT',
  REVIEWED_DELETE: 'NON_QUALIFYING_ONLY',
};

const citationLists = new WeakMap<PolicyPack, Map<string, string[]>>();

/**
 * The pack's citations for a reason code; the same array for every finding with that reason.
 * LEGAL_HOLD cites the articles of the active holds' own types (ZVOP-2 art. 21 for a dsar hold,
 * GDPR art. 17(3) for litigation, …) when the pack names them.
 */
export function legalBasisOf(pack: PolicyPack, reason: ReasonCode, activeHolds?: readonly Hold[]): string[] {
  const types =
    reason === 'LEGAL_HOLD' && pack.holdCitations && activeHolds
      ? HOLD_TYPES.filter((type) => activeHolds.some((h) => h.type === type))
      : [];
  const key = types.length > 0 ? `${reason} ${types.join(' ')}` : reason;
  let byKey = citationLists.get(pack);
  if (!byKey) citationLists.set(pack, (byKey = new Map()));
  let list = byKey.get(key);
  if (!list) {
    const ids = types.flatMap((type) => pack.holdCitations?.[type] ?? []);
    const fallback = CITED_AS[reason];
    const chosen =
      ids.length > 0
        ? [...new Set(ids)]
        : (pack.reasonCitations[reason] ?? (fallback ? pack.reasonCitations[fallback] : undefined) ?? []);
    list = Object.freeze([...chosen]) as unknown as string[];
    byKey.set(key, list);
  }
  return list;
}
