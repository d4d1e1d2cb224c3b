import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { CallauditError } from '../errors.js';
import { formatS3Root, isS3Root, parseS3Root } from '../archive/s3/location.js';
import { rootIdentity, type RootIdentity } from '../archive/root-identity.js';
import { refuseIrregular, statIfExists } from '../input-file.js';
import { isWithin, realPathOf } from '../real-path.js';

/** The archive root as a real path with its device and inode (symlinks in its own path are the operator's choice). */
export function realArchiveRoot(root: string): RootIdentity {
  // purge and restore reach a bucket by their own paths (purge-inputs.ts, s3-restore.ts).
  if (isS3Root(root))
    throw new CallauditError(
      'BAD_FLAG',
      `--root ${root} is an s3:// root, not a folder: nothing was touched`,
    );
  let identity: RootIdentity;
  try {
    identity = rootIdentity(root);
  } catch {
    throw notAFolder(root);
  }
  if (!statSync(identity.realPath).isDirectory()) throw notAFolder(root);
  return identity;
}

function notAFolder(root: string): CallauditError {
  return new CallauditError(
    'BAD_FLAG',
    `--root ${root} does not exist or is not a folder`,
    'give the archive root the audit was run on',
  );
}

/** Which root a row or report names: device and inode of a folder, the normalised URL of an s3:// root. */
export const identityKey = (identity: { device: string; inode: string; realPath: string }): string =>
  identity.device === 's3'
    ? `s3:${formatS3Root(parseS3Root(identity.realPath))}`
    : `${identity.device}:${identity.inode}`;

const LOG_HINT = 'give --log an existing deletion log, or a new file in an existing folder';

/** The real location of a file to write (the deletion log): its folder must exist. */
export function realFileLocation(file: string, what: string): string {
  const real = realPathOf(file);
  let folder: ReturnType<typeof statSync>;
  try {
    folder = statSync(path.dirname(real));
  } catch {
    throw new CallauditError(
      'BAD_FLAG',
      `the folder of the ${what} ${path.dirname(real)} does not exist`,
      LOG_HINT,
      file,
    );
  }
  if (!folder.isDirectory())
    throw new CallauditError(
      'BAD_FLAG',
      `the ${what} ${file} lies below a file, not a folder`,
      LOG_HINT,
      file,
    );
  // A FIFO would block the read of the log; a device would never end.
  const existing = statIfExists(real);
  if (existing) refuseIrregular(file, existing, `the ${what}`, LOG_HINT);
  return real;
}

/**
 * The real location of the quarantine folder, which need not exist yet: refused when it, or the
 * deepest part of its path that exists, is not a folder (mkdir would fail half-way).
 */
export function realQuarantineLocation(quarantine: string): string {
  const real = realPathOf(quarantine);
  let existing = real;
  for (;;) {
    try {
      if (!statSync(existing).isDirectory())
        throw new CallauditError(
          'BAD_FLAG',
          existing === real
            ? `--quarantine ${quarantine} is an existing file, not a folder`
            : `--quarantine ${quarantine} cannot be created: ${existing} is a file, not a folder`,
          'give a folder (it is created if missing)',
        );
      return real;
    } catch (error) {
      if (error instanceof CallauditError) throw error;
      const parent = path.dirname(existing);
      if (parent === existing) return real;
      existing = parent;
    }
  }
}

/** The deletion log must survive the archive: never inside a root or the quarantine. */
export function checkLogLocation(
  realLog: string,
  realRoots: readonly string[],
  quarantine: string | null,
): void {
  const places: Array<[string, string]> = realRoots.map((root) => [root, 'archive root']);
  if (quarantine !== null) places.push([quarantine, 'quarantine folder']);
  for (const [folder, name] of places) {
    if (isWithin(realLog, folder)) {
      throw new CallauditError(
        'LOG_INSIDE_ARCHIVE',
        `the deletion log ${realLog} would lie inside the ${name} ${folder}`,
        'give --log a file outside the archive and the quarantine (it must outlive both)',
      );
    }
  }
}

/** The quarantine is a separate place: not inside an archive root, and not containing one. */
export function checkQuarantineLocation(realQuarantine: string, realRoots: readonly string[]): void {
  for (const realRoot of realRoots)
    if (isWithin(realQuarantine, realRoot) || isWithin(realRoot, realQuarantine)) {
      throw new CallauditError(
        'BAD_FLAG',
        `the quarantine folder ${realQuarantine} overlaps the archive root ${realRoot}`,
        'choose a --quarantine folder outside the archive (the next audit must not see quarantined files)',
      );
    }
}

/** The real path of an existing folder, or a clear error. */
export function realExistingFolder(folder: string, what: string): string {
  try {
    const real = realpathSync(folder);
    if (statSync(real).isDirectory()) return real;
  } catch {
    // Reported below.
  }
  throw new CallauditError('BAD_FLAG', `the ${what} ${folder} does not exist or is not a folder`);
}
