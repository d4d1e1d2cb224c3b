import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { CallauditError } from './errors.js';

/** As the kernel does (Linux MAXSYMLINKS), so a loop of links ends. */
const MAX_LINKS = 40;

/**
 * The real path `target` has, or would have once created: every existing component resolved
 * through its symbolic links as the kernel would resolve it (a dangling link included, since a file
 * created through it appears at its target), the components that do not exist yet appended as
 * given. Comparing these paths catches an output reached through a symlink or a `..` into an
 * archive before anything is created.
 */
export function realPathOf(target: string): string {
  const start = path.isAbsolute(target) ? path.parse(target).root : realpathSync(process.cwd());
  return walk(start, componentsOf(target), { links: 0 }, target);
}

function componentsOf(target: string): string[] {
  return target.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
}

function walk(start: string, parts: readonly string[], state: { links: number }, target: string): string {
  let current = start;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    // `current` is real here, so its parent is what `..` reaches.
    if (part === '..') {
      current = path.dirname(current);
      continue;
    }
    const next = path.join(current, part);
    let isLink: boolean;
    try {
      isLink = lstatSync(next).isSymbolicLink();
    } catch {
      // Not there (or not reachable): the rest would be created below it.
      return path.resolve(next, ...parts.slice(i + 1));
    }
    if (!isLink) {
      current = next;
      continue;
    }
    if (++state.links > MAX_LINKS) {
      throw new CallauditError(
        'PATH_LOOP',
        'the path runs through more than 40 symbolic links (a loop?)',
        'give a path without a loop of symbolic links',
        target,
      );
    }
    const link = readlinkSync(next);
    current = walk(
      path.isAbsolute(link) ? path.parse(link).root : current,
      componentsOf(link),
      state,
      target,
    );
  }
  return current;
}

/** True when `candidate` is `folder` itself or lies below it; both real paths. */
export function isWithin(candidate: string, folder: string): boolean {
  const relative = path.relative(folder, candidate);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}
