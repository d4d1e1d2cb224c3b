import type { CallEvent } from './types.js';

/**
 * Call IDs are compared trimmed and lower-cased: UUIDs (Amazon Connect, Genesys) appear in either
 * case depending on the exporter, and a percent-encoded colon must not split a key. They are
 * compared in Unicode NFC: macOS writes file names decomposed (NFD, `S` + combining caron for
 * `Š`), while call logs hold the composed form, and both must be the same ID.
 */
export function normaliseCallId(id: string): string {
  return id.trim().normalize('NFC').toLowerCase();
}

/** Groups call events by normalised call ID; one call may have many rows (transfers, follow-ups). */
export function indexEventsByCallId(events: Iterable<CallEvent>): Map<string, CallEvent[]> {
  const index = new Map<string, CallEvent[]>();
  for (const event of events) {
    const key = normaliseCallId(event.callId);
    const list = index.get(key);
    if (list) list.push(event);
    else index.set(key, [event]);
  }
  return index;
}

export function eventsForCall(index: Map<string, CallEvent[]>, callId: string | null): CallEvent[] {
  if (callId === null) return [];
  return index.get(normaliseCallId(callId)) ?? [];
}
