import type { Coverage } from '../../src/audit/coverage.js';
import { DEFAULT_ENGINE, type EngineSettings } from '../../src/audit/engine-settings.js';
import { judge } from '../../src/audit/judge.js';
import type { CallEvent, Classification, Recording } from '../../src/audit/types.js';
import type { Hold } from '../../src/policy/holds.js';
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

/** A litigation hold on call C-1, active unless `until` says otherwise. */
export function makeHold(overrides: Partial<Hold> = {}): Hold {
  return {
    id: 'holds.csv:2',
    type: 'litigation',
    scope: 'call_id',
    value: 'C-1',
    reference: 'P 12/2026',
    reason: 'court case',
    until: null,
    period: null,
    ...overrides,
  };
}

/** When the judged recordings were made, and when they are judged. */
export const CALL_AT = '2026-10-03T08:00:00.000Z';
export const NOW = '2026-11-28T12:00:00.000Z';
/** Call logs declared to cover October 2026, Ljubljana time. */
export const OCTOBER: Coverage = {
  basis: 'declared',
  spans: [{ source: '--log-period', from: '2026-09-30T22:00:00.000Z', to: '2026-10-31T22:59:59.999Z' }],
};

export interface JudgeCase {
  recording?: Partial<Recording>;
  events?: Array<[label: string, overrides?: Partial<CallEvent>]>;
  engine?: Partial<EngineSettings>;
  pack?: Partial<PolicyPack>;
}

/** Judges one recording started at CALL_AT (its file name says so) at NOW, the call logs covering OCTOBER. */
export function judgeCase(c: JudgeCase, classify: (label: string) => Classification) {
  const recording = makeRecording({ startedAt: CALL_AT, timeSource: 'filename', ...c.recording });
  const events = (c.events ?? []).map(([label, overrides]) => makeEvent(label, overrides));
  const engine: EngineSettings = { ...DEFAULT_ENGINE, now: NOW, coverage: OCTOBER, ...c.engine };
  return judge(recording, events, { pack: { ...testPack(), ...c.pack }, classify, engine });
}
