import type { Category, Qualifies, ReasonCode } from '../audit/types.js';
import type { HoldType } from './holds.js';

/**
 * `confirmed`: read in the official text or the authority's own decision; `secondary`: rests on a
 * secondary source (a blog, a summary); `unconfirmed`: a part of it (article number, reading) is open.
 */
export type CitationStatus = 'confirmed' | 'secondary' | 'unconfirmed';

export interface Citation {
  id: string;
  textSl: string;
  textEn: string;
  status: CitationStatus;
  /** Where the text was confirmed (a source id or URL from the legal briefing). */
  source: string;
}

interface CategoryDefinition {
  code: Category;
  labelSl: string;
  labelEn: string;
  qualifies: Qualifies;
  /**
   * Phrases matched against normalised outcome labels (lower case, diacritics folded, separators as
   * spaces). Each word of a phrase is a stem: it matches a label word that starts with it, so
   * `narocil` matches naročilo, naročila and naročil. Labels are read part by part (see classify.ts).
   */
  vocabulary: string[];
  citationIds: string[];
  /** The legal hold a DPO should consider for calls of this category (a data-subject request, a lawsuit). */
  suggestsHold?: HoldType;
}

/** How long recordings with a qualifying event may be kept; the DPO sets and signs off these. */
export interface RetentionPolicy {
  /** ISO 8601 durations per qualifying category, counted from the qualifying event. */
  periods: Partial<Record<Category, string>>;
  /** Days the deletion job may lag behind a deadline before the recording counts as expired. */
  graceDays: number;
  status: 'confirmed' | 'unconfirmed';
  basisSl: string;
  basisEn: string;
  citationIds: string[];
}

/** A versioned policy pack: data only, no code. */
export interface PolicyPack {
  id: string;
  version: string;
  jurisdiction: string;
  description: string;
  categories: CategoryDefinition[];
  /** Words that negate a qualifying phrase anywhere in a label ("ni", "brez", "no", "not"). */
  negations: string[];
  /**
   * Phrases that make a qualifying word only the topic of the call ("vprasanj o", "status",
   * "question about"): such a part is `review`, as an open complaint may or may not be behind it.
   */
  topicMarkers?: string[];
  /** Citation ids that back each reason code. */
  reasonCitations: Partial<Record<ReasonCode, string[]>>;
  /** Citation ids of each hold type, cited by LEGAL_HOLD instead of reasonCitations.LEGAL_HOLD. */
  holdCitations?: Partial<Record<HoldType, string[]>>;
  citations: Record<string, Citation>;
  retention: RetentionPolicy;
  /** Verdict when the call log says the caller was not told of the recording; absent: review. */
  noticeMissing?: 'review' | 'violation';
}
