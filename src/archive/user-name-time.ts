import { CallauditError } from '../errors.js';
import type { NameTime } from '../presets/recording/types.js';

/** Named groups of a pattern in the order they open; lookbehinds `(?<=` and `(?<!` are no names. */
function groupNames(source: string): string[] {
  return [...source.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)].map((m) => m[1]!);
}

/**
 * `--name-time`: the time a user's own ID pattern reads from the name, as a preset's `startedAt`
 * does. Every named group but `id` is part of the time, in the order the pattern has them.
 */
export function userNameTime(pattern: RegExp, format: string): NameTime {
  const groups = groupNames(pattern.source).filter((name) => name !== 'id');
  if (groups.length === 0) {
    throw new CallauditError(
      'BAD_FLAG',
      `--name-time "${format}" needs named groups for the time in the call-ID pattern ${JSON.stringify(pattern.source)}`,
      String.raw`e.g. --id-pattern '_(?<date>\d{8})-(?<time>\d{4})_(?<id>[A-Z0-9-]+)\.\w+$' --name-time 'yyyyMMdd HHmm'`,
    );
  }
  return { groups, format, zone: 'local', source: 'filename' };
}

/** `filename` when the time's first group lies in the last path segment, else `path`. */
export function nameTimeSource(relativePath: string, pattern: RegExp, spec: NameTime): 'filename' | 'path' {
  if (!pattern.hasIndices) return spec.source;
  pattern.lastIndex = 0;
  return sourceOfMatch(pattern.exec(relativePath), relativePath, spec);
}

/** `nameTimeSource` for a match already made; a match without indices says the spec's source. */
export function sourceOfMatch(
  match: RegExpExecArray | null,
  relativePath: string,
  spec: NameTime,
): 'filename' | 'path' {
  const start = match?.indices?.groups?.[spec.groups[0]!]?.[0];
  if (start === undefined) return spec.source;
  return start > relativePath.lastIndexOf('/') ? 'filename' : 'path';
}
