import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AuditResult, UnnamedResult } from '../audit/result.js';
import { CallauditError } from '../errors.js';
import { REPORTERS } from '../report/index.js';
import { phaseDone } from './timing.js';
import { releaseMemory } from './release-memory.js';
import { computeRunId, RUN_ID_PLACEHOLDER, withRunId } from '../report/run-id.js';
import { writeFileAtomically } from './write-atomically.js';
import { writeJsonNamingRun } from './write-json-report.js';
import { withManifestRecord } from '../report/deletion-manifest.js';
import type { RenderOptions } from '../report/reporter.js';

const LARGE_TRANSIENTS = new Set(['html', 'junit']);

export function checkFormats(formats: readonly string[]): void {
  if (formats.length === 0) {
    throw new CallauditError(
      'BAD_FLAG',
      '--format names no report format',
      `--format takes a comma-separated list of: ${Object.keys(REPORTERS).join(', ')}`,
    );
  }
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

/** The file each format is written to in `outDir`. */
export function reportPath(outDir: string, format: string): string {
  return path.join(outDir, REPORTERS[format]!.fileName);
}

/**
 * Writes each report through a temporary file and a rename, so a reader never sees half a
 * report. A result without a run ID is named on the way: by report.json as it is written (so
 * that goes first), or by hashing the JSON report's bytes when only the manifest prints the ID.
 */
export function writeReports(
  result: AuditResult | UnnamedResult,
  outDir: string,
  formats: readonly string[],
  options: RenderOptions,
): string[] {
  mkdirSync(outDir, { recursive: true });
  const fileOf = (format: string) => reportPath(outDir, format);
  let named = 'runId' in result ? result : null;
  let unnamed: AuditResult | null = null;
  const order =
    named === null && formats.includes('json') ? ['json', ...formats.filter((f) => f !== 'json')] : formats;
  const htmlPath = formats.includes('html') ? fileOf('html') : null;
  const renderOptions = { ...options, htmlPath };
  // A new result records its manifest before it is named, so the run ID covers that record.
  const source = named ?? withManifestRecord(result as UnnamedResult);
  for (const format of order) {
    const reporter = REPORTERS[format]!;
    // The call events and the scan's working data are unreachable once the audit has
    // returned, and the HTML and JUnit reports build large transient tables: collecting first
    // keeps the peak down (without it, the peak came while the HTML report was written; figures
    // in docs/performance.md).
    if (LARGE_TRANSIENTS.has(format) || format === order[0]) releaseMemory();
    if (named === null && format === 'json') {
      named = writeJsonNamingRun(source, fileOf(format));
    } else {
      if (named === null && reporter.readsRunId) named = withRunId(source, computeRunId(source));
      const input = named ?? (unnamed ??= withRunId(source, RUN_ID_PLACEHOLDER));
      writeFileAtomically(
        fileOf(format),
        reporter.chunks?.(input, renderOptions) ?? [reporter.render(input, renderOptions)],
      );
    }
    phaseDone(`write ${reporter.fileName}`);
  }
  return formats.map(fileOf);
}
