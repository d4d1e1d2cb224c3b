import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** A part of a pattern that can make a backtracking engine take exponential time. */
export interface BacktrackingTrap {
  /** The repeated part, as written, e.g. `(a+)+`. */
  repeated: string;
  /** What inside it is ambiguous, e.g. `a+`. */
  inner: string;
  /** Why, in words a user can act on. */
  reason: string;
}

/**
 * Finds the first repetition whose body can split the same text in more than one way, the
 * shape behind catastrophic backtracking: `(a+)+`, `(\w*_?)*`, `(a|ab)+`. JavaScript's engine
 * tries every split before it gives up, so one long file name could stall the audit for hours.
 *
 * The check is deliberately simple and conservative. Inside a part that repeats more than once:
 * - a variable quantifier is allowed only over one character (a class, an escape, a literal)
 *   and only when a literal character it cannot match follows it, as in `(?:[^/]+/)*`: the run
 *   then ends at the first such character, so there is only one way to split;
 * - an alternation is allowed only when each branch begins with its own literal character.
 * Everything else is reported. Patterns without nested repetition pass untouched and keep the
 * speed of the native engine.
 */
export function findBacktrackingTrap(
  source: string,
  unicode: boolean,
  ignoreCase: boolean,
): BacktrackingTrap | null {
  const pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode });
  const context: Context = { unicode, ignoreCase };
  // Quantifiers inside lookarounds are searched too: a lookahead backtracks like any group.
  for (const repeated of quantifiers(pattern)) {
    if (repeated.max <= 1) continue;
    const reason = ambiguityIn(repeated.element, context);
    if (reason) return { repeated: repeated.raw, ...reason };
  }
  return null;
}

interface Context {
  unicode: boolean;
  ignoreCase: boolean;
}

function* quantifiers(node: AST.Node): Generator<AST.Quantifier> {
  if (node.type === 'Quantifier') {
    yield node;
    yield* quantifiers(node.element);
  } else if ('alternatives' in node) {
    for (const alternative of node.alternatives) yield* quantifiers(alternative);
  } else if (node.type === 'Alternative') {
    for (const element of node.elements) yield* quantifiers(element);
  }
}

function ambiguityIn(node: AST.Node, context: Context): { inner: string; reason: string } | null {
  if (node.type === 'Quantifier') {
    if (node.min !== node.max && !endsAtSeparator(node, context)) {
      return {
        inner: node.raw,
        reason:
          `"${node.raw}" can match a varying length inside a part that repeats, ` +
          `so the same text splits in many ways`,
      };
    }
    return ambiguityIn(node.element, context);
  }
  if ('alternatives' in node && node.type !== 'ClassStringDisjunction') {
    if (node.alternatives.length > 1 && !branchesStartApart(node.alternatives, context)) {
      return {
        inner: node.raw,
        reason: `the branches of "${node.raw}" can start with the same character inside a part that repeats`,
      };
    }
    for (const alternative of node.alternatives) {
      const found = ambiguityIn(alternative, context);
      if (found) return found;
    }
  }
  if (node.type === 'Alternative') {
    for (const element of node.elements) {
      const found = ambiguityIn(element, context);
      if (found) return found;
    }
  }
  return null;
}

/** `[^/]+/`: a run over one character that stops at a literal character it cannot contain. */
function endsAtSeparator(quantifier: AST.Quantifier, context: Context): boolean {
  const element = quantifier.element;
  if (element.type !== 'Character' && element.type !== 'CharacterSet' && element.type !== 'CharacterClass')
    return false;
  const parent = quantifier.parent;
  if (parent.type !== 'Alternative') return false;
  const next = parent.elements[parent.elements.indexOf(quantifier) + 1];
  if (next?.type !== 'Character') return false;
  const flags = (context.unicode ? 'u' : '') + (context.ignoreCase ? 'i' : '');
  return !new RegExp(`^(?:${element.raw})$`, flags).test(String.fromCodePoint(next.value));
}

function branchesStartApart(alternatives: readonly AST.Alternative[], context: Context): boolean {
  const seen = new Set<string>();
  for (const alternative of alternatives) {
    const first = alternative.elements[0];
    if (first?.type !== 'Character') return false;
    const char = String.fromCodePoint(first.value);
    const key = context.ignoreCase ? char.toLowerCase() : char;
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}
