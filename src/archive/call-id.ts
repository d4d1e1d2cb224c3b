import { CallauditError } from '../errors.js';
import type { IdSource } from '../audit/types.js';
import { findBacktrackingTrap } from './backtracking-trap.js';

/** The pattern most archives need: the last `_`-separated part of the file name. */
export const EXAMPLE_ID_PATTERN = String.raw`_(?<id>[A-Z0-9-]+)\.\w+$`;

const HINT =
  `Use a JavaScript regular expression with a named group "id", matched against the path ` +
  `relative to the archive root with forward slashes, e.g. ${EXAMPLE_ID_PATTERN}`;

/**
 * Compiles a user-supplied call-ID pattern. The `d` flag records where the `id` group matched,
 * which tells a file-name ID from a folder ID.
 */
export function compileIdPattern(source: string): RegExp {
  let pattern: RegExp;
  try {
    // Unicode mode first so `\p{L}` and astral characters work; it rejects needless escapes
    // like `\_` that people copy from other regex dialects, so fall back to the lenient mode.
    pattern = compile(source, 'du');
  } catch {
    try {
      pattern = compile(source, 'd');
    } catch (error) {
      throw new CallauditError(
        'BAD_ID_PATTERN',
        `The call-ID pattern ${JSON.stringify(source)} is not a valid regular expression: ${messageOf(error)}`,
        HINT,
      );
    }
  }
  if (!hasIdGroup(pattern)) {
    throw new CallauditError(
      'BAD_ID_PATTERN',
      `The call-ID pattern ${JSON.stringify(source)} has no named group "id", so it cannot say which part is the call ID.`,
      HINT,
    );
  }
  refuseBacktrackingTrap(source, pattern);
  return pattern;
}

/**
 * A pattern is run against every path of an archive (a million, some hostile): one that can
 * backtrack exponentially would stall the audit on a single long name, so it is refused.
 */
function refuseBacktrackingTrap(source: string, pattern: RegExp): void {
  const trap = findBacktrackingTrap(source, pattern.unicode, pattern.ignoreCase);
  if (trap === null) return;
  throw new CallauditError(
    'UNSAFE_ID_PATTERN',
    `The call-ID pattern ${JSON.stringify(source)} repeats ${JSON.stringify(trap.repeated)}, and ${trap.reason}: ` +
      `on a long file name that does not match, the regex engine would try every split and could run for hours.`,
    `Repeat one character class instead of a repeated group (e.g. "[A-Z0-9-]+" rather than "([A-Z0-9]+-?)+"), ` +
      `end each repeated part with a separator it cannot contain (e.g. "(?:[^/]+/)*"), ` +
      `and start the branches of a repeated alternation with different characters.`,
  );
}

function compile(source: string, flags: string): RegExp {
  if (source.trim() === '') throw new SyntaxError('the pattern is empty');
  return new RegExp(source, flags);
}

function hasIdGroup(pattern: RegExp): boolean {
  // An empty alternative always matches, and `groups` lists every named group of the pattern.
  const probe = new RegExp(`(?:${pattern.source})|`, pattern.flags).exec('');
  return probe?.groups !== undefined && 'id' in probe.groups;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface LocatedCallId {
  callId: string | null;
  idSource: IdSource;
}

/**
 * Finds the call ID of a recording and says where it came from: `filename` when it lies in the
 * last path segment, `path` when a pattern took it from a folder name.
 */
export function locateCallId(relativePath: string, pattern: RegExp | null): LocatedCallId {
  if (pattern === null) {
    const callId = nonEmpty(stripExtension(baseName(relativePath)));
    return { callId, idSource: callId === null ? 'none' : 'filename' };
  }
  // A global or sticky pattern keeps lastIndex between calls and would skip matches.
  pattern.lastIndex = 0;
  const match = pattern.exec(relativePath);
  const callId = nonEmpty(match?.groups?.id);
  if (callId === null || !match) return { callId: null, idSource: 'none' };
  // Without the `d` flag only the start of the whole match is known: if it lies in the file
  // name so does the ID; otherwise `path` is the less specific but never wrong answer.
  const start = match.indices?.groups?.id?.[0] ?? match.index;
  const nameStart = relativePath.lastIndexOf('/') + 1;
  return { callId, idSource: start >= nameStart ? 'filename' : 'path' };
}

/**
 * The call ID of a recording: the `id` group of `pattern` matched against the path relative to
 * the archive root (forward slashes), or the file name without its extension when `pattern` is
 * null. Surrounding white space is dropped; nothing left means no call ID.
 */
export function extractCallId(relativePath: string, pattern: RegExp | null): string | null {
  return locateCallId(relativePath, pattern).callId;
}

function baseName(relativePath: string): string {
  return relativePath.slice(relativePath.lastIndexOf('/') + 1);
}

function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  // A leading dot starts a hidden name, not an extension.
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Composed (NFC), as call logs write IDs: macOS stores file names decomposed. */
function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim().normalize('NFC') ?? '';
  return trimmed === '' ? null : trimmed;
}
