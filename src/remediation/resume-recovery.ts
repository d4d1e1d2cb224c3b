import { sha256OfFile } from '../archive/sha256-file.js';
import { CallauditError } from '../errors.js';
import { deleteFile } from './file-actions.js';
import type { JournalHeader } from './journal.js';
import type { ManifestRow } from './manifest.js';
import { isSkip, resolveInsideRoot } from './path-safety.js';

export type Mode = 'delete' | 'quarantine';

/**
 * A row whose intent is journaled but not done: the action may or may not have happened.
 * - the source is gone and (quarantine) the target holds the intended bytes: it happened;
 * - the source is there, unchanged, and (quarantine) the target holds the same bytes: finish the move;
 * - the source is there otherwise: it did not happen; act normally;
 * - the source is gone and the target is not right: the file vanished; log it as such.
 */
export async function recoverInterrupted(
  row: ManifestRow,
  sha256: string,
  realRoot: string,
  realQuarantine: string | null,
  mode: Mode,
): Promise<'acted' | 'vanished' | 'redo'> {
  const source = await resolveInsideRoot(realRoot, row.path);
  const sourceGone = isSkip(source) && source.code === 'MISSING';
  if (isSkip(source) && !sourceGone) return 'redo';
  if (mode === 'delete') return sourceGone ? 'acted' : 'redo';
  const target = await resolveInsideRoot(realQuarantine!, row.path);
  const targetRight = !isSkip(target) && (await sha256OfFile(target)).sha256 === sha256;
  if (sourceGone) return targetRight ? 'acted' : 'vanished';
  const sourceUnchanged = !isSkip(source) && (await sha256OfFile(source)).sha256 === sha256;
  if (targetRight && sourceUnchanged) {
    await deleteFile(source as string);
    return 'acted';
  }
  return 'redo';
}

export function checkResumeMatches(
  header: JournalHeader,
  manifestSha256: string,
  realRoot: string,
  mode: Mode,
  quarantine: string | null,
): void {
  const mismatch =
    header.manifest_sha256 !== manifestSha256
      ? 'another manifest'
      : header.root !== realRoot
        ? `another root (${header.root})`
        : header.mode !== mode
          ? `another mode (${header.mode})`
          : header.quarantine !== quarantine
            ? `another quarantine folder (${header.quarantine})`
            : null;
  if (mismatch)
    throw new CallauditError(
      'RESUME_MISMATCH',
      `the interrupted run used ${mismatch}; --resume must repeat the same manifest, --root and --quarantine`,
      'run the original command again with --resume',
    );
}
