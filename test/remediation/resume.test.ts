import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalPathFor } from '../../src/remediation/journal.js';
import { verifyLogText } from '../../src/remediation/log-verify.js';
import { InjectedFault, purge, type FaultPoint, type PurgeOptions } from '../../src/remediation/purge.js';
import { hashTree } from '../support/run-cli.js';
import { readLogLines, scratch, writeArchive, writeManifest } from './helpers.js';

const FILES = { 'a/in_C-1.wav': 'one', 'a/in_C-2.wav': 'two two', 'b/in_C-3.wav': 'three three three' };
const ROWS = Object.keys(FILES).map((p) => ({ path: p }));

function setup(quarantine = false) {
  const s = scratch();
  writeArchive(s.root, FILES);
  const options: PurgeOptions = {
    manifestFile: writeManifest(s.dir, s.root, ROWS),
    root: s.root,
    execute: true,
    operator: 'DPO',
    quarantine: quarantine ? path.join(s.dir, 'quarantine') : null,
    holdsFile: null,
    timezone: 'UTC',
    logFile: s.log,
    resume: false,
  };
  return { ...s, options };
}

/** Crashes the run the first time it reaches `point` on the row with `index`. */
const crashAt = (point: FaultPoint, index: number) => ({
  fault: (reached: FaultPoint, row: number) => {
    if (reached === point && row === index) throw new InjectedFault(`crash at ${point} of row ${row}`);
  },
});

/** The acting lines of the log: exactly one per manifest line, whatever happened in between. */
const actionsByLine = (log: string) =>
  readLogLines(log)
    .filter((l) => l.action !== 'skipped')
    .map((l) => [l.manifest_line, l.action]);

describe('crash safety: an interrupted purge resumes without deleting twice, logging twice or losing a row', () => {
  const points: FaultPoint[] = ['after-intent', 'after-action', 'after-log', 'after-done'];
  for (const point of points) {
    it(`delete mode, crash ${point} of the second file, then --resume`, async () => {
      const s = setup();
      await expect(purge(s.options, crashAt(point, 1))).rejects.toBeInstanceOf(InjectedFault);
      expect(existsSync(journalPathFor(s.log))).toBe(true);
      expect(existsSync(path.join(s.root, 'b/in_C-3.wav'))).toBe(true);

      // Without --resume the next run refuses rather than start a second, overlapping session.
      await expect(purge(s.options)).rejects.toThrow(/did not finish/);

      const resumed = await purge({ ...s.options, resume: true });
      for (const file of Object.keys(FILES)) expect(existsSync(path.join(s.root, file))).toBe(false);
      expect(actionsByLine(s.log)).toEqual([
        [2, 'deleted'],
        [3, 'deleted'],
        [4, 'deleted'],
      ]);
      expect(readLogLines(s.log)).toHaveLength(3);
      expect(verifyLogText(readFileSync(s.log, 'utf8')).ok).toBe(true);
      expect(existsSync(journalPathFor(s.log))).toBe(false);
      expect(resumed.results.map((r) => r.kind)).not.toContain('skipped');
      const sessions = new Set(readLogLines(s.log).map((l) => l.session));
      expect(sessions.size).toBe(1);
    });
  }

  it('marks a deletion completed after the crash as such in the log', async () => {
    const s = setup();
    await expect(purge(s.options, crashAt('after-action', 0))).rejects.toBeInstanceOf(InjectedFault);
    await purge({ ...s.options, resume: true });
    const first = readLogLines(s.log)[0]!;
    expect(first).toMatchObject({
      action: 'deleted',
      manifest_line: 2,
      note: 'completed after an interrupted run',
    });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  const quarantinePoints: FaultPoint[] = [
    'after-intent',
    'before-unlink-source',
    'after-action',
    'after-log',
  ];
  for (const point of quarantinePoints) {
    it(`quarantine mode, crash ${point} of the second file, then --resume: each file moved once, intact`, async () => {
      const s = setup(true);
      await expect(purge(s.options, crashAt(point, 1))).rejects.toBeInstanceOf(InjectedFault);
      await purge({ ...s.options, resume: true });
      for (const [file, content] of Object.entries(FILES)) {
        expect(existsSync(path.join(s.root, file))).toBe(false);
        expect(readFileSync(path.join(s.options.quarantine!, file), 'utf8')).toBe(content);
      }
      expect(actionsByLine(s.log)).toEqual([
        [2, 'quarantined'],
        [3, 'quarantined'],
        [4, 'quarantined'],
      ]);
      expect(verifyLogText(readFileSync(s.log, 'utf8')).ok).toBe(true);
    });
  }

  it('--resume refuses another manifest or root than the interrupted run', async () => {
    const s = setup();
    await expect(purge(s.options, crashAt('after-done', 0))).rejects.toBeInstanceOf(InjectedFault);
    const before = hashTree(s.root);
    const other = writeManifest(s.dir, s.root, ROWS.slice(1));
    await expect(purge({ ...s.options, manifestFile: other, resume: true })).rejects.toThrow(
      /another manifest/,
    );
    expect(hashTree(s.root)).toBe(before);
  });

  it('--resume with nothing to resume is an error', async () => {
    const s = setup();
    await expect(purge({ ...s.options, resume: true })).rejects.toThrow(/no interrupted run/);
  });
});

describe('resume in quarantine mode', () => {
  it('--resume refuses another quarantine folder than the interrupted run', async () => {
    const s = setup(true);
    await expect(purge(s.options, crashAt('after-done', 0))).rejects.toBeInstanceOf(InjectedFault);
    await expect(
      purge({ ...s.options, quarantine: path.join(s.dir, 'elsewhere'), resume: true }),
    ).rejects.toThrow(/another quarantine folder/);
    expect(existsSync(path.join(s.root, 'a/in_C-2.wav'))).toBe(true);
  });
});
