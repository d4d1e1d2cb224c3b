import { countLabels, type LabelCount } from '../audit/label-inventory.js';
import type { CallEvent, Classification, LabelPart } from '../audit/types.js';

/** One distinct outcome label with everything `callaudit labels` shows about how it was read. */
export interface LabelReading extends LabelCount {
  qualifies: Classification['qualifies'];
  matchedBy: Classification['matchedBy'];
  term: string | null;
  /** An outcome-map row pins the whole label (confirmed or not). */
  mapped: boolean;
  parts: readonly LabelPart[];
}

/** Every distinct label of the rows, read once, most frequent first. Pure. */
export function readLabels(
  events: Iterable<Pick<CallEvent, 'outcome'>>,
  classify: (label: string) => Classification,
): LabelReading[] {
  const counts = countLabels(events, (e) => {
    const reading = classify(e.outcome);
    return { category: reading.category, confirmed: reading.confirmed === true };
  });
  return counts.map((count) => {
    const reading = classify(count.label);
    return {
      ...count,
      qualifies: reading.qualifies,
      matchedBy: reading.matchedBy,
      term: reading.term,
      mapped: reading.matchedBy === 'outcome-map' && (reading.parts ?? []).length === 0,
      parts: reading.parts ?? [],
    };
  });
}
