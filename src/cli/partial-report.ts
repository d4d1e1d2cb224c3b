import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Shard } from '../archive/shard.js';
import { PARTIAL_FILE_NAME, PARTIAL_FORMAT, type PartialReport } from '../audit/merge-partials.js';
import type { UnnamedResult } from '../audit/result.js';
import { CallauditError } from '../errors.js';
import { readInputFile, REPORT_FILE_LIMIT } from '../input-file.js';
import { writeJsonNamingRun } from './write-json-report.js';

/**
 * Writes `<out>/partial-report.json` through a temporary file and a rename, streamed: a shard of a
 * large archive can exceed the largest string V8 can hold. A shard's own run ID names its partial
 * file only; merging names the whole audit afresh.
 */
export function writePartialReport(result: UnnamedResult, shard: Shard, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const target = path.join(outDir, PARTIAL_FILE_NAME);
  writeJsonNamingRun(result, target, {
    before: `{"format":${JSON.stringify(PARTIAL_FORMAT)},"shard":${JSON.stringify(shard)},"result":`,
    after: '}\n',
  });
  return target;
}

/** Where the partial report of `file` is: a folder means the partial-report.json inside it. */
export function partialReportFile(file: string): string {
  return file.endsWith('.json') ? file : path.join(file, PARTIAL_FILE_NAME);
}

/** Reads a partial report; a folder means the partial-report.json inside it. */
export function readPartialReport(file: string): PartialReport {
  const target = partialReportFile(file);
  const hint =
    'pass the partial-report.json files (or their folders) written by `callaudit audit --shard i/n`';
  const bytes = readInputFile(target, {
    code: 'PARTIAL_UNREADABLE',
    what: 'the partial report',
    hint,
    maxBytes: REPORT_FILE_LIMIT,
  });
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new CallauditError(
      'PARTIAL_UNREADABLE',
      `cannot read the partial report: ${(error as Error).message}`,
      hint,
      target,
    );
  }
  const partial = value as Partial<PartialReport> | null;
  if (partial?.format !== PARTIAL_FORMAT || !partial.shard || !partial.result) {
    throw new CallauditError(
      'PARTIAL_UNREADABLE',
      'is not a partial report of callaudit audit --shard',
      'pass the partial-report.json files written by `callaudit audit --shard i/n`',
      target,
    );
  }
  return partial as PartialReport;
}
