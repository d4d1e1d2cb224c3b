import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { csvLine } from '../../src/report/csv-cell.js';
import { MANIFEST_HEADER, MANIFEST_VERSION } from '../../src/report/deletion-manifest.js';

export const RUN_ID = 'a'.repeat(32);

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
}

/** A manifest the way `audit --hash` writes it, describing the files as they are now. */
export function manifestText(root: string, rows: RowSpec[], { hash = true } = {}): string {
  const lines = [csvLine(MANIFEST_HEADER, { neutralise: false })];
  rows.forEach((row, index) => {
    const file = path.join(root, row.path);
    let stats: { size: number; mtime: string; sha256: string | null } = {
      size: 1,
      mtime: '2026-01-01T00:00:00.000Z',
      sha256: null,
    };
    try {
      const s = lstatSync(file);
      stats = {
        size: s.size,
        mtime: s.mtime.toISOString(),
        sha256: s.isFile() ? createHash('sha256').update(readFileSync(file)).digest('hex') : null,
      };
    } catch {
      // A row for a file that does not exist (or an unsafe path): placeholder facts.
    }
    lines.push(
      csvLine(
        [
          MANIFEST_VERSION,
          row.root ?? root,
          row.path,
          row.callId ?? `C-${index + 1}`,
          row.reason ?? 'NON_QUALIFYING_ONLY',
          row.size ?? stats.size,
          row.mtime ?? stats.mtime,
          row.sha256 !== undefined ? row.sha256 : hash ? stats.sha256 : null,
          RUN_ID,
          'si-ip-akos',
          '1.0.0',
          'yes',
        ],
        { neutralise: false },
      ),
    );
  });
  return `${lines.join('\n')}\n`;
}

export function writeManifest(
  dir: string,
  root: string,
  rows: RowSpec[],
  options?: { hash?: boolean },
): string {
  const file = path.join(dir, 'deletion-manifest.csv');
  writeFileSync(file, manifestText(root, rows, options));
  return file;
}

export function readLogLines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
