import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { CallauditError } from '../errors.js';
import { isWithin } from './path-safety.js';

/** The archive root as a real path (symlinks in the root's own path are the operator's choice). */
export function realArchiveRoot(root: string): string {
  let real: string;
  try {
    real = realpathSync(root);
  } catch {
    throw notAFolder(root);
  }
  if (!statSync(real).isDirectory()) throw notAFolder(root);
  return real;
}

function notAFolder(root: string): CallauditError {
  return new CallauditError(
    'BAD_FLAG',
    `--root ${root} does not exist or is not a folder`,
    'give the archive root the audit was run on',
  );
}

/**
 * A manifest row belongs to --root when its root names the same folder: the same path after
 * resolving against the working directory, or the same real path. Anything else is refused
 * per row (OTHER_ROOT): purge acts on one archive at a time.
 */
export function rowRootMatches(rowRoot: string, givenRoot: string, realRoot: string): boolean {
  if (path.resolve(rowRoot) === path.resolve(givenRoot)) return true;
  try {
    return realpathSync(rowRoot) === realRoot;
  } catch {
    return false;
  }
}

/** Real path of a file that may not exist yet: its folder must exist. */
export function realFilePath(file: string, what: string): string {
  // An existing log may itself be a symlink (into the archive, say): judge where it really is.
  try {
    return realpathSync(file);
  } catch {
    // Does not exist yet: its folder decides.
  }
  const folder = path.dirname(path.resolve(file));
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
  } catch {
    throw new CallauditError(
      'BAD_FLAG',
      `the folder of the ${what} ${folder} does not exist`,
      undefined,
      file,
    );
  }
  return path.join(realFolder, path.basename(file));
}

/** The deletion log must survive the archive: never inside the root or the quarantine. */
export function checkLogLocation(realLog: string, realRoot: string, quarantine: string | null): void {
  for (const [folder, name] of [
    [realRoot, 'archive root'],
    [quarantine, 'quarantine folder'],
  ] as const) {
    if (folder !== null && isWithin(realLog, folder)) {
      throw new CallauditError(
        'LOG_INSIDE_ARCHIVE',
        `the deletion log ${realLog} would lie inside the ${name} ${folder}`,
        'give --log a file outside the archive and the quarantine (it must outlive both)',
      );
    }
  }
}

/** The quarantine is a separate place: not inside the archive, and not containing it. */
export function checkQuarantineLocation(quarantine: string, realRoot: string): void {
  const resolved = path.resolve(quarantine);
  let real = resolved;
  try {
    real = realpathSync(resolved);
  } catch {
    // Not created yet (dry run): its resolved path is all there is to compare.
  }
  if (isWithin(real, realRoot) || isWithin(realRoot, real) || isWithin(resolved, realRoot)) {
    throw new CallauditError(
      'BAD_FLAG',
      `the quarantine folder ${quarantine} overlaps the archive root`,
      'choose a --quarantine folder outside the archive (the next audit must not see quarantined files)',
    );
  }
}
