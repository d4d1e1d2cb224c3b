import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { rootIdentity } from '../../src/archive/root-identity.js';
import { REPORT_SCHEMA_VERSION, type RootInput, type UnnamedResult } from '../../src/audit/result.js';
import { summarise } from '../../src/audit/summarise.js';
import type { Finding } from '../../src/audit/types.js';
import { writeReports } from '../../src/cli/write-reports.js';
import { DEFAULT_RENDER_OPTIONS } from '../../src/report/reporter.js';
import { RUN_ID_PLACEHOLDER } from '../../src/report/run-id.js';
import { TOOL } from '../../src/version.js';

// Each test file gets its own copy of this module, so this removes that file's scratch folders.
const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A scratch folder with an archive root, a place for logs and one for the quarantine. */
export function scratch(): { dir: string; root: string; logDir: string; log: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'callaudit-remediation-'));
  created.push(dir);
  const root = path.join(dir, 'archive');
  const logDir = path.join(dir, 'evidence');
  mkdirSync(root);
  mkdirSync(logDir);
  return { dir, root, logDir, log: path.join(logDir, 'deletion-log.ndjson') };
}

/** Writes `files` (relative path → content) under `root`. */
export function writeArchive(root: string, files: Record<string, string>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

export interface RowSpec {
  path: string;
  callId?: string;
  reason?: string;
  /** Defaults to the file's real size / mtime / hash; give values to describe a stale row. */
  size?: number;
  mtime?: string;
  sha256?: string | null;
  root?: string;
  /** The audit's verdict; only violations reach the manifest. */
  verdict?: Finding['verdict'];
  /** Under an s3:// root: the object version the audit read. */
  object?: Finding['object'];
}

/** What `callaudit audit` would record for the file a row names: from the disk, or placeholders. */
function findingOf(defaultRoot: string, row: RowSpec, index: number, hash: boolean): Finding {
  const root = row.root ?? defaultRoot;
  let stats: { size: number; mtime: string; sha256: string | null } = {
    size: 1,
    mtime: '2026-01-01T00:00:00.000Z',
    sha256: null,
  };
  try {
    const s = lstatSync(path.join(root, row.path));
    stats = {
      size: s.size,
      mtime: s.mtime.toISOString(),
      sha256: s.isFile()
        ? createHash('sha256')
            .update(readFileSync(path.join(root, row.path)))
            .digest('hex')
        : null,
    };
  } catch {
    // A row for a file that does not exist (or an unsafe path): placeholder facts.
  }
  // A file the audit could not have hashed (a symlink, an unsafe path) gets a hash no file has.
  const sha256 = row.sha256 !== undefined ? row.sha256 : hash ? (stats.sha256 ?? '0'.repeat(64)) : null;
  return {
    root,
    path: row.path,
    callId: row.callId ?? `C-${index + 1}`,
    idSource: 'filename',
    verdict: row.verdict ?? 'violation',
    reason: (row.reason ?? 'NON_QUALIFYING_ONLY') as Finding['reason'],
    message: { code: 'TEXT', args: { text: 'test' } },
    categories: [],
    events: [],
    legalBasis: [],
    size: row.size ?? stats.size,
    mtime: row.mtime ?? stats.mtime,
    format: null,
    codec: null,
    durationSec: null,
    startedAt: null,
    problems: [],
    ...(sha256 ? { sha256 } : {}),
    ...(row.object ? { object: row.object } : {}),
  };
}

function rootInput(root: string, recordings: number): RootInput {
  let identity = { realPath: path.resolve(root), device: '0', inode: '0' };
  try {
    identity = rootIdentity(root);
  } catch {
    // A root that does not exist (a row of an archive elsewhere): an identity no folder has.
  }
  return {
    path: root,
    ...identity,
    recordings,
    ignoredFiles: 0,
    ignoredByExtension: {},
    ignoredByReason: {},
  };
}

/**
 * The report.json and deletion-manifest.csv an audit would write for `rows` (all violations,
 * plus `extra` findings with other verdicts), written by the real reporters into `dir`.
 */
export function writeAudit(
  dir: string,
  root: string,
  rows: RowSpec[],
  { hash = true, extra = [] as Finding[] } = {},
): { manifestFile: string; reportFile: string } {
  const findings = [...rows.map((row, index) => findingOf(root, row, index, hash)), ...extra];
  const roots = [...new Set([root, ...findings.map((f) => f.root)])].map((r) =>
    rootInput(r, findings.filter((f) => f.root === r).length),
  );
  const result: UnnamedResult = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: TOOL,
    generatedAt: '2026-11-28T12:00:00.000Z',
    policy: { id: 'si-ip-akos', version: '1.0.0', sha256: '0'.repeat(64) },
    settings: {},
    inputs: { roots, callLogs: [], outcomeMap: null },
    problems: [],
    summary: summarise(findings),
    recordings: findings,
  };
  const [reportFile, manifestFile] = writeReports(
    result,
    dir,
    ['json', 'manifest'],
    DEFAULT_RENDER_OPTIONS,
  ) as [string, string];
  return { manifestFile, reportFile };
}

/** A manifest the way `audit` writes it (hashed by default), describing the files as they are now. */
export function manifestText(root: string, rows: RowSpec[], { hash = true } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'callaudit-manifest-'));
  created.push(dir);
  return readFileSync(writeAudit(dir, root, rows, { hash }).manifestFile, 'utf8');
}

/** Writes the report.json and manifest of an audit that found `rows`; returns the manifest's path. */
export function writeManifest(
  dir: string,
  root: string,
  rows: RowSpec[],
  options?: { hash?: boolean },
): string {
  return writeAudit(dir, root, rows, options).manifestFile;
}

/** What an editor who knows the scheme does: the report's manifest record and run ID made to fit. */
export function reseal(
  reportFile: string,
  manifestFile: string,
  edit: (report: string) => string = (r) => r,
): void {
  const manifest = readFileSync(manifestFile);
  const rows = manifest.toString('utf8').trimEnd().split('\n').length - 1;
  const old = JSON.parse(readFileSync(reportFile, 'utf8'));
  let text = edit(readFileSync(reportFile, 'utf8'))
    .replace(old.deletionManifest.sha256, createHash('sha256').update(manifest).digest('hex'))
    .replace(`"rows": ${old.deletionManifest.rows}`, `"rows": ${rows}`)
    .replace(`"runId": "${old.runId}"`, `"runId": "${RUN_ID_PLACEHOLDER}"`);
  const runId = createHash('sha256').update(text).digest('hex').slice(0, 32);
  text = text.replace(`"runId": "${RUN_ID_PLACEHOLDER}"`, `"runId": "${runId}"`);
  writeFileSync(reportFile, text);
}

export function readLogLines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
