import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { Skip } from './skip-reasons.js';

/**
 * Splits a manifest path into its segments, or explains why it is unsafe. Refused: absolute
 * paths (POSIX or Windows), `..`, `.`, empty segments, backslashes (a separator on Windows, and
 * never written by the audit on POSIX archives) and NUL.
 */
export function safeSegments(relativePath: string): string[] | Skip {
  const unsafe = (detail: string): Skip => ({ code: 'UNSAFE_PATH', detail });
  if (relativePath.includes('\0')) return unsafe('the path contains a NUL character');
  if (relativePath.includes('\\')) return unsafe('the path contains a backslash');
  if (relativePath.startsWith('/') || /^[A-Za-z]:/.test(relativePath) || path.isAbsolute(relativePath))
    return unsafe('the path is absolute');
  const segments = relativePath.split('/');
  for (const segment of segments) {
    if (segment === '..') return unsafe('the path contains ".."');
    if (segment === '.' || segment === '') return unsafe('the path contains "." or an empty segment');
  }
  return segments;
}

/**
 * Resolves `relativePath` under `realRoot` (already a real path) and proves, by lstat of every
 * component, that no folder on the way and not the file itself is a symbolic link, and that the
 * last component is a regular file. Returns the absolute path or a Skip.
 *
 * Limitation: Node has no openat/unlinkat, so a component swapped for a link between this check
 * and the action is not caught; purge re-runs this check immediately before each action and
 * opens files with O_NOFOLLOW when hashing, which narrows but does not close that window.
 */
export async function resolveInsideRoot(realRoot: string, relativePath: string): Promise<string | Skip> {
  const segments = safeSegments(relativePath);
  if (!Array.isArray(segments)) return segments;
  let current = realRoot;
  for (const [index, segment] of segments.entries()) {
    current = path.join(current, segment);
    const isLast = index === segments.length - 1;
    let stats;
    try {
      stats = await lstat(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR')
        return { code: 'MISSING', detail: 'the file does not exist' };
      return {
        code: 'ACTION_FAILED',
        detail: `cannot inspect the path (${code ?? (error as Error).message})`,
      };
    }
    if (stats.isSymbolicLink())
      return {
        code: 'SYMLINK',
        detail: isLast
          ? 'the file is a symbolic link'
          : `the folder ${segments.slice(0, index + 1).join('/')} is a symbolic link`,
      };
    if (isLast && !stats.isFile()) return { code: 'NOT_A_FILE', detail: 'not a regular file' };
    if (!isLast && !stats.isDirectory()) return { code: 'MISSING', detail: 'a parent is not a folder' };
  }
  return current;
}

export const isSkip = (value: unknown): value is Skip =>
  typeof value === 'object' && value !== null && 'code' in value && 'detail' in value;
