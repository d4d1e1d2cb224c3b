import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { CallauditError } from '../errors.js';
import type { Hold } from '../policy/holds.js';
import { loadAuditDecision } from './audit-report.js';
import { checkRow, type RowContext } from './check-row.js';
import {
  deleteFile,
  foreignPartials,
  moveWithoutOverwrite,
  MoveFailed,
  nodeFs,
  prepareTarget,
  removeFolders,
  type FsOps,
  type PreparedTarget,
} from './file-actions.js';
import { Journal, journalPathFor, type JournalHeader, type JournalState } from './journal.js';
import { checkResumeMatches, recoverInterrupted, type Mode } from './resume-recovery.js';
import {
  checkLogLocation,
  checkQuarantineLocation,
  identityKey,
  realArchiveRoot,
  realFileLocation,
  realQuarantineLocation,
} from './locations.js';
import { pathSha256, sha256Text, type LogEntry, type UnsealedEntry } from './log-entry.js';
import { checkLogVerifies, DeletionLogWriter } from './log-writer.js';
import { bindManifest } from './manifest-binding.js';
import { readManifest, type Instruction, type ManifestRow } from './manifest.js';
import { isSkip, resolveInsideRoot, safeSegments } from './path-safety.js';
import { loadPurgeHolds } from './purge-holds.js';
import type { Skip } from './skip-reasons.js';

export interface PurgeOptions {
  manifestFile: string;
  root: string;
  execute: boolean;
  operator: string | null;
  /** Move into this folder instead of deleting. */
  quarantine: string | null;
  holdsFile: string | null;
  /** Zone for hold dates without an offset. */
  timezone: string;
  logFile: string;
  resume: boolean;
  /** The audit's report.json; null: `report.json` next to the manifest. */
  reportFile?: string | null;
  /** Accept rows without a SHA-256 (audited with --no-hash): size and mtime are then the only proof. */
  allowUnhashed?: boolean;
}

/** Where a test can stop the run as a crash would: after each durable step of a row. */
export type FaultPoint =
  'after-intent' | 'before-unlink-source' | 'after-action' | 'after-log' | 'after-done';

/** What an --execute run is about to do, for the person asked to confirm it. */
export interface PurgePlan {
  files: number;
  bytes: number;
  mode: Mode;
  /** The rows to act on, in manifest order. */
  rows: Array<{ path: string; reason: string; size: number }>;
}

export interface PurgeHooks {
  now?: () => Date;
  fault?: (point: FaultPoint, rowIndex: number) => void;
  /** Asked once, before anything is touched; resolving false aborts with nothing done. */
  confirm?: (plan: PurgePlan) => Promise<boolean>;
  /** The file-system calls that act (tests make them fail). */
  fs?: FsOps;
}

export type RowResult =
  | { kind: 'planned'; row: ManifestRow; size: number }
  | { kind: 'acted'; row: ManifestRow; size: number; sha256: string; recovered: boolean }
  | { kind: 'skipped'; row: ManifestRow; skip: Skip }
  /** Handled by the interrupted run this one resumed. */
  | { kind: 'earlier'; row: ManifestRow; entry: LogEntry };

export interface PurgeReport {
  mode: Mode;
  executed: boolean;
  aborted: boolean;
  manifest: string;
  /** The report.json the manifest was proved against. */
  report: string;
  instruction: Instruction;
  results: RowResult[];
  log: { file: string; head: string; lines: number } | null;
  /** Things the operator should know that are not about one row. */
  warnings: string[];
}

const RECOVERED = 'completed after an interrupted run';

export async function purge(options: PurgeOptions, hooks: PurgeHooks = {}): Promise<PurgeReport> {
  const now = () => (hooks.now ?? (() => new Date()))().toISOString();
  const fault = hooks.fault ?? (() => {});
  const fs = hooks.fs ?? nodeFs;
  const mode: Mode = options.quarantine ? 'quarantine' : 'delete';
  const operator = options.operator?.trim() ?? '';
  if (options.execute && operator === '')
    throw new CallauditError(
      'BAD_FLAG',
      '--execute needs --operator "<name or role>": the deletion log records who acted',
    );
  if (options.resume && !options.execute)
    throw new CallauditError('BAD_FLAG', '--resume finishes an interrupted --execute run; add --execute');

  // Everything below up to the confirmation only reads: a refusal (exit 2) leaves no trace.
  const root = realArchiveRoot(options.root);
  const realRoot = root.realPath;
  const manifest = readManifest(options.manifestFile);
  const decision = loadAuditDecision(
    options.reportFile ?? path.join(path.dirname(options.manifestFile), 'report.json'),
  );
  const instruction = bindManifest(manifest, decision);
  if (!decision.roots.some((r) => identityKey(r) === identityKey(root)))
    throw new CallauditError(
      'OTHER_ROOT',
      `--root ${options.root} (${realRoot}) is not an archive root of the audit ${decision.runId}; nothing was touched`,
      `its roots: ${decision.roots.map((r) => r.realPath).join(', ')}`,
    );
  const unhashed = manifest.rows.filter((r) => r.sha256 === null);
  if (unhashed.length > 0 && !options.allowUnhashed)
    throw new CallauditError(
      'MANIFEST_UNHASHED',
      `${unhashed.length} row(s) have no SHA-256 (audited with --no-hash): a file rewritten with the same size and modification time would be deleted; nothing was touched`,
      'audit again (hashing is the default), or accept size and mtime as proof with --allow-unhashed',
      options.manifestFile,
      unhashed[0]!.line,
    );
  const realRoots = [...new Set([realRoot, ...decision.roots.map((r) => r.realPath)])];
  const realQuarantine = options.quarantine ? realQuarantineLocation(options.quarantine) : null;
  if (realQuarantine) checkQuarantineLocation(realQuarantine, realRoots);
  const realLog = realFileLocation(options.logFile, 'deletion log');
  checkLogLocation(realLog, realRoots, realQuarantine);
  checkLogVerifies(realLog, options.logFile);
  const startedAt = now();
  const holds: Hold[] = options.holdsFile
    ? loadPurgeHolds(options.holdsFile, options.timezone, startedAt)
    : [];
  const context: RowContext = { rootKey: identityKey(root), realRoot, holds, now: startedAt };

  const journalFile = journalPathFor(realLog);
  if (options.execute && !options.resume && existsSync(journalFile))
    throw new CallauditError(
      'RUN_INTERRUPTED',
      'an earlier purge with this log did not finish (or is still running): its journal exists',
      'run the same command again with --resume to finish it; nothing was touched now',
      journalFile,
    );
  const resumed = options.resume ? Journal.resume(journalFile) : null;
  if (resumed) checkResumeMatches(resumed.state.header, manifest.sha256, realRoot, mode, realQuarantine);
  const warnings: string[] =
    !options.execute && existsSync(journalFile)
      ? [`an earlier --execute run with this log was interrupted (${journalFile}): finish it with --resume`]
      : [];

  // Plan: every rule checked for every row before anything is touched.
  const planned: RowResult[] = [];
  for (const [index, row] of manifest.rows.entries()) {
    if (resumed && (resumed.state.done.has(index) || resumed.state.intents.has(index))) {
      planned.push({ kind: 'planned', row, size: row.size });
      continue;
    }
    const checked = await checkRow(row, context, false);
    if (isSkip(checked)) {
      planned.push({ kind: 'skipped', row, skip: checked });
      continue;
    }
    if (realQuarantine) {
      // The same checks the real run makes when it creates the folders, without creating them.
      const target = await prepareTarget(realQuarantine, safeSegments(row.path) as string[], false);
      if (isSkip(target)) {
        planned.push({ kind: 'skipped', row, skip: target });
        continue;
      }
      for (const partial of await foreignPartials(target.target, resumed?.state.header.session ?? null))
        warnings.push(`left alone: ${partial} (a partial file of another run)`);
    }
    planned.push({ kind: 'planned', row, size: checked.size });
  }
  const report: PurgeReport = {
    mode,
    executed: false,
    aborted: false,
    manifest: options.manifestFile,
    report: decision.file,
    instruction,
    results: planned,
    log: null,
    warnings,
  };
  if (!options.execute) {
    resumed?.journal.close();
    return report;
  }

  // Rows an interrupted run already finished are not asked about again.
  const toAct = planned.filter((r, index) => r.kind === 'planned' && !resumed?.state.done.has(index));
  if (hooks.confirm) {
    const bytes = toAct.reduce((sum, r) => sum + (r.kind === 'planned' ? r.size : 0), 0);
    const rows = toAct.map((r) => ({ path: r.row.path, reason: r.row.reason, size: r.row.size }));
    if (!(await hooks.confirm({ files: toAct.length, bytes, mode, rows }))) {
      resumed?.journal.close();
      return { ...report, aborted: true };
    }
  }

  if (realQuarantine) {
    mkdirSync(realQuarantine, { recursive: true });
    // Checked again now that it exists: nothing may have been swapped in on the way.
    checkQuarantineLocation(realpathSync(realQuarantine), realRoots);
  }
  const log = DeletionLogWriter.open(realLog);
  const header: JournalHeader = resumed?.state.header ?? {
    journal: 1,
    session: randomUUID(),
    manifest_sha256: manifest.sha256,
    root: realRoot,
    mode,
    quarantine: realQuarantine,
    operator,
    started: startedAt,
  };
  let journal: Journal;
  try {
    journal = resumed?.journal ?? Journal.create(journalFile, header);
  } catch (error) {
    log.close();
    throw error;
  }
  const state: JournalState = resumed?.state ?? { header, intents: new Map(), done: new Set() };
  // Keyed by manifest line: the same relative path may appear under two roots.
  const loggedThisSession = new Map<number, LogEntry>();
  for (const entry of log.existing)
    if (entry.session === header.session && entry.manifest_line !== null)
      loggedThisSession.set(entry.manifest_line, entry);

  const entryFor = (
    row: ManifestRow,
  ): Omit<UnsealedEntry, 'action' | 'skip' | 'size' | 'sha256' | 'note'> => ({
    at: now(),
    session: header.session,
    operator,
    mode,
    instruction: {
      run_id: instruction.runId,
      manifest_sha256: instruction.manifestSha256,
      policy_id: instruction.policyId,
      policy_version: instruction.policyVersion,
    },
    manifest_line: row.line,
    call_id: row.callId,
    reason: row.reason,
    path_sha256: pathSha256(row.path),
    root_sha256: sha256Text(realRoot),
  });
  const logSkip = (index: number, row: ManifestRow, skip: Skip, size: number | null = null): RowResult => {
    log.append({ ...entryFor(row), action: 'skipped', skip, size, sha256: null, note: null });
    fault('after-log', index);
    journal.done(index);
    fault('after-done', index);
    return { kind: 'skipped', row, skip };
  };
  const logActed = (
    index: number,
    row: ManifestRow,
    size: number,
    sha256: string,
    recovered: boolean,
  ): RowResult => {
    log.append({
      ...entryFor(row),
      action: mode === 'delete' ? 'deleted' : 'quarantined',
      skip: null,
      size,
      sha256,
      note: recovered ? RECOVERED : null,
    });
    fault('after-log', index);
    journal.done(index);
    fault('after-done', index);
    return { kind: 'acted', row, size, sha256, recovered };
  };

  const results: RowResult[] = [];
  try {
    for (const [index, row] of manifest.rows.entries()) {
      const earlier = loggedThisSession.get(row.line);
      if (state.done.has(index) || earlier) {
        if (!state.done.has(index)) journal.done(index);
        results.push(
          earlier
            ? { kind: 'earlier', row, entry: earlier }
            : {
                kind: 'skipped',
                row,
                skip: { code: 'MISSING', detail: 'the journal says done but the log has no line' },
              },
        );
        continue;
      }
      const intent = state.intents.get(index);
      if (intent) {
        const recovered = await recoverInterrupted(row, intent.sha256, realRoot, realQuarantine, mode);
        if (recovered === 'acted') {
          results.push(logActed(index, row, intent.size, intent.sha256, true));
          continue;
        }
        if (recovered === 'vanished') {
          results.push(
            logSkip(index, row, { code: 'MISSING', detail: 'the file vanished during an interrupted run' }),
          );
          continue;
        }
      }
      // Rule 1: re-verify just before acting, with the full SHA-256 this time.
      const checked = await checkRow(row, context, true);
      if (isSkip(checked)) {
        results.push(logSkip(index, row, checked));
        continue;
      }
      let prepared: PreparedTarget | null = null;
      if (realQuarantine) {
        const made = await prepareTarget(realQuarantine, safeSegments(row.path) as string[], true, fs).catch(
          (error: NodeJS.ErrnoException): Skip => ({
            code: 'ACTION_FAILED',
            detail: `cannot create the quarantine folder (${error.code ?? error.message})`,
          }),
        );
        if (isSkip(made)) {
          results.push(logSkip(index, row, made, checked.size));
          continue;
        }
        prepared = made;
      }
      const sha256 = checked.sha256!;
      journal.intent({ row: index, size: checked.size, sha256 });
      fault('after-intent', index);
      try {
        if (prepared)
          await moveWithoutOverwrite(checked.absolutePath, prepared.target, sha256, {
            session: header.session,
            fs,
            beforeUnlinkSource: () => fault('before-unlink-source', index),
          });
        else await deleteFile(checked.absolutePath, fs);
      } catch (error) {
        if (isInjectedFault(error)) throw error;
        // An error after the unlink (e.g. from the folder fsync) must not log a deleted file as kept.
        const after = await resolveInsideRoot(realRoot, row.path);
        if (!(error instanceof MoveFailed) && isSkip(after) && after.code === 'MISSING') {
          results.push(logActed(index, row, checked.size, sha256, false));
          continue;
        }
        results.push(logSkip(index, row, await undoneSkip(error, prepared, fs), checked.size));
        continue;
      }
      fault('after-action', index);
      results.push(logActed(index, row, checked.size, sha256, false));
    }
  } catch (error) {
    journal.close();
    log.close();
    throw error;
  }
  journal.finish();
  log.close();
  return {
    ...report,
    executed: true,
    results,
    log: { file: options.logFile, head: log.headHash, lines: log.lineCount },
  };
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

/** Faults thrown by tests must propagate like a crash, not be logged as a failed action. */
export class InjectedFault extends Error {}
const isInjectedFault = (error: unknown) => error instanceof InjectedFault;
