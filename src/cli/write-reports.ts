import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { AuditResult } from '../audit/result.js';
import { CallauditError } from '../errors.js';
import { isInside } from '../inputs.js';
import { REPORTERS } from '../report/index.js';
import { phaseDone } from '../timing.js';
import { releaseMemory } from '../release-memory.js';

const LARGE_TRANSIENTS = new Set(['html', 'junit']);
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
    // The call events and the scan's working data are unreachable once the audit has
    // returned, and the HTML and JUnit reports build large transient tables: collecting first
    // keeps the peak down (at a million recordings it was 2.15 GB, all of it while the HTML
    // report was written).
    if (LARGE_TRANSIENTS.has(format) || format === formats[0]) releaseMemory();
    const target = path.join(outDir, reporter.fileName);
    const htmlPath = formats.includes('html') ? path.join(outDir, REPORTERS['html']!.fileName) : null;
    const renderOptions = { ...options, htmlPath };
    writeFileAtomically(
      target,
      reporter.chunks?.(result, renderOptions) ?? [reporter.render(result, renderOptions)],
    );
    phaseDone(`write ${reporter.fileName}`);
    written.push(target);
  }
  return written;
}

/**
 * Writes text pieces to `target` through a temporary file and a rename, so a reader never sees
 * half a file; a failed write leaves no temporary file behind.
 */
export function writeFileAtomically(target: string, chunks: Iterable<string>): void {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeChunks(temporary, chunks);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  renameSync(temporary, target);
}

/** Size of the buffer reports are encoded into: bounded memory, few system calls. */
const BUFFER_BYTES = 1 << 20;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Encodes text pieces straight into one reused buffer and writes it out whenever the next piece
 * might not fit: no joined strings and no per-write Buffers, which at 100,000 findings made up
 * most of the time and garbage of writing a report.
 */
function writeChunks(file: string, chunks: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    let used = 0;
    for (const chunk of chunks) {
      const maxBytes = chunk.length * MAX_BYTES_PER_UNIT;
      if (used + maxBytes > BUFFER_BYTES) {
        writeAll(fd, buffer, used);
        used = 0;
      }
      if (maxBytes > BUFFER_BYTES) {
        const bytes = Buffer.from(chunk, 'utf8');
        writeAll(fd, bytes, bytes.length);
      } else {
        used += buffer.write(chunk, used, 'utf8');
      }
    }
    writeAll(fd, buffer, used);
  } finally {
    closeSync(fd);
  }
}

/** writeSync may write less than asked; a short write must not leave a hole in a report. */
function writeAll(fd: number, buffer: Buffer, length: number): void {
  for (let done = 0; done < length;) done += writeSync(fd, buffer, done, length - done);
}
