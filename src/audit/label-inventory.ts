import { compareStrings } from './summarise.js';
import type { Category, Finding } from './types.js';

/** One distinct outcome label: how often it occurs and how the policy read it. */
export interface LabelCount {
  label: string;
  /** Call-log rows with this label. */
  count: number;
  category: Category;
  /** A confirmed outcome-map row pins the label. */
  confirmed: boolean;
}

/** Most frequent first, then by label, so the same input always gives the same table. */
function compareLabelCounts(a: LabelCount, b: LabelCount): number {
  return b.count - a.count || compareStrings(a.label, b.label);
}

/**
 * Counts rows per distinct label (as written), each read once with `read`. Pure: the caller
 * supplies the rows and the reading (the classifier, or what a finding already recorded).
 */
export function countLabels<T extends { outcome: string }>(
  rows: Iterable<T>,
  read: (row: T) => { category: Category; confirmed: boolean },
): LabelCount[] {
  const byLabel = new Map<string, LabelCount>();
  for (const row of rows) {
    const known = byLabel.get(row.outcome);
    if (known) known.count++;
    else byLabel.set(row.outcome, { label: row.outcome, count: 1, ...read(row) });
  }
  return [...byLabel.values()].sort(compareLabelCounts);
}

/**
 * The labels table of a report, from the events joined to its findings. A call-log row joined to
 * two recordings (a transferred call) counts once.
 */
export function labelsOfFindings(findings: readonly Finding[]): LabelCount[] {
  const seen = new Set<string>();
  const rows = findings.flatMap((f) =>
    f.events.filter((e) => {
      const key = `${e.file}\u0000${e.line}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
  return countLabels(rows, (e) => ({ category: e.category, confirmed: e.confirmed === true }));
}
