/**
 * Splits a CRM outcome label into the parts a call centre joins into one label: "Reklamacija, klic
 * prekinjen", "03 - Reklamacija", "Naročilo – stranka ni zainteresirana", "Info / Naročilo".
 * Each part is classified on its own, so one part's phrase can no longer outweigh another's.
 */

// A dash between two letters joins a word ("e-mail", "sign-up", "follow-up"); anywhere else
// ("03 - Reklamacija", "03-Reklamacija", "Naročilo -ni interesa") it separates parts.
const PART_SEPARATORS_RE = /[,;–—/+|()[\]{}]|(?<!\p{L})-|-(?!\p{L})/u;

/** Words that join two statements into one label (Slovenian and English), as whole words. */
export const CONJUNCTIONS: ReadonlySet<string> = new Set(['in', 'ter', 'nato', 'and', 'then']);

// English "in" is also a preposition: "Not interested in upgrade" is one statement, and splitting
// it would leave "upgrade" without its negation. After these words "in" does not split.
const IN_AS_PREPOSITION_AFTER_RE = /^(interest|sign|log|check|drop|call|phone|dial|fill|put|hand)/;

const NUMBER_TOKEN_RE = /^\p{N}+$/u;

/**
 * The raw pieces of a label between separators, trimmed, in order; empty pieces left out.
 * Conjunctions are split later, on normalised words (see splitOnConjunctions).
 */
export function splitOnSeparators(label: string): string[] {
  return label
    .split(PART_SEPARATORS_RE)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}

/** The word groups of one normalised piece, split at conjunctions; empty groups left out. */
export function splitOnConjunctions(tokens: readonly string[]): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    const isConjunction =
      CONJUNCTIONS.has(token) &&
      !(token === 'in' && previous !== undefined && IN_AS_PREPOSITION_AFTER_RE.test(previous));
    if (isConjunction) {
      if (current.length > 0) groups.push(current);
      current = [];
    } else {
      current.push(token);
    }
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A part of only numbers ("03", "2 1") is a CRM's code for its label, not a statement. */
export function isCodeOnly(tokens: readonly string[]): boolean {
  return tokens.every((token) => NUMBER_TOKEN_RE.test(token));
}
