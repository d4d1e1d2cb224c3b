import { closeSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { AuditResult } from '../audit/result.js';
import { CallauditError } from '../errors.js';
import { isInside } from '../inputs.js';
import { REPORTERS } from '../report/index.js';
import { phaseDone } from '../timing.js';
import type { RenderOptions } from '../report/reporter.js';

export function checkFormats(formats: readonly string[]): void {
  for (const format of formats) {
    if (!REPORTERS[format]) {
      throw new CallauditError(
        'BAD_FLAG',
        `unknown report format "${format}"`,
        `--format takes a comma-separated list of: ${Object.keys(REPORTERS).join(', ')}`,
      );
    }
  }
}

/** The audit must never write inside an archive: refuse an output folder within a root. */
export function checkOutsideRoots(outDir: string, roots: readonly string[]): void {
  for (const root of roots) {
    if (isInside(outDir, root)) {
      throw new CallauditError(
        'OUT_INSIDE_ARCHIVE',
        `the output folder ${outDir} lies inside the archive root ${root}; the audit never writes into an archive`,
        'choose an --out folder outside the archive',
      );
    }
  }
}

/** Writes each report through a temporary file and a rename, so a reader never sees half a report. */
export function writeReports(
  result: AuditResult,
  outDir: string,
  formats: readonly string[],
  options: RenderOptions,
): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const format of formats) {
    const reporter = REPORTERS[format]!;
    const target = path.join(outDir, reporter.fileName);
    const temporary = `${target}.${process.pid}.tmp`;
    const htmlPath = formats.includes('html') ? path.join(outDir, REPORTERS['html']!.fileName) : null;
    const renderOptions = { ...options, htmlPath };
    if (reporter.chunks) writeChunks(temporary, reporter.chunks(result, renderOptions));
    else writeFileSync(temporary, reporter.render(result, renderOptions));
    renameSync(temporary, target);
    phaseDone(`write ${reporter.fileName}`);
    written.push(target);
  }
  return written;
}

/** Writes text pieces in batches of about a megabyte: bounded memory, few system calls. */
function writeChunks(file: string, chunks: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    let batch: string[] = [];
    let length = 0;
    for (const chunk of chunks) {
      batch.push(chunk);
      length += chunk.length;
      if (length >= 1 << 20) {
        writeSync(fd, batch.join(''));
        batch = [];
        length = 0;
      }
    }
    if (batch.length > 0) writeSync(fd, batch.join(''));
  } finally {
    closeSync(fd);
  }
}
