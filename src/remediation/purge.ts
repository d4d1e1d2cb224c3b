import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { CallauditError } from '../errors.js';
import type { Hold } from '../policy/holds.js';
import { checkRow, type RowContext } from './check-row.js';
import { deleteFile, moveWithoutOverwrite, prepareTarget } from './file-actions.js';
import { Journal, journalPathFor, type JournalHeader, type JournalState } from './journal.js';
import { checkResumeMatches, realPathOrResolved, recoverInterrupted, type Mode } from './resume-recovery.js';
import { checkLogLocation, checkQuarantineLocation, realArchiveRoot, realFilePath } from './locations.js';
import { pathSha256, sha256Text, type LogEntry, type UnsealedEntry } from './log-entry.js';
import { DeletionLogWriter } from './log-writer.js';
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
}

/** Where a test can stop the run as a crash would: after each durable step of a row. */
export type FaultPoint =
  'after-intent' | 'before-unlink-source' | 'after-action' | 'after-log' | 'after-done';

export interface PurgeHooks {
  now?: () => Date;
  fault?: (point: FaultPoint, rowIndex: number) => void;
  /** Asked once, before anything is touched; resolving false aborts with nothing done. */
  confirm?: (plan: { files: number; bytes: number; mode: Mode }) => Promise<boolean>;
}

export type { Mode };

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
  const mode: Mode = options.quarantine ? 'quarantine' : 'delete';
  const operator = options.operator?.trim() ?? '';
  if (options.execute && operator === '')
    throw new CallauditError(
      'BAD_FLAG',
      '--execute needs --operator "<name or role>": the deletion log records who acted',
    );
  if (options.resume && !options.execute)
    throw new CallauditError('BAD_FLAG', '--resume finishes an interrupted --execute run; add --execute');

  const realRoot = realArchiveRoot(options.root);
  if (options.quarantine) checkQuarantineLocation(options.quarantine, realRoot);
  const realLog = realFilePath(options.logFile, 'deletion log');
  checkLogLocation(realLog, realRoot, options.quarantine ? path.resolve(options.quarantine) : null);
  const manifest = readManifest(options.manifestFile);
  const startedAt = now();
  const holds: Hold[] = options.holdsFile
    ? loadPurgeHolds(options.holdsFile, options.timezone, startedAt)
    : [];
  const context: RowContext = { givenRoot: options.root, realRoot, holds, now: startedAt };

  const journalFile = journalPathFor(realLog);
  if (options.execute && !options.resume && existsSync(journalFile))
    throw new CallauditError(
      'RUN_INTERRUPTED',
      'an earlier purge with this log did not finish (or is still running): its journal exists',
      'run the same command again with --resume to finish it; nothing was touched now',
      journalFile,
    );
  const resumed = options.resume ? Journal.resume(journalFile) : null;
  if (resumed)
    checkResumeMatches(
      resumed.state.header,
      manifest.instruction.manifestSha256,
      realRoot,
      mode,
      options.quarantine ? realPathOrResolved(options.quarantine) : null,
    );

  // Plan: every rule checked for every row before anything is touched.
  const planned: RowResult[] = [];
  for (const [index, row] of manifest.rows.entries()) {
    if (resumed && (resumed.state.done.has(index) || resumed.state.intents.has(index))) {
      planned.push({ kind: 'planned', row, size: row.size });
      continue;
    }
    const checked = await checkRow(row, context, false);
    if (isSkip(checked)) planned.push({ kind: 'skipped', row, skip: checked });
    else if (mode === 'quarantine' && (await quarantineTargetTaken(options.quarantine!, row.path)))
      planned.push({
        kind: 'skipped',
        row,
        skip: { code: 'TARGET_EXISTS', detail: 'already in the quarantine' },
      });
    else planned.push({ kind: 'planned', row, size: checked.size });
  }
  const report: PurgeReport = {
    mode,
    executed: false,
    aborted: false,
    manifest: options.manifestFile,
    instruction: manifest.instruction,
    results: planned,
    log: null,
    warnings:
      !options.execute && existsSync(journalFile)
        ? [`an earlier --execute run with this log was interrupted (${journalFile}): finish it with --resume`]
        : [],
  };
  if (!options.execute) {
    resumed?.journal.close();
    return report;
  }

  // Rows an interrupted run already finished are not asked about again.
  const toAct = planned.filter((r, index) => r.kind === 'planned' && !resumed?.state.done.has(index));
  if (hooks.confirm) {
    const bytes = toAct.reduce((sum, r) => sum + (r.kind === 'planned' ? r.size : 0), 0);
    if (!(await hooks.confirm({ files: toAct.length, bytes, mode }))) {
      resumed?.journal.close();
      return { ...report, aborted: true };
    }
  }

  let realQuarantine: string | null = null;
  if (options.quarantine) {
    mkdirSync(options.quarantine, { recursive: true });
    realQuarantine = realpathSync(options.quarantine);
    checkQuarantineLocation(realQuarantine, realRoot);
  }
  const log = DeletionLogWriter.open(realLog);
  const header: JournalHeader = resumed?.state.header ?? {
    journal: 1,
    session: randomUUID(),
    manifest_sha256: manifest.instruction.manifestSha256,
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
      run_id: manifest.instruction.runId,
      manifest_sha256: manifest.instruction.manifestSha256,
      policy_id: manifest.instruction.policyId,
      policy_version: manifest.instruction.policyVersion,
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
      let target: string | null = null;
      if (realQuarantine) {
        const prepared = await prepareTarget(realQuarantine, safeSegments(row.path) as string[]).catch(
          (error: NodeJS.ErrnoException): Skip => ({
            code: 'ACTION_FAILED',
            detail: `cannot create the quarantine folder (${error.code ?? error.message})`,
          }),
        );
        if (isSkip(prepared)) {
          results.push(logSkip(index, row, prepared, checked.size));
          continue;
        }
        target = prepared;
      }
      const sha256 = checked.sha256!;
      journal.intent({ row: index, size: checked.size, sha256 });
      fault('after-intent', index);
      try {
        if (target)
          await moveWithoutOverwrite(checked.absolutePath, target, sha256, () =>
            fault('before-unlink-source', index),
          );
        else await deleteFile(checked.absolutePath);
      } catch (error) {
        if (isInjectedFault(error)) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        // An error after the unlink (e.g. from the folder fsync) must not log a deleted file as kept.
        const after = await resolveInsideRoot(realRoot, row.path);
        if (isSkip(after) && after.code === 'MISSING') {
          results.push(logActed(index, row, checked.size, sha256, false));
          continue;
        }
        results.push(
          logSkip(
            index,
            row,
            {
              code: code === 'EEXIST' ? 'TARGET_EXISTS' : 'ACTION_FAILED',
              detail: `${code ?? (error as Error).message}`,
            },
            checked.size,
          ),
        );
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

/** Faults thrown by tests must propagate like a crash, not be logged as a failed action. */
export class InjectedFault extends Error {}
const isInjectedFault = (error: unknown) => error instanceof InjectedFault;

async function quarantineTargetTaken(quarantine: string, relativePath: string): Promise<boolean> {
  const segments = safeSegments(relativePath) as string[];
  const target = path.join(path.resolve(quarantine), ...segments);
  try {
    await lstat(target);
    return true;
  } catch {
    return false;
  }
}
