import type { Stats } from 'node:fs';
import path from 'node:path';
import { whyNotACache } from '../archive/probe-cache.js';
import { CallauditError } from '../errors.js';
import { kindOf } from '../file-kind.js';
import { statIfExists } from '../input-file.js';
import { isWithin, realPathOf } from '../real-path.js';

/** Everything a command is about to write, and everything it must never write over. */
export interface OutputLocations {
  /** The output folder (created when missing). */
  outDir: string;
  /** The files written into it: reports, a partial report. Temporary files sit beside them. */
  files: readonly string[];
  /** The probe cache, or null without one. */
  cache: string | null;
  /** Archive roots: nothing is ever written inside one. */
  roots: readonly string[];
  /** Files the command reads: none is ever written over. */
  inputs: readonly string[];
}

interface Located {
  given: string;
  real: string;
  /** Stats of what is there (links followed), or null when nothing is. */
  stats: Stats | null;
}

function locate(given: string): Located {
  const real = realPathOf(given);
  return { given, real, stats: statIfExists(real) };
}

/**
 * Checks by real path, before anything is created, that no output lands in an archive root or on
 * an input file, and that nothing but a regular file (or a probe cache) is replaced. A `..` name
 * inside a root, a symbolic link into one, or a folder not created yet below one are all caught,
 * because every location is resolved through the real path of its deepest existing ancestor.
 */
export function checkOutputLocations(locations: OutputLocations): void {
  const roots = locations.roots.map(locate);
  const inputs = locations.inputs.map(locate);
  const out = locate(locations.outDir);
  for (const root of roots) {
    if (isWithin(out.real, root.real)) {
      throw new CallauditError(
        'OUT_INSIDE_ARCHIVE',
        `the output folder ${out.given} lies inside the archive root ${root.given} (as ${out.real}); the audit never writes into an archive`,
        'choose an --out folder outside the archive',
      );
    }
  }
  checkFolder(out);
  const files = locations.files.map(locate);
  for (const file of files) {
    checkNotInside(file, roots, 'OUTPUT_INSIDE_ARCHIVE', 'the report file');
    checkNoClash(file, inputs, 'the report file', 'which this command reads');
    if (file.stats && !file.stats.isFile()) {
      throw new CallauditError(
        'NOT_A_REGULAR_FILE',
        `the report file is ${kindOf(file.stats)}; a report is only ever written over a regular file`,
        'remove it, or choose another --out folder',
        file.given,
      );
    }
  }
  if (locations.cache !== null) checkCache(locate(locations.cache), roots, inputs, files);
}

function checkFolder(out: Located): void {
  // The deepest existing ancestor must be a folder too: `--out notes.txt/reports` cannot be made.
  let existing = out.real;
  let stats = out.stats;
  while (stats === null && path.dirname(existing) !== existing) {
    existing = path.dirname(existing);
    stats = statIfExists(existing);
  }
  if (stats && !stats.isDirectory()) {
    throw new CallauditError(
      'OUT_NOT_A_FOLDER',
      `the output folder ${existing === out.real ? 'is' : `lies below ${existing}, which is`} ${kindOf(stats)}, not a folder`,
      'give --out a folder (it is created when missing)',
      out.given,
    );
  }
}

function checkCache(cache: Located, roots: Located[], inputs: Located[], files: Located[]): void {
  const hint = 'choose another --cache file, outside the archive, or --no-cache';
  // The default cache too (under ~/.cache, which an archive root may hold): the way out is --cache or --no-cache.
  checkNotInside(cache, roots, 'CACHE_INSIDE_ARCHIVE', 'the probe cache', hint);
  checkNoClash(cache, inputs, 'the probe cache', 'which this command reads', hint);
  checkNoClash(cache, files, 'the probe cache', 'a report of this run', hint);
  const why = whyNotACache(cache.real);
  if (why !== null) {
    throw new CallauditError(
      'CACHE_NOT_A_CACHE',
      `the probe cache file cannot be used: ${why}`,
      hint,
      cache.given,
    );
  }
}

/**
 * Refuses writing `file` over any of `inputs` (by real path, or device and inode), before anything
 * is read: no flag makes writing over an input right.
 */
export function checkNotOverInputs(file: string, inputs: readonly string[], what: string): void {
  checkNoClash(locate(file), inputs.map(locate), what, 'which this command reads');
}

function checkNotInside(
  file: Located,
  roots: Located[],
  code: string,
  what: string,
  hint = 'choose a location outside the archive',
): void {
  const root = roots.find((r) => isWithin(file.real, r.real));
  if (!root) return;
  throw new CallauditError(
    code,
    `${what} would be written inside the archive root ${root.given} (as ${file.real}); the audit never writes into an archive`,
    hint,
    file.given,
  );
}

function checkNoClash(
  file: Located,
  others: Located[],
  what: string,
  which: string,
  hint = 'choose another output location',
): void {
  // The same file by path, or by device and inode: a hard link has a path of its own.
  const other = others.find(
    (i) =>
      i.real === file.real ||
      (i.stats !== null &&
        file.stats !== null &&
        i.stats.dev === file.stats.dev &&
        i.stats.ino === file.stats.ino),
  );
  if (!other) return;
  throw new CallauditError(
    'OUTPUT_IS_INPUT',
    `${what} would be written over ${other.given}, ${which}`,
    hint,
    file.given,
  );
}
