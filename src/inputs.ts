import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { CallauditError } from './errors.js';

/** Expands call-log arguments: literal files as given, globs through fast-glob, sorted. */
export async function expandCallLogs(patterns: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const literal = statIfExists(pattern);
    if (literal?.isFile()) {
      files.add(pattern);
      continue;
    }
    if (literal?.isDirectory()) {
      throw new CallauditError(
        'CALL_LOG_IS_DIRECTORY',
        'is a folder, not a CSV file',
        'name the CSV file, or a glob such as "crm/*.csv"',
        pattern,
      );
    }
    const matches = fg.isDynamicPattern(pattern) ? await fg(pattern, { onlyFiles: true, dot: false }) : [];
    if (matches.length === 0) {
      throw new CallauditError(
        'CALL_LOG_NOT_FOUND',
        fg.isDynamicPattern(pattern) ? 'the glob matches no file' : 'the call-log file does not exist',
        'check the --crm path (quote globs so the shell does not expand them)',
        pattern,
      );
    }
    for (const match of matches) files.add(match);
  }
  return [...files].sort();
}

function statIfExists(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

export function sha256File(file: string): string {
  return sha256Of(readFileSync(file));
}

export function sha256Of(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface InputFileRole {
  /** Error code when the file cannot be read, e.g. HOLDS_UNREADABLE. */
  code: string;
  /** What the file is, for the message: "the legal holds file". */
  what: string;
  /** What to do, e.g. "check the --holds path". */
  hint: string;
}

/** The bytes of an input file, or a CallauditError that names the file, the OS reason and what to do. */
export function readInputFile(file: string, role: InputFileRole): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CallauditError(role.code, `cannot read ${role.what} (${reason})`, role.hint, file);
  }
}

/** An input file as UTF-8 text without a byte-order mark (Excel adds one). */
export function readInputText(file: string, role: InputFileRole): string {
  return readInputFile(file, role)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

/** True when `candidate` is `root` itself or lies below it. */
export function isInside(candidate: string, root: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(candidate));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export const HOLDS_FILE: InputFileRole = {
  code: 'HOLDS_UNREADABLE',
  what: 'the legal holds file',
  hint: 'check the --holds path',
};
