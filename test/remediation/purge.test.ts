import { existsSync, linkSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallauditError } from '../../src/errors.js';
import { journalPathFor } from '../../src/remediation/journal.js';
import { verifyLogText } from '../../src/remediation/log-verify.js';
import { purge, type PurgeOptions, type RowResult } from '../../src/remediation/purge.js';
import { hashTree } from '../support/run-cli.js';
import { readLogLines, scratch, writeArchive, writeManifest } from './helpers.js';

const FILES = {
  '2026/10/03/in_38640111222_C-1.wav': 'audio one',
  '2026/10/03/in_38640111333_C-2.wav': 'audio two',
  'sales/out_C-3.mp3': 'audio three',
  'keep/in_C-9.wav': 'compliant, not in the manifest',
};
const ROWS = [
  { path: '2026/10/03/in_38640111222_C-1.wav', callId: 'C-1' },
  { path: '2026/10/03/in_38640111333_C-2.wav', callId: 'C-2', reason: 'NO_CALL_LOG_ENTRY' },
  { path: 'sales/out_C-3.mp3', callId: 'C-3' },
];

function setup(rows = ROWS, files: Record<string, string> = FILES) {
  const s = scratch();
  writeArchive(s.root, files);
  const manifest = writeManifest(s.dir, s.root, rows);
  const options = (overrides: Partial<PurgeOptions> = {}): PurgeOptions => ({
    manifestFile: manifest,
    root: s.root,
    execute: true,
    operator: 'DPO Ana Novak',
    quarantine: null,
    holdsFile: null,
    timezone: 'Europe/Ljubljana',
    logFile: s.log,
    resume: false,
    ...overrides,
  });
  return { ...s, manifest, options };
}

const kinds = (results: RowResult[]) =>
  results.map((r) => [r.row.path, r.kind === 'skipped' ? r.skip.code : r.kind]);
const logVerifies = (file: string) => verifyLogText(readFileSync(file, 'utf8')).ok;

describe('purge: dry run and execution', () => {
  it('a dry run changes nothing: not the archive, no log, no journal', async () => {
    const s = setup();
    const before = hashTree(s.root);
    const report = await purge(s.options({ execute: false, operator: null }));
    expect(report.executed).toBe(false);
    expect(kinds(report.results).every(([, kind]) => kind === 'planned')).toBe(true);
    expect(hashTree(s.root)).toBe(before);
    expect(existsSync(s.log)).toBe(false);
    expect(existsSync(journalPathFor(s.log))).toBe(false);
  });

  it('--execute deletes exactly the manifest rows and logs one line each', async () => {
    const s = setup();
    const report = await purge(s.options());
    expect(kinds(report.results).map(([, k]) => k)).toEqual(['acted', 'acted', 'acted']);
    for (const row of ROWS) expect(existsSync(path.join(s.root, row.path))).toBe(false);
    expect(readFileSync(path.join(s.root, 'keep/in_C-9.wav'), 'utf8')).toBe('compliant, not in the manifest');
    const lines = readLogLines(s.log);
    expect(lines.map((l) => [l.action, l.call_id, l.reason])).toEqual([
      ['deleted', 'C-1', 'NON_QUALIFYING_ONLY'],
      ['deleted', 'C-2', 'NO_CALL_LOG_ENTRY'],
      ['deleted', 'C-3', 'NON_QUALIFYING_ONLY'],
    ]);
    expect(logVerifies(s.log)).toBe(true);
    expect(existsSync(journalPathFor(s.log))).toBe(false);
  });

  it('logs the instruction, operator, size and hashes but never the path or the phone number', async () => {
    const s = setup();
    await purge(s.options());
    const text = readFileSync(s.log, 'utf8');
    expect(text).not.toContain('38640111222');
    expect(text).not.toContain('in_');
    const [first] = readLogLines(s.log);
    expect(first).toMatchObject({
      operator: 'DPO Ana Novak',
      mode: 'delete',
      manifest_line: 2,
      size: 'audio one'.length,
      instruction: {
        run_id: JSON.parse(readFileSync(path.join(s.dir, 'report.json'), 'utf8')).runId,
        policy_id: 'si-ip-akos',
        policy_version: '1.0.0',
      },
    });
    expect(first!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first!.path_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((first!.instruction as { manifest_sha256: string }).manifest_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses --execute without an operator, and --resume without --execute', async () => {
    const s = setup();
    await expect(purge(s.options({ operator: '  ' }))).rejects.toThrow(/--operator/);
    await expect(purge(s.options({ execute: false, resume: true }))).rejects.toThrow(/--resume/);
  });

  it('never writes the log inside the archive root', async () => {
    const s = setup();
    await expect(purge(s.options({ logFile: path.join(s.root, 'log.ndjson') }))).rejects.toThrow(
      /inside the archive root/,
    );
    expect(existsSync(path.join(s.root, 'log.ndjson'))).toBe(false);
  });

  it('refuses to append to a log whose chain is broken', async () => {
    const s = setup();
    writeFileSync(s.log, '{"not":"a chained line"}\n');
    await expect(purge(s.options())).rejects.toThrow(/does not verify/);
    expect(existsSync(path.join(s.root, ROWS[0]!.path))).toBe(true);
  });
});

describe('purge: every safety rule skips the row and leaves the file', () => {
  it('rule 1: a file modified since the audit (size, mtime, or content with the same size and mtime)', async () => {
    const s = setup();
    const [grown, touched, swapped] = ROWS.map((r) => path.join(s.root, r.path)) as [string, string, string];
    writeFileSync(grown, 'audio one, longer now');
    utimesSync(touched, new Date('2027-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    const { mtime } = await import('node:fs').then((fs) => fs.statSync(swapped));
    writeFileSync(swapped, 'AUDIO THREE');
    utimesSync(swapped, mtime, mtime);
    const report = await purge(s.options());
    expect(kinds(report.results).map(([, k]) => k)).toEqual(['CHANGED', 'CHANGED', 'CHANGED']);
    const skips = report.results.map((r) => (r.kind === 'skipped' ? r.skip.detail : ''));
    expect(skips[0]).toMatch(/size/);
    expect(skips[1]).toMatch(/modified/);
    expect(skips[2]).toMatch(/SHA-256/);
    for (const file of [grown, touched, swapped]) expect(existsSync(file)).toBe(true);
    expect(readLogLines(s.log).map((l) => (l.skip as { code: string }).code)).toEqual([
      'CHANGED',
      'CHANGED',
      'CHANGED',
    ]);
  });

  it('rule 2: "../" and absolute paths are refused, even when they name real files', async () => {
    const s = setup();
    writeArchive(s.dir, { 'outside.wav': 'outside the archive' });
    const report = await purge(
      s.options({
        manifestFile: writeManifest(s.dir, s.root, [
          { path: '../outside.wav' },
          { path: path.join(s.dir, 'outside.wav') },
          { path: 'sales/../sales/out_C-3.mp3' },
          { path: 'sales//out_C-3.mp3' },
          { path: 'sales\\out_C-3.mp3' },
        ]),
      }),
    );
    expect(kinds(report.results).map(([, k]) => k)).toEqual(Array(5).fill('UNSAFE_PATH'));
    expect(readFileSync(path.join(s.dir, 'outside.wav'), 'utf8')).toBe('outside the archive');
    expect(existsSync(path.join(s.root, 'sales/out_C-3.mp3'))).toBe(true);
  });

  it('rule 2: a symlinked file and a file below a symlinked folder are refused; their targets survive', async () => {
    const s = setup();
    writeArchive(s.dir, { 'elsewhere/target.wav': 'not ours', 'elsewhere/inner/x.wav': 'not ours either' });
    symlinkSync(path.join(s.dir, 'elsewhere/target.wav'), path.join(s.root, 'link.wav'));
    symlinkSync(path.join(s.dir, 'elsewhere/inner'), path.join(s.root, 'linked-folder'));
    const report = await purge(
      s.options({
        manifestFile: writeManifest(s.dir, s.root, [{ path: 'link.wav' }, { path: 'linked-folder/x.wav' }]),
      }),
    );
    expect(kinds(report.results).map(([, k]) => k)).toEqual(['SYMLINK', 'SYMLINK']);
    expect(readFileSync(path.join(s.dir, 'elsewhere/target.wav'), 'utf8')).toBe('not ours');
    expect(readFileSync(path.join(s.dir, 'elsewhere/inner/x.wav'), 'utf8')).toBe('not ours either');
  });

  it('rule 3: a call under an active hold (by call ID or path) is skipped; an expired hold is not', async () => {
    const s = setup();
    const holds = path.join(s.dir, 'holds.csv');
    writeFileSync(
      holds,
      [
        'type,scope,value,reference,reason,until',
        'dsar,call_id,c-1,IP-2026-17,pending access request,',
        'litigation,path,sales/**,VS-1/2026,court case,2099-01-01',
        'dsar,call_id,C-2,IP-2020-01,closed request,2020-01-01',
      ].join('\n'),
    );
    const report = await purge(s.options({ holdsFile: holds }));
    expect(kinds(report.results).map(([, k]) => k)).toEqual(['HELD', 'acted', 'HELD']);
    expect(existsSync(path.join(s.root, ROWS[0]!.path))).toBe(true);
    expect(existsSync(path.join(s.root, ROWS[2]!.path))).toBe(true);
    const skip = readLogLines(s.log)[0]!.skip as { code: string; detail: string };
    expect(skip).toMatchObject({ code: 'HELD' });
    expect(skip.detail).toContain('IP-2026-17');
  });

  it('rule 3: an active customer_id hold cannot be checked, so the whole run is refused', async () => {
    const s = setup();
    const holds = path.join(s.dir, 'holds.csv');
    writeFileSync(holds, 'type,scope,value,reference,reason,until\nlitigation,customer_id,K-9,VS-2,case,\n');
    const before = hashTree(s.root);
    await expect(purge(s.options({ holdsFile: holds }))).rejects.toThrow(/customer_id/);
    expect(hashTree(s.root)).toBe(before);
  });

  it('a file with other hard links is skipped: deleting one name would not delete the recording', async () => {
    const s = setup();
    linkSync(path.join(s.root, ROWS[0]!.path), path.join(s.dir, 'second-name.wav'));
    const report = await purge(s.options());
    expect(kinds(report.results).map(([, k]) => k)).toEqual(['HARD_LINKED', 'acted', 'acted']);
    expect(existsSync(path.join(s.root, ROWS[0]!.path))).toBe(true);
  });

  it('never follows a log that is a symlink into the archive', async () => {
    const s = setup();
    writeFileSync(path.join(s.root, 'inside.ndjson'), '');
    symlinkSync(path.join(s.root, 'inside.ndjson'), s.log);
    await expect(purge(s.options())).rejects.toThrow(/inside the archive root/);
  });

  it('rows of another root of the audit are refused, not resolved against --root', async () => {
    const s = setup();
    const other = path.join(s.dir, 'second-archive');
    writeArchive(other, { [ROWS[0]!.path]: 'same layout, other archive' });
    const report = await purge(
      s.options({
        manifestFile: writeManifest(s.dir, s.root, [ROWS[1]!, { ...ROWS[0]!, root: other }]),
      }),
    );
    expect(kinds(report.results).map(([, k]) => k)).toEqual(['acted', 'OTHER_ROOT']);
    expect(existsSync(path.join(s.root, ROWS[0]!.path))).toBe(true);
    expect(existsSync(path.join(other, ROWS[0]!.path))).toBe(true);
  });

  it('a file already gone is reported as missing, not as deleted', async () => {
    const s = setup();
    rmSync(path.join(s.root, ROWS[1]!.path));
    const report = await purge(s.options());
    expect(kinds(report.results).map(([, k]) => k)).toEqual(['acted', 'MISSING', 'acted']);
  });

  it('rule 4: an invalid manifest is refused whole with a CallauditError (exit 2)', async () => {
    const s = setup();
    writeFileSync(s.manifest, readFileSync(s.manifest, 'utf8').replace(',C-2,', ',,'));
    const before = hashTree(s.root);
    await expect(purge(s.options())).rejects.toBeInstanceOf(CallauditError);
    expect(hashTree(s.root)).toBe(before);
  });

  it('rule 6: a declined confirmation touches nothing', async () => {
    const s = setup();
    const before = hashTree(s.root);
    let asked: unknown;
    const report = await purge(s.options(), {
      confirm: async (plan) => {
        asked = plan;
        return false;
      },
    });
    expect(asked).toEqual({
      files: 3,
      bytes: 9 + 9 + 11,
      mode: 'delete',
      rows: ROWS.map((r) => ({
        path: r.path,
        reason: r.reason ?? 'NON_QUALIFYING_ONLY',
        size: FILES[r.path as keyof typeof FILES].length,
      })),
    });
    expect(report.aborted).toBe(true);
    expect(hashTree(s.root)).toBe(before);
    expect(existsSync(s.log)).toBe(false);
  });
});
