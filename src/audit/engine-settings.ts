import type { Hold } from '../policy/holds.js';
import type { DecisionBook } from './decisions.js';
import { NO_COVERAGE, type Coverage } from './coverage.js';
import { DEFAULT_MAX_EVENT_LAG_HOURS } from './time-window.js';

/** Everything besides the pack that the rules need; `now` comes in so the judge stays pure. */
export interface EngineSettings {
  /** Reference time, ISO UTC; null judges without retention deadlines. */
  now: string | null;
  /** IANA zone for calendar arithmetic on deadlines. */
  zone: string;
  holds: readonly Hold[];
  maxEventLagHours: number;
  coverage: Coverage;
  /** Verdict when the log says notice was not given; unset: the pack's setting, else review. */
  noticeMissing?: 'review' | 'violation';
  /** `confirmed`: only labels confirmed in the outcome map may lead to a violation (default any). */
  labels?: LabelTrust;
  /** Human decisions on review findings (--decisions); absent when none were given. */
  decisions?: DecisionBook;
  /** SHA-256 of the files whose decision carries one, by fileKey(root, path). */
  decisionHashes?: ReadonlyMap<string, string>;
}

export const LABEL_TRUST = ['any', 'confirmed'] as const;
export type LabelTrust = (typeof LABEL_TRUST)[number];

export const DEFAULT_ENGINE: EngineSettings = {
  now: null,
  zone: 'Europe/Ljubljana',
  holds: [],
  maxEventLagHours: DEFAULT_MAX_EVENT_LAG_HOURS,
  coverage: NO_COVERAGE,
};
