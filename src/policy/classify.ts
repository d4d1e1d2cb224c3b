import type { Category, Classification, Qualifies } from '../audit/types.js';
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

/** What a label means when nothing in the pack can say: a human decides. */
const UNKNOWN_QUALIFIES: Qualifies = 'review';
// Free-text CRM labels can be unique per row; the bound keeps a pathological log from growing the
// cache without limit while a normal log (a few hundred distinct labels) never reaches it.
const CACHE_LIMIT = 50_000;
const NUMBER_RE = /^\p{N}/u;

export type Classifier = (label: string) => Classification;

/**
 * Builds the label → category function for one pack and optional outcome map. All phrase work is
 * done here once; the returned function only tokenises and looks up.
 */
export function createClassifier(pack: PolicyPack, outcomeMap?: Map<string, Category>): Classifier {
  const qualifiesOf = new Map<Category, Qualifies>();
  for (const def of pack.categories) qualifiesOf.set(def.code, def.qualifies);
  const qualifies = (category: Category): Qualifies => qualifiesOf.get(category) ?? UNKNOWN_QUALIFIES;

  const negations = new Set(pack.negations.map(normaliseLabel).filter((n) => n !== ''));

  // Indexed by the first letter of the first stem so a label word only meets phrases that could
  // start at it; this cuts the work per label from all phrases to a handful.
  const byInitial = new Map<string, CompiledPhrase[]>();
  const seen = new Set<string>();
  for (const def of pack.categories) {
    for (const raw of def.vocabulary) {
      const phrase = normaliseLabel(raw);
      const key = `${def.code}\u0000${phrase}`;
      if (phrase === '' || seen.has(key)) continue;
      seen.add(key);
      const stems = tokenise(phrase);
      const initial = phrase[0] as string;
      const list = byInitial.get(initial) ?? [];
      list.push({ phrase, stems, category: def.code });
      byInitial.set(initial, list);
    }
  }

  const result = (
    category: Category,
    matchedBy: Classification['matchedBy'],
    term: string | null,
  ): Classification =>
    Object.freeze({
      category,
      qualifies: category === 'unknown' ? UNKNOWN_QUALIFIES : qualifies(category),
      matchedBy,
      term,
    });
  const NONE = result('unknown', 'none', null);

  const hasNegation = (tokens: string[]): boolean =>
    tokens.some(
      // "Order No. 4711": "no" before a number is an abbreviation, not a negation.
      (token, i) => negations.has(token) && !NUMBER_RE.test(tokens[i + 1] ?? ''),
    );

  const classifyNormalised = (normalised: string): Classification => {
    if (normalised === '') return NONE;
    const mapped = outcomeMap?.get(normalised);
    if (mapped !== undefined) return result(mapped, 'outcome-map', normalised);

    const tokens = tokenise(normalised);
    let bestLength = 0;
    let best: CompiledPhrase[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = byInitial.get((tokens[i] as string)[0] as string);
      if (!candidates) continue;
      for (const candidate of candidates) {
        if (candidate.phrase.length < bestLength) continue;
        if (!matchesAt(candidate.stems, tokens, i)) continue;
        if (candidate.phrase.length > bestLength) {
          bestLength = candidate.phrase.length;
          best = [candidate];
        } else {
          best.push(candidate);
        }
      }
    }
    const winner = best[0];
    if (!winner) return NONE;

    const categories = new Set(best.map((p) => p.category));
    if (categories.size > 1) {
      const phrases = [...new Set(best.map((p) => p.phrase))].sort();
      return result('unknown', 'tie', phrases.join(' | '));
    }
    // Checked after the longest match so that the pack's own negated phrases ("ni narocil") have
    // already claimed their label as non-qualifying; what is left is a negated qualifying word, and
    // reading that as qualifying would keep a recording the law says must go.
    if (qualifies(winner.category) !== 'no' && hasNegation(tokens)) {
      return result('unknown', 'negation', winner.phrase);
    }
    return result(winner.category, 'vocabulary', winner.phrase);
  };

  const byRaw = new Map<string, Classification>();
  const byNormalised = new Map<string, Classification>();
  return (label: string): Classification => {
    const hit = byRaw.get(label);
    if (hit) return hit;
    const normalised = normaliseLabel(label);
    let classification = byNormalised.get(normalised);
    if (!classification) {
      classification = classifyNormalised(normalised);
      if (byNormalised.size >= CACHE_LIMIT) byNormalised.clear();
      byNormalised.set(normalised, classification);
    }
    if (byRaw.size >= CACHE_LIMIT) byRaw.clear();
    byRaw.set(label, classification);
    return classification;
  };
}

function matchesAt(stems: string[], tokens: string[], start: number): boolean {
  if (start + stems.length > tokens.length) return false;
  for (let j = 0; j < stems.length; j++) {
    if (!(tokens[start + j] as string).startsWith(stems[j] as string)) return false;
  }
  return true;
}
