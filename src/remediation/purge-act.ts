import { checkRow } from './check-row.js';
import {
  deleteFile,
  moveWithoutOverwrite,
  MoveFailed,
  prepareTarget,
  removeFolders,
  type FsOps,
  type PreparedTarget,
} from './file-actions.js';
import type { ManifestRow } from './manifest.js';
import { isSkip, resolveInsideRoot, safeSegments } from './path-safety.js';
import type { PurgeInputs } from './purge-inputs.js';
import { actOnS3Row, isS3Row } from './purge-s3-row.js';
import type { PurgeSession } from './purge-session.js';
import { InjectedFault, type FaultPoint, type RowResult } from './purge-types.js';
import { recoverInterrupted } from './resume-recovery.js';
import type { Skip } from './skip-reasons.js';

/** What acting on a row needs besides the row. */
export interface ActContext {
  inputs: PurgeInputs;
  session: PurgeSession;
  fs: FsOps;
  fault: (point: FaultPoint, rowIndex: number) => void;
}

/**
 * Acts on every row in manifest order, each logged as acted or skipped. An error that is not a
 * row's own (a crash, an injected fault) stops the run with the journal kept for --resume.
 */
export async function actOnRows(ctx: ActContext): Promise<RowResult[]> {
  const results: RowResult[] = [];
  try {
    for (const [index, row] of ctx.inputs.manifest.rows.entries())
      results.push(await actOnRow(ctx, index, row));
  } catch (error) {
    ctx.session.abandon();
    throw error;
  }
  return results;
}

async function actOnRow(ctx: ActContext, index: number, row: ManifestRow): Promise<RowResult> {
  const { session, fs, fault } = ctx;
  const { realRoot, realQuarantine, mode, context } = ctx.inputs;
  const { state, journal } = session;
  const earlier = session.loggedThisSession.get(row.line);
  if (state.done.has(index) || earlier) {
    if (!state.done.has(index)) journal.done(index);
    return earlier
      ? { kind: 'earlier', row, entry: earlier }
      : {
          kind: 'skipped',
          row,
          skip: { code: 'MISSING', detail: 'the journal says done but the log has no line' },
        };
  }
  if (isS3Row(row)) return actOnS3Row(index, row, ctx.inputs, session);
  const intent = state.intents.get(index);
  if (intent) {
    const recovered = await recoverInterrupted(row, intent.sha256, realRoot, realQuarantine, mode);
    if (recovered === 'acted') return session.acted(index, row, intent.size, intent.sha256, true);
    if (recovered === 'vanished')
      return session.skipped(index, row, {
        code: 'MISSING',
        detail: 'the file vanished during an interrupted run',
      });
  }
  // Rule 1: re-verify just before acting, with the full SHA-256 this time.
  const checked = await checkRow(row, context, true);
  if (isSkip(checked)) return session.skipped(index, row, checked);
  let prepared: PreparedTarget | null = null;
  if (realQuarantine) {
    const made = await prepareTarget(realQuarantine, safeSegments(row.path) as string[], true, fs).catch(
      (error: NodeJS.ErrnoException): Skip => ({
        code: 'ACTION_FAILED',
        detail: `cannot create the quarantine folder (${error.code ?? error.message})`,
      }),
    );
    if (isSkip(made)) return session.skipped(index, row, made, checked.size);
    prepared = made;
  }
  const sha256 = checked.sha256!;
  journal.intent({ row: index, size: checked.size, sha256 });
  fault('after-intent', index);
  try {
    if (prepared)
      await moveWithoutOverwrite(checked.absolutePath, prepared.target, sha256, {
        session: session.header.session,
        fs,
        beforeUnlinkSource: () => fault('before-unlink-source', index),
      });
    else await deleteFile(checked.absolutePath, fs);
  } catch (error) {
    if (error instanceof InjectedFault) throw error;
    // An error after the unlink (e.g. from the folder fsync) must not log a deleted file as kept.
    const after = await resolveInsideRoot(realRoot, row.path);
    if (!(error instanceof MoveFailed) && isSkip(after) && after.code === 'MISSING')
      return session.acted(index, row, checked.size, sha256, false);
    return session.skipped(index, row, await undoneSkip(error, prepared, fs), checked.size);
  }
  fault('after-action', index);
  return session.acted(index, row, checked.size, sha256, false);
}

/** A failed action, after removing the folders made for it: what is left, if anything. */
async function undoneSkip(error: unknown, prepared: PreparedTarget | null, fs: FsOps): Promise<Skip> {
  const code =
    error instanceof MoveFailed
      ? error.code
      : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  const left = [
    ...(error instanceof MoveFailed && error.leftBehind ? [error.leftBehind] : []),
    ...(prepared ? await removeFolders(prepared.createdFolders, fs) : []),
  ];
  return {
    code: code === 'EEXIST' ? 'TARGET_EXISTS' : 'ACTION_FAILED',
    detail:
      left.length === 0
        ? `${code}; the file is as it was and nothing was left behind`
        : `${code}; the file is as it was, but could not remove ${left.join(', ')}: remove by hand`,
  };
}
