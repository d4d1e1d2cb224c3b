import type { CallEvent, Classification, Recording } from '../../src/audit/types.js';
import type { PolicyPack, RetentionPolicy } from '../../src/policy/types.js';

export function makeRecording(overrides: Partial<Recording> = {}): Recording {
  return {
    root: 'archive',
    path: 'in_C-1.wav',
    size: 1000,
    mtime: '2026-10-01T10:00:00.000Z',
    callId: 'C-1',
    idSource: 'filename',
    format: 'WAVE',
    codec: 'PCM',
    durationSec: 1,
    startedAt: null,
    timeSource: null,
    problems: [],
    ...overrides,
  };
}

let line = 1;
export function makeEvent(outcome: string, overrides: Partial<CallEvent> = {}): CallEvent {
  line += 1;
  return { callId: 'C-1', at: null, outcome, file: 'crm.csv', line, ...overrides };
}

/** A classifier stub keyed by label, so judge tests do not depend on the vocabulary. */
export function stubClassifier(table: Record<string, Classification['category']>) {
  const qualifies: Record<string, Classification['qualifies']> = {
    order: 'yes',
    complaint: 'yes',
    information: 'no',
    no_sale: 'no',
    support: 'review',
    relationship_change: 'review',
    unknown: 'review',
  };
  return (label: string): Classification => {
    const category = table[label] ?? 'unknown';
    return {
      category,
      qualifies: qualifies[category] ?? 'no',
      matchedBy: category === 'unknown' ? 'none' : 'vocabulary',
      term: null,
    };
  };
}

/** A minimal pack for judge tests: retention P3Y for the qualifying test categories, no grace. */
export function testPack(retention: Partial<RetentionPolicy> = {}): PolicyPack {
  return {
    id: 'test',
    version: '0.0.0',
    jurisdiction: 'SI',
    description: 'test',
    categories: [],
    negations: [],
    reasonCitations: {},
    citations: {},
    retention: {
      periods: { order: 'P3Y', complaint: 'P3Y' },
      graceDays: 0,
      status: 'unconfirmed',
      basisSl: 'test',
      basisEn: 'test',
      citationIds: [],
      ...retention,
    },
  };
}
