import { randomUUID } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import fg from 'fast-glob';
import { sha256OfFile } from '../archive/sha256-file.js';
import { CallauditError } from '../errors.js';
import { moveWithoutOverwrite, PARTIAL_SUFFIX, prepareTarget } from './file-actions.js';
import { checkLogLocation, checkQuarantineLocation, realArchiveRoot, realFilePath } from './locations.js';
import { pathSha256, sha256Text, type LogEntry } from './log-entry.js';
import { DeletionLogWriter } from './log-writer.js';
import { readLogText, verifyLogText } from './log-verify.js';
import { isSkip, resolveInsideRoot, safeSegments } from './path-safety.js';
import type { Skip } from './skip-reasons.js';

export interface RestoreOptions {
  quarantine: string;
  root: string;
  execute: boolean;
  operator: string | null;
  logFile: string;
}

export type RestoreResult =
  | { kind: 'planned' | 'restored'; path: string; size: number; entry: LogEntry }
  | { kind: 'skipped'; path: string; skip: Skip };

export interface RestoreReport {
  executed: boolean;
  results: RestoreResult[];
  log: { file: string; head: string; lines: number } | null;
}

/**
 * Puts quarantined files back where they came from. Only files the deletion log says were
 * quarantined (and not restored since) are touched, only when their bytes still match the
 * logged SHA-256, and never over an existing file. The log is the quarantine's index: it holds
 * no paths, so each quarantined file is recognised by the SHA-256 of its relative path.
 */
export async function restore(
  options: RestoreOptions,
  hooks: { now?: () => Date; confirm?: (plan: { files: number; bytes: number }) => Promise<boolean> } = {},
): Promise<RestoreReport> {
  const now = () => (hooks.now ?? (() => new Date()))().toISOString();
  const operator = options.operator?.trim() ?? '';
  if (options.execute && operator === '')
    throw new CallauditError(
      'BAD_FLAG',
      '--execute needs --operator "<name or role>": the log records who acted',
    );
  const realRoot = realArchiveRoot(options.root);
  let realQuarantine: string;
  try {
    realQuarantine = realpathSync(options.quarantine);
    if (!statSync(realQuarantine).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new CallauditError('BAD_FLAG', `the quarantine folder ${options.quarantine} does not exist`);
  }
  checkQuarantineLocation(realQuarantine, realRoot);
  const realLog = realFilePath(options.logFile, 'deletion log');
  checkLogLocation(realLog, realRoot, realQuarantine);

  const check = verifyLogText(readLogText(realLog) ?? '');
  if (!check.ok)
    throw new CallauditError(
      'LOG_BROKEN',
      `the deletion log does not verify at line ${check.broken!.line}: ${check.broken!.problem}`,
      'restore trusts only a log that verifies',
      options.logFile,
    );
  // Only what left this root: the same relative path may have been quarantined from another archive.
  const rootSha256 = sha256Text(realRoot);
  const inQuarantine = new Map<string, LogEntry>();
  for (const entry of check.entries) {
    if (entry.root_sha256 !== rootSha256) continue;
    if (entry.action === 'quarantined') inQuarantine.set(entry.path_sha256, entry);
    if (entry.action === 'restored') inQuarantine.delete(entry.path_sha256);
  }

  const files = (
    await fg('**/*', { cwd: realQuarantine, onlyFiles: true, dot: true, followSymbolicLinks: false })
  )
    .filter((file) => !file.endsWith(PARTIAL_SUFFIX))
    .sort();
  const results: RestoreResult[] = [];
  for (const file of files) {
    const planned = await planOne(file, inQuarantine, realQuarantine, realRoot, true);
    results.push(planned);
  }
  if (!options.execute) return { executed: false, results, log: null };
  const toRestore = results.filter((r) => r.kind === 'planned');
  const bytes = toRestore.reduce((sum, r) => sum + (r.kind === 'planned' ? r.size : 0), 0);
  if (hooks.confirm && !(await hooks.confirm({ files: toRestore.length, bytes })))
    return { executed: false, results, log: null };

  const log = DeletionLogWriter.open(realLog);
  const session = randomUUID();
  const done: RestoreResult[] = [];
  try {
    for (const planned of results) {
      if (planned.kind !== 'planned') {
        done.push(planned);
        continue;
      }
      // Re-check just before acting, and create the target's folders now.
      const again = await planOne(planned.path, inQuarantine, realQuarantine, realRoot, false);
      if (again.kind === 'skipped') {
        done.push(again);
        continue;
      }
      const source = await resolveInsideRoot(realQuarantine, planned.path);
      const target = await prepareTarget(realRoot, safeSegments(planned.path) as string[]);
      if (isSkip(source) || isSkip(target)) {
        done.push({ kind: 'skipped', path: planned.path, skip: isSkip(source) ? source : (target as Skip) });
        continue;
      }
      const entry = again.entry;
      try {
        await moveWithoutOverwrite(source, target, entry.sha256!);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        done.push({
          kind: 'skipped',
          path: planned.path,
          skip: {
            code: code === 'EEXIST' ? 'TARGET_EXISTS' : 'ACTION_FAILED',
            detail: code ?? String(error),
          },
        });
        continue;
      }
      log.append({
        at: now(),
        session,
        action: 'restored',
        skip: null,
        operator,
        mode: 'restore',
        instruction: entry.instruction,
        manifest_line: null,
        call_id: entry.call_id,
        reason: entry.reason,
        size: entry.size,
        sha256: entry.sha256,
        path_sha256: entry.path_sha256,
        root_sha256: entry.root_sha256,
        note: null,
      });
      done.push({ ...again, kind: 'restored' });
    }
  } finally {
    log.close();
  }
  return {
    executed: true,
    results: done,
    log: { file: options.logFile, head: log.headHash, lines: log.lineCount },
  };
}

async function planOne(
  file: string,
  inQuarantine: Map<string, LogEntry>,
  realQuarantine: string,
  realRoot: string,
  dryRun: boolean,
): Promise<RestoreResult> {
  const skipped = (skip: Skip): RestoreResult => ({ kind: 'skipped', path: file, skip });
  const entry = inQuarantine.get(pathSha256(file));
  if (!entry || entry.sha256 === null)
    return skipped({
      code: 'NOT_QUARANTINED_HERE',
      detail: 'the log has no line quarantining this file from this archive root',
    });
  const source = await resolveInsideRoot(realQuarantine, file);
  if (isSkip(source)) return skipped(source);
  const digest = await sha256OfFile(source);
  if (digest.sha256 !== entry.sha256 || digest.size !== entry.size)
    return skipped({
      code: 'CHANGED',
      detail: 'the file changed in quarantine (SHA-256 differs from the log)',
    });
  const segments = safeSegments(file);
  if (!Array.isArray(segments)) return skipped(segments);
  const target = await prepareTarget(realRoot, segments, !dryRun);
  if (isSkip(target)) return skipped(target);
  return { kind: 'planned', path: file, size: digest.size, entry };
}
