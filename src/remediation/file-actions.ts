import { constants, fsyncSync, openSync, closeSync } from 'node:fs';
import { copyFile, link, lstat, mkdir, rename, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { sha256OfFile } from '../archive/sha256-file.js';
import type { Skip } from './skip-reasons.js';

/** Makes a directory entry change (unlink, link) durable: fsync of the folder itself. */
export function fsyncFolder(folder: string): void {
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

export async function deleteFile(absolutePath: string): Promise<void> {
  await unlink(absolutePath);
  fsyncFolder(path.dirname(absolutePath));
}

/**
 * Creates (unless `create` is false) the parent folders of `segments` below `realBase`, refusing
 * to pass through a symbolic link or a non-folder, and refuses a target that already exists.
 * Returns the absolute target path or a Skip.
 */
export async function prepareTarget(
  realBase: string,
  segments: readonly string[],
  create = true,
): Promise<string | Skip> {
  let current = realBase;
  for (const segment of segments.slice(0, -1)) {
    current = path.join(current, segment);
    try {
      const stats = await lstat(current);
      if (stats.isSymbolicLink())
        return { code: 'SYMLINK', detail: `the destination folder ${current} is a symbolic link` };
      if (!stats.isDirectory())
        return { code: 'TARGET_EXISTS', detail: `${current} exists and is not a folder` };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // A dry run only looks: below a missing folder nothing can be in the way.
      if (!create) return path.join(realBase, ...segments);
      await mkdir(current);
    }
  }
  const target = path.join(current, segments[segments.length - 1]!);
  try {
    await lstat(target);
    return { code: 'TARGET_EXISTS', detail: 'the destination already exists' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return target;
}

const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS']);
export const PARTIAL_SUFFIX = '.callaudit-partial';

/**
 * Moves `source` to `target` without ever overwriting: a hard link (atomic, fails with EEXIST,
 * keeps the bytes and mtime) then unlink of the source. Across file systems: copy to a partial
 * file, fsync, verify its SHA-256 against `sha256`, restore the mtime, link it into place, and
 * only then unlink the source. On any failure before the source is unlinked, the source stays.
 */
export async function moveWithoutOverwrite(
  source: string,
  target: string,
  sha256: string,
  beforeUnlinkSource: () => void = () => {},
): Promise<'linked' | 'copied'> {
  let how: 'linked' | 'copied' = 'linked';
  try {
    await link(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!CANNOT_LINK.has(code)) throw error;
    how = 'copied';
    await copyVerified(source, target, sha256);
  }
  fsyncFolder(path.dirname(target));
  beforeUnlinkSource();
  await unlink(source);
  fsyncFolder(path.dirname(source));
  return how;
}

async function copyVerified(source: string, target: string, sha256: string): Promise<void> {
  const partial = `${target}${PARTIAL_SUFFIX}`;
  // A partial file of ours left by an interrupted copy is incomplete by definition.
  await unlink(partial).catch(() => {});
  await copyFile(source, partial, constants.COPYFILE_EXCL);
  try {
    fsyncFile(partial);
    const copied = await sha256OfFile(partial);
    if (copied.sha256 !== sha256) throw new Error('the copy does not match the original (SHA-256)');
    // Keep the mtime (to the microsecond utimes allows): the manifest and a re-audit compare it.
    const original = await lstat(source, { bigint: true });
    await utimes(partial, Number(original.atimeNs) / 1e9, Number(original.mtimeNs) / 1e9);
    fsyncFile(partial);
    try {
      await link(partial, target);
    } catch (error) {
      if (!CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      // No hard links on the target file system: rename, after checking nothing is in the way.
      if (await exists(target)) throw Object.assign(new Error('the destination exists'), { code: 'EEXIST' });
      await rename(partial, target);
    }
  } finally {
    await unlink(partial).catch(() => {});
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
