import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CallauditError } from '../errors.js';

/**
 * Why a file under a root is not audited, as the report counts it. The walker decides the first
 * four; the scan adds `not-audio` (by extension) and `not-included` (outside the include globs).
 */
export type IgnoreReason =
  'hidden' | 'symbolic-link' | 'special-file' | 'name-not-utf8' | 'not-audio' | 'not-included';

export interface WalkOptions {
  /** Told of every entry that is not yielded, with its path (lossy for a non-UTF-8 name). */
  onSkipped?: (relativePath: string, reason: IgnoreReason) => void;
}

/**
 * Lists every regular file under `root` as a path relative to it with forward slashes, in the
 * order the file system returns them. Every other entry is reported to `onSkipped` with its
 * reason, so nothing under a root goes uncounted: hidden files (and everything in hidden
 * folders), symbolic links (never followed: an audit must not wander outside the archive it was
 * given), FIFOs, sockets and devices, and names that are not UTF-8 (no path string can open
 * them). Names are taken as they are: a newline, a leading dash or glob characters are just
 * characters here.
 */
export async function* walkArchive(root: string, options: WalkOptions = {}): AsyncGenerator<string> {
  await assertDirectory(root);
  const skip = options.onSkipped ?? (() => {});
  const folders: Array<{ relative: string; hidden: boolean }> = [{ relative: '', hidden: false }];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    const absolute = folder.relative === '' ? root : join(root, folder.relative);
    const entries = await listFolder(absolute, root);
    const undecodable = entries.some((entry) => entry.name.includes('\uFFFD'))
      ? await undecodableNames(absolute, root)
      : null;
    for (const entry of entries) {
      const relative = folder.relative + entry.name;
      const sameName = undecodable?.get(entry.name);
      if (sameName !== undefined) {
        // Two byte names can decode to one string: all are counted at its first entry, none again.
        undecodable!.set(entry.name, []);
        for (let n = await countEntries(sameName, absolute); n > 0; n--) skip(relative, 'name-not-utf8');
        continue;
      }
      const hidden = folder.hidden || entry.name.startsWith('.');
      if (entry.isDirectory()) folders.push({ relative: `${relative}/`, hidden });
      else if (entry.isSymbolicLink()) skip(relative, 'symbolic-link');
      else if (!entry.isFile()) skip(relative, 'special-file');
      else if (hidden) skip(relative, 'hidden');
      else yield relative;
    }
  }
}

async function listFolder(absolute: string, root: string): Promise<Dirent[]> {
  try {
    return await readdir(absolute, { withFileTypes: true });
  } catch (error) {
    // Removed while the audit ran: it holds nothing to count.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CallauditError(
      'ARCHIVE_UNREADABLE',
      `Cannot list the archive ${root}: ${error instanceof Error ? error.message : String(error)}`,
      'Give the account that runs callaudit read and execute permission on every folder of the archive; ' +
        'skipping a folder would leave its recordings out of the audit.',
    );
  }
}

/**
 * Names in a folder whose bytes are not UTF-8, as readdir's strings spell them (invalid bytes
 * become U+FFFD, so the string opens nothing), each with every entry whose bytes decode to it.
 * Read again as bytes, once, only for such a folder: a folder of thousands of such names is
 * listed twice, not once per name.
 */
async function undecodableNames(absolute: string, root: string): Promise<Map<string, Dirent<Buffer>[]>> {
  const raw = await readdir(absolute, { encoding: 'buffer', withFileTypes: true }).catch((error: unknown) => {
    throw new CallauditError('ARCHIVE_UNREADABLE', `Cannot list the archive ${root}: ${String(error)}`);
  });
  const byName = new Map<string, Dirent<Buffer>[]>();
  const undecodable = new Set<string>();
  for (const entry of raw) {
    const name = entry.name.toString('utf8');
    if (!Buffer.from(name, 'utf8').equals(entry.name)) undecodable.add(name);
    const same = byName.get(name);
    if (same === undefined) byName.set(name, [entry]);
    else same.push(entry);
  }
  for (const name of byName.keys()) if (!undecodable.has(name)) byName.delete(name);
  return byName;
}

/**
 * The files entries of an undecodable name stand for: each entry, or for a folder everything
 * below it. The entry cannot be opened by its string, so its bytes are used.
 */
async function countEntries(entries: readonly Dirent<Buffer>[], parent: string): Promise<number> {
  let total = 0;
  for (const entry of entries) {
    total += entry.isDirectory()
      ? await countFiles(Buffer.concat([Buffer.from(`${parent}/`), entry.name]))
      : 1;
  }
  return total;
}

async function countFiles(folder: Buffer): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { encoding: 'buffer', withFileTypes: true })) {
    total += entry.isDirectory()
      ? await countFiles(Buffer.concat([folder, Buffer.from('/'), entry.name]))
      : 1;
  }
  return total;
}

async function assertDirectory(root: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(root)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') isDirectory = false;
    else
      throw new CallauditError(
        'ARCHIVE_UNREADABLE',
        `Cannot open the archive ${root}: ${(error as Error).message}`,
        'Check that the account running callaudit may read this folder.',
      );
  }
  if (!isDirectory) {
    throw new CallauditError(
      'ARCHIVE_NOT_FOUND',
      `The archive ${root} does not exist or is not a folder.`,
      'Pass the folder that holds the recordings (for FreePBX usually /var/spool/asterisk/monitor).',
    );
  }
}
