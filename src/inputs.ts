import { createHash } from 'node:crypto';
import fg from 'fast-glob';
import { fixOriginHint, type PathOrigins } from './config/origins.js';
import { CallauditError } from './errors.js';
import { isSqlUrl } from './calllog/sql-url.js';
import { refuseIrregular, statIfExists, type InputFileRole } from './input-file.js';

export { readInputFile, readInputText, type InputFileRole } from './input-file.js';

const CALL_LOG_HINT = 'name the CSV file, or a glob such as "crm/*.csv"';

/**
 * Expands call-log arguments: literal files as given, globs through fast-glob, sorted. Anything
 * that is not a regular file is refused by its kind before it is opened: a FIFO would block the
 * read and a device such as /dev/zero would never end.
 */
export async function expandCallLogs(patterns: readonly string[], origins?: PathOrigins): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    // A database is read by the SQL reader, which reports its own errors.
    if (isSqlUrl(pattern)) {
      files.add(pattern);
      continue;
    }
    const literal = statIfExists(pattern);
    if (literal?.isFile()) {
      files.add(pattern);
      continue;
    }
    if (literal?.isDirectory()) {
      throw new CallauditError(
        'CALL_LOG_IS_DIRECTORY',
        'is a folder, not a CSV file',
        CALL_LOG_HINT,
        pattern,
      );
    }
    if (literal) refuseIrregular(pattern, literal, 'the call log', CALL_LOG_HINT);
    const matches = fg.isDynamicPattern(pattern) ? await fg(pattern, { onlyFiles: true, dot: false }) : [];
    if (matches.length === 0) throw callLogNotFound(pattern, origins?.get(pattern));
    for (const match of matches) {
      // A glob's symbolic link may lead to a FIFO or a device.
      const target = statIfExists(match);
      if (target) refuseIrregular(match, target, 'the call log', CALL_LOG_HINT);
      files.add(match);
    }
  }
  return [...files].sort();
}

/** Names the flag or config key that gave the path, so the user fixes the right one. */
function callLogNotFound(pattern: string, origin: string | undefined): CallauditError {
  const what = fg.isDynamicPattern(pattern) ? 'matches no file' : 'does not exist';
  const hint = fixOriginHint(
    origin,
    `check the ${origin ?? '--crm'} path (quote globs so the shell does not expand them)`,
  );
  if (origin === undefined)
    return new CallauditError('CALL_LOG_NOT_FOUND', `the call-log file ${what}`, hint, pattern);
  return new CallauditError('CALL_LOG_NOT_FOUND', `${pattern} (${origin}) ${what}`, hint);
}

export function sha256Of(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const HOLDS_FILE: InputFileRole = {
  code: 'HOLDS_UNREADABLE',
  what: 'the legal holds file',
  hint: 'check the --holds path',
  csv: true,
};
