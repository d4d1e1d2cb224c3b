import { CallauditError } from './errors.js';

/**
 * Wildcards allowed in one path segment of a user's glob. picomatch turns each `*` into a lazy
 * `[^/]*?`, and a segment with k of them is tried in about n^(k+1) steps on a name of n
 * characters that does not match: at 3, one hostile 200-character name takes seconds, at 4
 * minutes, so one file could stall the audit. Two keep the worst case in milliseconds.
 */
const MAX_STARS_PER_SEGMENT = 2;

/** Why matching `glob` could take polynomial time of a high degree, or null when it cannot. */
export function slowGlobReason(glob: string): string | null {
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    // Escaped characters and bracket classes hold no wildcard.
    const bare = segment.replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
    const stars = bare.split('*').length - 1;
    if (stars > MAX_STARS_PER_SEGMENT) {
      return (
        `it has ${stars} "*" wildcards in the part ${JSON.stringify(segment)}, and matching that against ` +
        `a long file name can take minutes per file; use at most ${MAX_STARS_PER_SEGMENT} "*" per path part`
      );
    }
  }
  return null;
}

/** Refuses an include glob whose matching could stall the audit (see slowGlobReason). */
export function refuseSlowGlob(glob: string, flag = '--include'): void {
  const reason = slowGlobReason(glob);
  if (reason === null) return;
  throw new CallauditError(
    'UNSAFE_GLOB',
    `The ${flag} glob ${JSON.stringify(glob)} is refused: ${reason}.`,
    'Write e.g. "**/*.wav" or "**/in_*.wav", and select the rest with --id-pattern.',
  );
}
