import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import fg from 'fast-glob';
import type { S3Settings } from '../archive/s3/client.js';
import { isS3Root } from '../archive/s3/location.js';
import { sha256OfFile } from '../archive/sha256-file.js';
import { CallauditError } from '../errors.js';
import {
  foreignPartials,
  isPartialName,
  moveWithoutOverwrite,
  MoveFailed,
  nodeFs,
  prepareTarget,
  removeFolders,
  type FsOps,
} from './file-actions.js';
import {
  checkLogLocation,
  checkQuarantineLocation,
  realArchiveRoot,
  realExistingFolder,
  realFileLocation,
} from './locations.js';
import { pathSha256, sha256Text, type LogEntry } from './log-entry.js';
import { DeletionLogWriter } from './log-writer.js';
import { restoreLine, verifiedLogEntries } from './restore-log.js';
import { restoreS3 } from './s3-restore.js';
import { isSkip, resolveInsideRoot, safeSegments } from './path-safety.js';
import type { Skip } from './skip-reasons.js';

export interface RestoreOptions {
  quarantine: string;
  root: string;
  execute: boolean;
  operator: string | null;
  logFile: string;
  /** How to reach the bucket of an s3:// root. */
  s3?: S3Settings;
}

export type RestoreResult =
  | { kind: 'planned' | 'restored'; path: string; size: number; entry: LogEntry }
  | { kind: 'skipped'; path: string; skip: Skip; entry?: LogEntry };

export interface RestoreReport {
  executed: boolean;
  results: RestoreResult[];
  /** Quarantined from this root by the log, not restored since, and no longer in the quarantine. */
  missing: LogEntry[];
  /** Things not about one file: partial files of other runs, left alone. */
  warnings: string[];
  log: { file: string; head: string; lines: number } | null;
}

export interface RestoreHooks {
  now?: () => Date;
  confirm?: (plan: { files: number; bytes: number }) => Promise<boolean>;
  /** The file-system calls that act (tests make them fail). */
  fs?: FsOps;
  /** The client of an s3:// root instead of one made from RestoreOptions.s3. */
  s3Client?: S3Client;
}

/**
 * Puts quarantined files back where they came from. Only files the deletion log says were
 * quarantined (and not restored since) are touched, only when their bytes still match the
 * logged SHA-256, and never over an existing file. The log is the quarantine's index: it holds
 * no paths, so each quarantined file is recognised by the SHA-256 of its relative path.
 */
export async function restore(options: RestoreOptions, hooks: RestoreHooks = {}): Promise<RestoreReport> {
  const now = () => (hooks.now ?? (() => new Date()))().toISOString();
  const fs = hooks.fs ?? nodeFs;
  const operator = options.operator?.trim() ?? '';
  if (options.execute && operator === '')
    throw new CallauditError(
      'BAD_FLAG',
      '--execute needs --operator "<name or role>": the log records who acted',
    );
  if (isS3Root(options.root)) return restoreS3(options, operator, hooks);
  const realRoot = realArchiveRoot(options.root).realPath;
  const realQuarantine = realExistingFolder(options.quarantine, 'quarantine folder');
  checkQuarantineLocation(realQuarantine, [realRoot]);
  const realLog = realFileLocation(options.logFile, 'deletion log');
  checkLogLocation(realLog, [realRoot], realQuarantine);

  const entries = verifiedLogEntries(realLog, options.logFile);
  // Only what left this root: the same relative path may have been quarantined from another archive.
  const rootSha256 = sha256Text(realRoot);
  const inQuarantine = new Map<string, LogEntry>();
  for (const entry of entries) {
    if (entry.root_sha256 !== rootSha256) continue;
    if (entry.action === 'quarantined') inQuarantine.set(entry.path_sha256, entry);
    if (entry.action === 'restored') inQuarantine.delete(entry.path_sha256);
  }

  const listed = (
    await fg('**/*', { cwd: realQuarantine, onlyFiles: true, dot: true, followSymbolicLinks: false })
  ).sort();
  const warnings = listed
    .filter(isPartialName)
    .map((file) => `left alone: ${path.join(realQuarantine, file)} (a partial file of another run)`);
  const files = listed.filter((file) => !isPartialName(file));
  const present = new Set(files.map(pathSha256));
  const missing = [...inQuarantine.values()]
    .filter((entry) => !present.has(entry.path_sha256))
    .sort((a, b) => a.seq - b.seq);
  const results: RestoreResult[] = [];
  for (const file of files) {
    const planned = await planOne(file, inQuarantine, realQuarantine, realRoot);
    if (planned.kind === 'planned')
      for (const partial of await foreignPartials(path.join(realRoot, file), null))
        warnings.push(`left alone: ${partial} (a partial file of another run)`);
    results.push(planned);
  }
  if (!options.execute) return { executed: false, results, missing, warnings, log: null };
  const toRestore = results.filter((r) => r.kind === 'planned');
  const bytes = toRestore.reduce((sum, r) => sum + (r.kind === 'planned' ? r.size : 0), 0);
  if (hooks.confirm && !(await hooks.confirm({ files: toRestore.length, bytes })))
    return { executed: false, results, missing, warnings, log: null };

  const log = DeletionLogWriter.open(realLog);
  const session = randomUUID();
  const append = (entry: LogEntry, action: 'restored' | 'skipped', skip: Skip | null) =>
    log.append(restoreLine(entry, { at: now(), session, operator, action, skip }));
  const done: RestoreResult[] = [];
  // A file the log knows about is logged whatever happens to it; a stranger has no line to cite.
  const skipped = (result: Extract<RestoreResult, { kind: 'skipped' }>) => {
    if (result.entry) append(result.entry, 'skipped', result.skip);
    done.push(result);
  };
  try {
    for (const planned of results) {
      if (planned.kind !== 'planned') {
        if (planned.kind === 'skipped') skipped(planned);
        continue;
      }
      // Re-check just before acting, and create the target's folders now.
      const again = await planOne(planned.path, inQuarantine, realQuarantine, realRoot);
      if (again.kind !== 'planned') {
        if (again.kind === 'skipped') skipped(again);
        continue;
      }
      const entry = again.entry;
      const source = await resolveInsideRoot(realQuarantine, planned.path);
      const prepared = await prepareTarget(realRoot, safeSegments(planned.path) as string[], true, fs).catch(
        (error: NodeJS.ErrnoException): Skip => ({
          code: 'ACTION_FAILED',
          detail: `cannot create the folder in the archive (${error.code ?? error.message})`,
        }),
      );
      if (isSkip(source) || isSkip(prepared)) {
        skipped({
          kind: 'skipped',
          path: planned.path,
          skip: isSkip(source) ? source : (prepared as Skip),
          entry,
        });
        continue;
      }
      try {
        await moveWithoutOverwrite(source, prepared.target, entry.sha256!, { session, fs });
      } catch (error) {
        const code =
          error instanceof MoveFailed ? error.code : ((error as NodeJS.ErrnoException).code ?? String(error));
        const left = [
          ...(error instanceof MoveFailed && error.leftBehind ? [error.leftBehind] : []),
          ...(await removeFolders(prepared.createdFolders, fs)),
        ];
        skipped({
          kind: 'skipped',
          path: planned.path,
          entry,
          skip: {
            code: code === 'EEXIST' ? 'TARGET_EXISTS' : 'ACTION_FAILED',
            detail:
              left.length === 0
                ? `${code}; the file is still in the quarantine and nothing was left in the archive`
                : `${code}; could not remove ${left.join(', ')} again: remove by hand`,
          },
        });
        continue;
      }
      append(entry, 'restored', null);
      done.push({ ...again, kind: 'restored' });
    }
  } finally {
    log.close();
  }
  return {
    executed: true,
    results: done,
    missing,
    warnings,
    log: { file: options.logFile, head: log.headHash, lines: log.lineCount },
  };
}

async function planOne(
  file: string,
  inQuarantine: Map<string, LogEntry>,
  realQuarantine: string,
  realRoot: string,
): Promise<RestoreResult> {
  const entry = inQuarantine.get(pathSha256(file));
  if (!entry || entry.sha256 === null)
    return {
      kind: 'skipped',
      path: file,
      skip: {
        code: 'NOT_QUARANTINED_HERE',
        detail: 'the log has no line quarantining this file from this archive root',
      },
    };
  const skipped = (skip: Skip): RestoreResult => ({ kind: 'skipped', path: file, skip, entry });
  const source = await resolveInsideRoot(realQuarantine, file);
  if (isSkip(source)) return skipped(source);
  const digest = await sha256OfFile(source);
  if (digest.sha256 !== entry.sha256 || digest.size !== entry.size)
    return skipped({
      code: 'CHANGED',
      detail: 'replaced or changed in the quarantine (SHA-256 differs from the log)',
    });
  const segments = safeSegments(file);
  if (!Array.isArray(segments)) return skipped(segments);
  // Checked only: the folders are made just before the move, and removed again if it fails.
  const target = await prepareTarget(realRoot, segments, false);
  if (isSkip(target)) return skipped(target);
  return { kind: 'planned', path: file, size: digest.size, entry };
}
