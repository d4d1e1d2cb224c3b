import type { EngineReport } from './engine-report.js';
import type { LabelCount } from './label-inventory.js';
import type { Finding, Summary } from './types.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface RootInput {
  /** As given to the audit (relative paths stay relative). */
  path: string;
  /** The folder it named (archive/root-identity.ts); absent in reports of older versions. */
  realPath?: string;
  device?: string;
  inode?: string;
  recordings: number;
  ignoredFiles: number;
  ignoredByExtension: Record<string, number>;
  /** Why the ignored files were not audited (hidden, symbolic-link, not-audio, …); sums to ignoredFiles. */
  ignoredByReason: Record<string, number>;
}

export interface CallLogInput {
  file: string;
  sha256: string;
  encoding: string;
  encodingDetected: boolean;
  delimiter: string;
  /** For a call log that is not CSV: xlsx, json, ndjson or sql. */
  format?: string;
  /** The sheet, the JSON records path or the query the rows came from. */
  source?: string;
  rows: number;
  events: number;
  skippedRows: number;
  firstAt: string | null;
  lastAt: string | null;
  /**
   * For a database table read for a period only: that period, ISO UTC. Information only: the log's
   * coverage comes from the rows it returned (their first and last event times), not from it.
   */
  period?: { from: string; to: string };
  /** For a header-less file: the column layout assumed. */
  layout?: string;
}

export interface InputProblem {
  file: string;
  line: number | null;
  code: string;
  message: string;
}

/**
 * An audit's result before it has a run ID. The ID is a hash of report.json as written
 * (report/run-id.ts), so the writer of the reports names the result.
 */
export type UnnamedResult = Omit<AuditResult, 'runId'>;

/** The lossless result of one audit; every report format is rendered from it. */
export interface AuditResult {
  schemaVersion: number;
  tool: { name: string; version: string };
  generatedAt: string;
  /** Content hash of report.json (see report/run-id.ts); cited by the deletion log. */
  runId: string;
  /**
   * The deletion manifest this result renders to, so `purge` can prove a manifest is the audit's:
   * its SHA-256 and row count. Part of report.json, hence of the run ID; the manifest itself
   * does not carry the run ID, so it can be hashed before the run is named.
   */
  deletionManifest?: { sha256: string; rows: number };
  policy: { id: string; version: string; sha256: string };
  settings: Record<string, unknown>;
  inputs: {
    roots: RootInput[];
    callLogs: CallLogInput[];
    outcomeMap: { file: string; sha256: string; entries: number } | null;
  };
  problems: InputProblem[];
  /** Every distinct outcome label of the joined call-log rows, with its count and reading. */
  labels?: LabelCount[];
  /** Present only when the audit ran with --baseline. */
  baseline?: import('./baseline.js').BaselineComparison;
  summary: Summary;
  recordings: Finding[];
  /** Prior notice, time window, log coverage, retention deadlines and holds (policy engine). */
  engine?: EngineReport;
}
