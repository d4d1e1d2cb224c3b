import type { Category, Classification, LabelPart, Qualifies } from '../audit/types.js';
import { isCodeOnly, splitOnConjunctions, splitOnSeparators } from './label-parts.js';
import type { PolicyPack } from './types.js';

/**
 * Letters that Unicode decomposition leaves alone but that CRM exports from neighbouring
 * languages do contain; without this they would survive as non-ASCII and never match a stem.
 */
const SPECIAL_LETTERS: Record<string, string> = {
  đ: 'd',
  ð: 'd',
  ß: 'ss',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
};
const SPECIAL_LETTER_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');
// Removed rather than spaced so that "didn't" stays one word and still reads as a negation.
const APOSTROPHES_RE = /['’‘`´ʼ]/g;
const COMBINING_MARKS_RE = /\p{M}+/gu;
const SEPARATORS_RE = /[^\p{L}\p{N}]+/gu;

/**
 * The one normal form used for vocabulary phrases, negations, outcome-map keys and labels, so that
 * "Naročilo", "NAROCILO" and " naročilo_" all meet as "narocilo".
 */
export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(APOSTROPHES_RE, '')
    .replace(SPECIAL_LETTER_RE, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .normalize('NFKD')
    .replace(COMBINING_MARKS_RE, '')
    .replace(SEPARATORS_RE, ' ')
    .trim();
}

/** Words of a normalised label or phrase. */
export function tokenise(normalised: string): string[] {
  return normalised === '' ? [] : normalised.split(' ');
}

interface CompiledPhrase {
  phrase: string;
  stems: string[];
  category: Category;
}

interface Match {
  phrase: CompiledPhrase;
  start: number;
  /** Index after the last word. */
  end: number;
}

/** What a label means when nothing in the pack can say: a human decides. */
const UNKNOWN_QUALIFIES: Qualifies = 'review';
// Free-text CRM labels can be unique per row; the bound keeps a pathological log from growing the
// cache without limit while a normal log (a few hundred distinct labels) never reaches it.
const CACHE_LIMIT = 50_000;
const NUMBER_RE = /^\p{N}/u;

export type Classifier = (label: string) => Classification;

/** Phrases indexed by the first letter of their first stem, so a word only meets phrases that could start at it. */
function indexPhrases(phrases: Iterable<CompiledPhrase>): Map<string, CompiledPhrase[]> {
  const byInitial = new Map<string, CompiledPhrase[]>();
  for (const phrase of phrases) {
    const initial = phrase.phrase[0] as string;
    const list = byInitial.get(initial) ?? [];
    list.push(phrase);
    byInitial.set(initial, list);
  }
  return byInitial;
}

function findMatches(tokens: readonly string[], byInitial: Map<string, CompiledPhrase[]>): Match[] {
  const found: Match[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = byInitial.get((tokens[i] as string)[0] as string);
    if (!candidates) continue;
    for (const phrase of candidates) {
      if (matchesAt(phrase.stems, tokens, i)) found.push({ phrase, start: i, end: i + phrase.stems.length });
    }
  }
  return found;
}

/**
 * Leaves out entries inside a longer entry: "prekinitev zveze" is a dropped line, not the
 * cancellation "prekinitev"; "ni narocila" is no order, not an order.
 */
function outermost(matches: readonly Match[]): Match[] {
  return matches.filter(
    (m) =>
      !matches.some(
        (n) =>
          n !== m &&
          n.start <= m.start &&
          m.end <= n.end &&
          (n.end - n.start > m.end - m.start || n.phrase.phrase.length > m.phrase.phrase.length),
      ),
  );
}

/** The matches with the longest phrase (several when they tie). */
function longest(matches: readonly Match[]): Match[] {
  let best: Match[] = [];
  for (const m of matches) {
    const length = m.phrase.phrase.length;
    const bestLength = best[0]?.phrase.phrase.length ?? 0;
    if (length > bestLength) best = [m];
    else if (length === bestLength) best.push(m);
  }
  return best;
}

/**
 * Builds the label → category function for one pack and optional outcome map. All phrase work is
 * done here once; the returned function splits, tokenises and looks up.
 *
 * A label is read part by part (see label-parts.ts). Within a part, an unnegated qualifying entry
 * decides even when a longer non-qualifying one also matches ("Pritožba na kakovost storitve"),
 * unless a topic marker makes it only the call's topic (review). Across parts, the first part that
 * states a qualifying event decides; otherwise the first part a human must look at; only a label
 * whose every part is non-qualifying is non-qualifying.
 */
export function createClassifier(
  pack: PolicyPack,
  outcomeMap?: Map<string, Category>,
  unconfirmedLabels?: ReadonlySet<string>,
): Classifier {
  const qualifiesOf = new Map<Category, Qualifies>();
  for (const def of pack.categories) qualifiesOf.set(def.code, def.qualifies);
  const qualifies = (category: Category): Qualifies => qualifiesOf.get(category) ?? UNKNOWN_QUALIFIES;

  const negations = new Set(pack.negations.map(normaliseLabel).filter((n) => n !== ''));

  const vocabulary: CompiledPhrase[] = [];
  const seen = new Set<string>();
  for (const def of pack.categories) {
    for (const raw of def.vocabulary) {
      const phrase = normaliseLabel(raw);
      const key = `${def.code}\u0000${phrase}`;
      if (phrase === '' || seen.has(key)) continue;
      seen.add(key);
      vocabulary.push({ phrase, stems: tokenise(phrase), category: def.code });
    }
  }
  const byInitial = indexPhrases(vocabulary);
  const topicByInitial = indexPhrases(
    (pack.topicMarkers ?? [])
      .map(normaliseLabel)
      .filter((phrase) => phrase !== '')
      .map((phrase) => ({ phrase, stems: tokenise(phrase), category: 'unknown' as Category })),
  );

  const negationsIn = (tokens: string[]): string[] =>
    tokens.filter(
      // "Order No. 4711": "no" before a number is an abbreviation, not a negation.
      (token, i) => negations.has(token) && !NUMBER_RE.test(tokens[i + 1] ?? ''),
    );

  const classifyPart = (tokens: string[]): LabelPart => {
    const text = tokens.join(' ');
    const found = negationsIn(tokens);
    const topic = findMatches(tokens, topicByInitial)[0]?.phrase.phrase ?? null;
    const kept = outermost(findMatches(tokens, byInitial));
    const trail = {
      text,
      matches: kept.map((m) => ({ phrase: m.phrase.phrase, category: m.phrase.category })),
      negations: found,
      topic,
    };
    const part = (
      category: Category,
      matchedBy: LabelPart['matchedBy'],
      term: string | null,
      qualifiesAs: Qualifies = qualifies(category),
    ): LabelPart => ({ ...trail, category, qualifies: qualifiesAs, matchedBy, term });

    const mapped = outcomeMap?.get(text);
    if (mapped !== undefined) return part(mapped, 'outcome-map', text);
    if (kept.length === 0) return part('unknown', 'none', null, UNKNOWN_QUALIFIES);

    const decide = (candidates: readonly Match[]): LabelPart => {
      const best = longest(candidates);
      const categories = new Set(best.map((m) => m.phrase.category));
      if (categories.size > 1) {
        const phrases = [...new Set(best.map((m) => m.phrase.phrase))].sort();
        return part('unknown', 'tie', phrases.join(' | '), UNKNOWN_QUALIFIES);
      }
      const winner = (best[0] as Match).phrase;
      return part(winner.category, 'vocabulary', winner.phrase);
    };

    if (found.length === 0) {
      const stated = kept.filter((m) => qualifies(m.phrase.category) === 'yes');
      if (stated.length > 0) {
        const decided = decide(stated);
        // "Vprasanje o reklamaciji": a complaint is the topic, whether one was filed is open.
        return topic !== null && decided.qualifies === 'yes'
          ? { ...decided, qualifies: 'review', matchedBy: 'topic' }
          : decided;
      }
      const doubtful = kept.filter((m) => qualifies(m.phrase.category) === 'review');
      return decide(doubtful.length > 0 ? doubtful : kept);
    }
    // With a negation in the part, the longest entry decides as the pack wrote it: its negated
    // phrases ("ni narocil", "ni interes") say no; a negated qualifying word is for a human.
    const decided = decide(kept);
    if (decided.matchedBy === 'vocabulary' && decided.qualifies !== 'no') {
      return part('unknown', 'negation', decided.term, UNKNOWN_QUALIFIES);
    }
    return decided;
  };

  const NONE: Classification = Object.freeze({
    category: 'unknown',
    qualifies: UNKNOWN_QUALIFIES,
    matchedBy: 'none',
    term: null,
    parts: Object.freeze([]),
  });

  /** The outcome-map row for the whole label, if any. */
  const mappedWhole = (normalised: string): Classification | undefined => {
    const mapped = outcomeMap?.get(normalised);
    if (mapped === undefined) return undefined;
    return Object.freeze({
      category: mapped,
      qualifies: qualifies(mapped),
      matchedBy: 'outcome-map',
      term: normalised,
      parts: Object.freeze([]),
      confirmed: !unconfirmedLabels?.has(normalised),
    });
  };

  const classifyParts = (partTokens: string[][]): Classification => {
    const parts = partTokens.map(classifyPart);
    const deciding =
      parts.find((p) => p.qualifies === 'yes') ?? parts.find((p) => p.qualifies !== 'no') ?? parts[0];
    if (!deciding) return NONE;
    const { category, qualifies: qualifiesAs, matchedBy, term } = deciding;
    return Object.freeze({ category, qualifies: qualifiesAs, matchedBy, term, parts: Object.freeze(parts) });
  };

  const byParts = new Map<string, Classification>();
  const readByParts = (label: string): Classification => {
    const partTokens = splitOnSeparators(label)
      .flatMap((piece) => splitOnConjunctions(tokenise(normaliseLabel(piece))))
      .filter((tokens) => !isCodeOnly(tokens));
    // Labels that differ only in case, diacritics or spacing share one reading; the part
    // boundaries are in the key because "A, B" and "A B" may read differently.
    const key = partTokens.map((tokens) => tokens.join(' ')).join('\u0000');
    let classification = byParts.get(key);
    if (!classification) {
      classification = classifyParts(partTokens);
      if (byParts.size >= CACHE_LIMIT) byParts.clear();
      byParts.set(key, classification);
    }
    return classification;
  };

  const byRaw = new Map<string, Classification>();
  return (label: string): Classification => {
    const hit = byRaw.get(label);
    if (hit) return hit;
    // The whole-label map row first, outside the parts cache: a row pins one label, and labels
    // that share their parts need not share it ("03 - Reklamacija" may be mapped, "Reklamacija" not).
    const classification = mappedWhole(normaliseLabel(label)) ?? readByParts(label);
    if (byRaw.size >= CACHE_LIMIT) byRaw.clear();
    byRaw.set(label, classification);
    return classification;
  };
}

// A stem of one or two letters ("o", "na", "qa") would prefix-match half the language: it must be the whole word.
const SHORT_STEM = 2;

function matchesAt(stems: string[], tokens: readonly string[], start: number): boolean {
  if (start + stems.length > tokens.length) return false;
  for (let j = 0; j < stems.length; j++) {
    const stem = stems[j] as string;
    const token = tokens[start + j] as string;
    if (stem.length <= SHORT_STEM ? token !== stem : !token.startsWith(stem)) return false;
  }
  return true;
}
