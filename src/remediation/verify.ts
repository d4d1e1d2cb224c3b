import { lstat } from 'node:fs/promises';
import { sha256OfFile } from '../archive/sha256-file.js';
import type { ManifestRow } from './manifest.js';
import type { Skip } from './skip-reasons.js';

export interface VerifiedFile {
  size: number;
  /** Null when not computed (dry run of a manifest without hashes). */
  sha256: string | null;
}

/**
 * Safety rule 1: the file on disk is still the one the audit judged. Size and mtime must match
 * the manifest; the SHA-256 must match when the manifest has one. `computeHash` also hashes a
 * file whose manifest row has no hash, so the deletion log can record what was destroyed.
 */
export async function verifyAgainstManifest(
  absolutePath: string,
  row: ManifestRow,
  computeHash: boolean,
): Promise<VerifiedFile | Skip> {
  let stats;
  try {
    stats = await lstat(absolutePath);
  } catch {
    return { code: 'MISSING', detail: 'the file no longer exists' };
  }
  // Deleting one name of a multiply linked file leaves the recording on disk under the others.
  if (stats.nlink > 1)
    return { code: 'HARD_LINKED', detail: `${stats.nlink} names point to this file; find the others first` };
  if (stats.size !== row.size)
    return { code: 'CHANGED', detail: `size is ${stats.size} bytes, the audit saw ${row.size}` };
  if (stats.mtime.toISOString() !== row.mtime)
    return { code: 'CHANGED', detail: `modified ${stats.mtime.toISOString()}, the audit saw ${row.mtime}` };
  if (row.sha256 === null && !computeHash) return { size: stats.size, sha256: null };
  let digest;
  try {
    digest = await sha256OfFile(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { code: 'SYMLINK', detail: 'the file became a symbolic link' };
    return { code: 'ACTION_FAILED', detail: `cannot read the file (${code ?? (error as Error).message})` };
  }
  if (digest.size !== row.size || digest.mtime !== row.mtime)
    return { code: 'CHANGED', detail: 'the file changed while it was being read' };
  if (row.sha256 !== null && digest.sha256 !== row.sha256)
    return { code: 'CHANGED', detail: 'the SHA-256 differs from the audit' };
  return { size: digest.size, sha256: digest.sha256 };
}
