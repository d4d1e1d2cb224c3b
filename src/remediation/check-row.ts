import type { Hold } from '../policy/holds.js';
import type { ManifestRow } from './manifest.js';
import { isSkip, resolveInsideRoot } from './path-safety.js';
import { heldBy } from './purge-holds.js';
import { identityKey } from './locations.js';
import type { Skip } from './skip-reasons.js';
import { verifyAgainstManifest } from './verify.js';

export interface RowContext {
  /** Device and inode of --root (locations.ts identityKey): rows of other roots are refused. */
  rootKey: string;
  realRoot: string;
  holds: readonly Hold[];
  now: string;
}

export interface CheckedRow {
  absolutePath: string;
  size: number;
  sha256: string | null;
}

/**
 * Every safety rule for one row, in order: the right root (by device and inode), a safe path without symlinks, no
 * active hold, and the file unchanged since the audit. Run once to plan and again just before
 * acting, because the archive is live while an operator reads the plan.
 */
export async function checkRow(
  row: ManifestRow,
  context: RowContext,
  computeHash: boolean,
): Promise<CheckedRow | Skip> {
  if (
    identityKey({ device: row.rootDevice, inode: row.rootInode, realPath: row.rootRealPath }) !==
    context.rootKey
  )
    return { code: 'OTHER_ROOT', detail: `the row's root is ${row.root} (${row.rootRealPath})` };
  const resolved = await resolveInsideRoot(context.realRoot, row.path);
  if (isSkip(resolved)) return resolved;
  const held = heldBy(context.holds, row, context.now);
  if (held) return held;
  const verified = await verifyAgainstManifest(resolved, row, computeHash);
  if (isSkip(verified)) return verified;
  return { absolutePath: resolved, size: verified.size, sha256: verified.sha256 };
}
