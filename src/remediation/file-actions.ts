import { constants, fsyncSync, openSync, closeSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import { sha256OfFile } from '../archive/sha256-file.js';
import type { Skip } from './skip-reasons.js';

/**
 * The file-system calls that change something, behind one seam: tests replace one of them to
 * make it fail at a chosen moment, as a read-only file system or an immutable file would.
 */
export interface FsOps {
  link(existing: string, created: string): Promise<void>;
  unlink(file: string): Promise<void>;
  copyFile(source: string, target: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(folder: string): Promise<unknown>;
  rmdir(folder: string): Promise<void>;
  utimes(file: string, atime: number, mtime: number): Promise<void>;
}

export const nodeFs: FsOps = {
  link: (a, b) => fsPromises.link(a, b),
  unlink: (f) => fsPromises.unlink(f),
  copyFile: (a, b, mode) => fsPromises.copyFile(a, b, mode),
  rename: (a, b) => fsPromises.rename(a, b),
  mkdir: (f) => fsPromises.mkdir(f),
  rmdir: (f) => fsPromises.rmdir(f),
  utimes: (f, a, m) => fsPromises.utimes(f, a, m),
};

/** Makes a directory entry change (unlink, link) durable: fsync of the folder itself. */
function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch (error) {
    // Some file systems (and Windows) cannot fsync a folder; the data itself is still synced.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function deleteFile(absolutePath: string, fs: FsOps = nodeFs): Promise<void> {
  await fs.unlink(absolutePath);
  fsyncFolder(path.dirname(absolutePath));
}

/** A destination ready to be linked into: its path, and the folders made for it (to undo). */
export interface PreparedTarget {
  target: string;
  createdFolders: string[];
}

/**
 * Creates (unless `create` is false) the parent folders of `segments` below `realBase`, refusing
 * to pass through a symbolic link or a non-folder, and refuses a target that already exists.
 * A dry run (`create` false) checks the same things as far as they exist.
 */
export async function prepareTarget(
  realBase: string,
  segments: readonly string[],
  create = true,
  fs: FsOps = nodeFs,
): Promise<PreparedTarget | Skip> {
  let current = realBase;
  const createdFolders: string[] = [];
  let missing = false;
  for (const segment of segments.slice(0, -1)) {
    current = path.join(current, segment);
    if (missing) {
      if (create) await made(current);
      continue;
    }
    try {
      const stats = await fsPromises.lstat(current);
      if (stats.isSymbolicLink())
        return undone({ code: 'SYMLINK', detail: `the destination folder ${current} is a symbolic link` });
      if (!stats.isDirectory())
        return undone({ code: 'TARGET_EXISTS', detail: `${current} exists and is not a folder` });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // Below a missing folder nothing can be in the way.
      missing = true;
      if (create) await made(current);
    }
  }
  const target = path.join(current, segments[segments.length - 1]!);
  if (!missing && (await exists(target)))
    return undone({ code: 'TARGET_EXISTS', detail: 'the destination already exists' });
  return { target, createdFolders };

  async function made(folder: string): Promise<void> {
    try {
      await fs.mkdir(folder);
    } catch (error) {
      await removeFolders(createdFolders, fs);
      throw error;
    }
    createdFolders.push(folder);
  }
  async function undone(skip: Skip): Promise<Skip> {
    await removeFolders(createdFolders, fs);
    return skip;
  }
}

/** Removes folders this run made, deepest first; one that is no longer empty is left. */
export async function removeFolders(folders: readonly string[], fs: FsOps = nodeFs): Promise<string[]> {
  const left: string[] = [];
  for (const folder of [...folders].reverse()) await fs.rmdir(folder).catch(() => left.push(folder));
  return left;
}

const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS']);
/** A copy in progress is `<target>.callaudit-partial-<session>`: no run removes another's. */
const PARTIAL_MARK = '.callaudit-partial';
const partialName = (target: string, session: string): string => `${target}${PARTIAL_MARK}-${session}`;
export const isPartialName = (file: string): boolean => path.basename(file).includes(PARTIAL_MARK);

/**
 * A move that failed. The source is as it was; `leftBehind` names what this run created and
 * could not remove again (null: nothing is left, the move was undone completely).
 */
export class MoveFailed extends Error {
  constructor(
    readonly code: string,
    readonly leftBehind: string | null,
  ) {
    super(leftBehind ? `${code}; could not undo: ${leftBehind} is left behind` : `${code}; undone`);
  }
}

export interface MoveOptions {
  session: string;
  fs?: FsOps;
  beforeUnlinkSource?: () => void;
}

/**
 * Moves `source` to `target` without ever overwriting: a hard link (atomic, fails with EEXIST,
 * keeps the bytes and mtime) then unlink of the source. Across file systems: copy to a partial
 * file, fsync, verify its SHA-256 against `sha256`, restore the mtime, link it into place, and
 * only then unlink the source. When the source cannot be removed, the target this run made is
 * removed again: a move either happens whole or not at all (MoveFailed says which was left).
 */
export async function moveWithoutOverwrite(
  source: string,
  target: string,
  sha256: string,
  options: MoveOptions,
): Promise<'linked' | 'copied'> {
  const fs = options.fs ?? nodeFs;
  let how: 'linked' | 'copied' = 'linked';
  try {
    await fs.link(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!CANNOT_LINK.has(code)) throw error;
    how = 'copied';
    await copyVerified(source, target, sha256, options.session, fs);
  }
  fsyncFolder(path.dirname(target));
  options.beforeUnlinkSource?.();
  try {
    await fs.unlink(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const undone = await fs.unlink(target).then(
      () => true,
      () => false,
    );
    if (undone) fsyncFolder(path.dirname(target));
    throw new MoveFailed(code, undone ? null : target);
  }
  fsyncFolder(path.dirname(source));
  return how;
}

async function copyVerified(
  source: string,
  target: string,
  sha256: string,
  session: string,
  fs: FsOps,
): Promise<void> {
  const partial = partialName(target, session);
  // Only a partial file of this session (an interrupted attempt of the same run) is ours to remove.
  await fs.unlink(partial).catch(() => {});
  await fs.copyFile(source, partial, constants.COPYFILE_EXCL);
  try {
    fsyncFile(partial);
    const copied = await sha256OfFile(partial);
    if (copied.sha256 !== sha256) throw new Error('the copy does not match the original (SHA-256)');
    // Keep the mtime: the manifest and a re-audit compare it to the millisecond.
    const original = await fsPromises.lstat(source, { bigint: true });
    await fs.utimes(partial, secondsKeepingMs(original.atimeNs), secondsKeepingMs(original.mtimeNs));
    fsyncFile(partial);
    try {
      await fs.link(partial, target);
    } catch (error) {
      if (!CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      // No hard links on the target file system: rename, after checking nothing is in the way.
      if (await exists(target)) throw Object.assign(new Error('the destination exists'), { code: 'EEXIST' });
      await fs.rename(partial, target);
    }
  } finally {
    await fs.unlink(partial).catch(() => {});
  }
}

/** Partial files of other runs next to `target`: never removed, only reported. */
export async function foreignPartials(target: string, session: string | null): Promise<string[]> {
  const folder = path.dirname(target);
  const prefix = `${path.basename(target)}${PARTIAL_MARK}`;
  const names = await fsPromises.readdir(folder).catch(() => [] as string[]);
  return names
    .filter((name) => name.startsWith(prefix))
    .map((name) => path.join(folder, name))
    .filter((file) => session === null || file !== partialName(target, session))
    .sort();
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsPromises.lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * A nanosecond time as the float seconds utimes takes. A double near 2e9 s is exact only to about
 * 0.2 µs, so a time within that of a millisecond boundary could land in the neighbouring
 * millisecond; keeping the sub-millisecond part a microsecond away from either boundary stops that.
 */
export function secondsKeepingMs(ns: bigint): number {
  const ms = ns / 1_000_000n;
  const within = ns % 1_000_000n;
  const clamped = within < 1_000n ? 1_000n : within > 999_000n ? 999_000n : within;
  return Number(ms * 1_000_000n + clamped) / 1e9;
}
