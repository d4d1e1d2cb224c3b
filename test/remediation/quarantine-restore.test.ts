import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLogText } from '../../src/remediation/log-verify.js';
import { purge, type PurgeOptions } from '../../src/remediation/purge.js';
import { restore } from '../../src/remediation/restore.js';
import { hashTree } from '../support/run-cli.js';
import { readLogLines, scratch, writeArchive, writeManifest } from './helpers.js';
import { orSkipped } from '../support/skip-reason.js';

const FILES = {
  '2026/10/03/in_38640111222_C-1.wav': 'one',
  'prodaja/Špela/out_C-2.mp3': 'two two',
  '3cx/[Janez Novak]_100-038640111222(3)_C-3.wav': 'three',
  'keep/in_C-9.wav': 'stays',
};
const ROWS = Object.keys(FILES)
  .filter((p) => !p.startsWith('keep/'))
  .map((p) => ({ path: p }));

function setup(quarantineParent?: string) {
  const s = scratch();
  writeArchive(s.root, FILES);
  const quarantine = path.join(quarantineParent ?? s.dir, 'quarantine');
  const options: PurgeOptions = {
    manifestFile: writeManifest(s.dir, s.root, ROWS),
    root: s.root,
    execute: true,
    operator: 'DPO',
    quarantine,
    holdsFile: null,
    timezone: 'UTC',
    logFile: s.log,
    resume: false,
  };
  const restoreOptions = { quarantine, root: s.root, execute: true, operator: 'Reviewer', logFile: s.log };
  return { ...s, quarantine, options, restoreOptions };
}

describe('quarantine and restore', () => {
  it('quarantine moves the files with their relative paths; restore returns every file byte-identical', async () => {
    const s = setup();
    const before = hashTree(s.root);
    const report = await purge(s.options);
    expect(report.results.map((r) => r.kind)).toEqual(['acted', 'acted', 'acted']);
    for (const row of ROWS) {
      expect(existsSync(path.join(s.root, row.path))).toBe(false);
      expect(readFileSync(path.join(s.quarantine, row.path), 'utf8')).toBe(
        FILES[row.path as keyof typeof FILES],
      );
    }

    const dry = await restore({ ...s.restoreOptions, execute: false });
    expect(dry.results.map((r) => r.kind)).toEqual(['planned', 'planned', 'planned']);
    expect(existsSync(path.join(s.root, ROWS[0]!.path))).toBe(false);

    const restored = await restore(s.restoreOptions);
    expect(restored.results.map((r) => r.kind)).toEqual(['restored', 'restored', 'restored']);
    // hashTree covers paths, sizes, mtimes and bytes.
    expect(hashTree(s.root)).toBe(before);
    expect(readLogLines(s.log).map((l) => l.action)).toEqual([
      'quarantined',
      'quarantined',
      'quarantined',
      'restored',
      'restored',
      'restored',
    ]);
    expect(verifyLogText(readFileSync(s.log, 'utf8')).ok).toBe(true);
  });

  it('restore refuses to overwrite a file that is back in the archive, and leaves both copies', async () => {
    const s = setup();
    await purge(s.options);
    writeArchive(s.root, { [ROWS[0]!.path]: 'a new recording with the same name' });
    const report = await restore(s.restoreOptions);
    expect(report.results.map((r) => (r.kind === 'skipped' ? r.skip.code : r.kind))).toContain(
      'TARGET_EXISTS',
    );
    expect(readFileSync(path.join(s.root, ROWS[0]!.path), 'utf8')).toBe('a new recording with the same name');
    expect(readFileSync(path.join(s.quarantine, ROWS[0]!.path), 'utf8')).toBe('one');
  });

  it('restore only takes files the log says were quarantined, unchanged', async () => {
    const s = setup();
    await purge(s.options);
    writeArchive(s.quarantine, { 'dropped-in.wav': 'not from the archive' });
    writeFileSync(path.join(s.quarantine, ROWS[1]!.path), 'edited in quarantine');
    const report = await restore(s.restoreOptions);
    const byPath = Object.fromEntries(
      report.results.map((r) => [r.path, r.kind === 'skipped' ? r.skip.code : r.kind]),
    );
    expect(byPath).toEqual({
      [ROWS[0]!.path]: 'restored',
      [ROWS[1]!.path]: 'CHANGED',
      [ROWS[2]!.path]: 'restored',
      'dropped-in.wav': 'NOT_QUARANTINED_HERE',
    });
    expect(existsSync(path.join(s.root, 'dropped-in.wav'))).toBe(false);
    expect(existsSync(path.join(s.root, ROWS[1]!.path))).toBe(false);
  });

  it('restore puts files back only into the root they were quarantined from', async () => {
    const s = setup();
    await purge(s.options);
    const otherRoot = path.join(s.dir, 'other-archive');
    writeArchive(otherRoot, { 'placeholder.txt': '' });
    const report = await restore({ ...s.restoreOptions, root: otherRoot });
    expect(report.results.map((r) => (r.kind === 'skipped' ? r.skip.code : r.kind))).toEqual(
      Array(3).fill('NOT_QUARANTINED_HERE'),
    );
    expect(existsSync(path.join(otherRoot, ROWS[0]!.path))).toBe(false);
  });

  it('purge refuses a quarantine folder inside the archive', async () => {
    const s = setup();
    await expect(purge({ ...s.options, quarantine: path.join(s.root, 'q') })).rejects.toThrow(/overlaps/);
    expect(existsSync(path.join(s.root, 'q'))).toBe(false);
  });

  it('a file already in the quarantine is not overwritten', async () => {
    const s = setup();
    writeArchive(s.quarantine, { [ROWS[0]!.path]: 'an earlier quarantined file' });
    const report = await purge(s.options);
    expect(report.results[0]).toMatchObject({ kind: 'skipped', skip: { code: 'TARGET_EXISTS' } });
    expect(readFileSync(path.join(s.quarantine, ROWS[0]!.path), 'utf8')).toBe('an earlier quarantined file');
    expect(existsSync(path.join(s.root, ROWS[0]!.path))).toBe(true);
  });

  // /dev/shm is a tmpfs on Linux CI: a real second file system, so the copy-verify-unlink path runs.
  const shm = '/dev/shm';
  const crossDevice = existsSync(shm) && statSync(shm).dev !== statSync(scratch().root).dev;
  it.skipIf(!crossDevice)(
    orSkipped(
      'across file systems it copies, verifies, keeps the mtime, then deletes',
      crossDevice ? null : `${shm} is missing or on the same file system as the scratch folder`,
    ),
    async () => {
      const parent = mkdtempSync(path.join(shm, 'callaudit-'));
      try {
        const s = setup(parent);
        const file = path.join(s.root, ROWS[0]!.path);
        const mtime = statSync(file).mtime.toISOString();
        const report = await purge(s.options);
        expect(report.results.map((r) => r.kind)).toEqual(['acted', 'acted', 'acted']);
        // A copy keeps the mtime to the microsecond (utimes), so to the millisecond the manifest records.
        expect(statSync(path.join(s.quarantine, ROWS[0]!.path)).mtime.toISOString()).toBe(mtime);
        expect(existsSync(file)).toBe(false);
        const restored = await restore(s.restoreOptions);
        expect(restored.results.map((r) => r.kind)).toEqual(['restored', 'restored', 'restored']);
        for (const [relative, content] of Object.entries(FILES))
          expect(readFileSync(path.join(s.root, relative), 'utf8')).toBe(content);
        expect(statSync(file).mtime.toISOString()).toBe(mtime);
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    },
  );
});
