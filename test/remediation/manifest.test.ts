import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallauditError } from '../../src/errors.js';
import { readManifest } from '../../src/remediation/manifest.js';
import { manifestText, RUN_ID, scratch, writeArchive } from './helpers.js';

const { dir, root } = scratch();
writeArchive(root, { 'a/in_C-1.wav': 'one', 'b/in_C-2.wav': 'two' });
const good = manifestText(root, [{ path: 'a/in_C-1.wav' }, { path: 'b/in_C-2.wav' }]);

function readText(text: string) {
  const file = path.join(dir, `m-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, text);
  return () => readManifest(file);
}

function refused(text: string, message: RegExp) {
  const read = readText(text);
  expect(read).toThrow(CallauditError);
  try {
    read();
  } catch (error) {
    expect((error as CallauditError).code).toBe('MANIFEST_INVALID');
    expect((error as CallauditError).message).toMatch(message);
    expect((error as CallauditError).message).toContain('the whole manifest is refused');
  }
}

describe('reading a deletion manifest', () => {
  it('reads a manifest the audit wrote: rows, lines, and the instruction it carries', () => {
    const manifest = readText(good)();
    expect(manifest.rows.map((r) => [r.line, r.path, r.callId])).toEqual([
      [2, 'a/in_C-1.wav', 'C-1'],
      [3, 'b/in_C-2.wav', 'C-2'],
    ]);
    expect(manifest.rows[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.instruction).toMatchObject({
      runId: RUN_ID,
      policyId: 'si-ip-akos',
      policyVersion: '1.0.0',
    });
    expect(manifest.instruction.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a manifest without hashes (audit without --hash)', () => {
    const manifest = readText(manifestText(root, [{ path: 'a/in_C-1.wav' }], { hash: false }))();
    expect(manifest.rows[0]!.sha256).toBeNull();
  });

  const [header, first, second] = good.trimEnd().split('\n') as [string, string, string];
  const swapCell = (line: string, index: number, value: string) => {
    const cells = line.split(',');
    cells[index] = value;
    return cells.join(',');
  };

  it.each([
    ['a wrong header', `root,path\n${first}\n`, /not a callaudit deletion manifest/],
    [
      'the version-1 header',
      `${header.split(',').slice(0, 8).join(',')}\n`,
      /header is not the one this version writes/,
    ],
    ['a header saved by Excel (BOM)', `\uFEFF${good}`, /wrong header/],
    ['an unknown schema version', `${header}\n${swapCell(first, 0, '3')}\n`, /unknown manifest version "3"/],
    ['a row without call ID', `${header}\n${swapCell(first, 3, '')}\n`, /no call ID/],
    ['a row without reason', `${header}\n${swapCell(first, 4, '')}\n`, /no reason code/],
    ['a row without root', `${header}\n${swapCell(first, 1, '')}\n`, /no root/],
    ['a row with a bad size', `${header}\n${swapCell(first, 5, '12kB')}\n`, /not a whole number/],
    [
      'a row with a local mtime',
      `${header}\n${swapCell(first, 6, '2026-10-01 10:00')}\n`,
      /not an ISO 8601 UTC/,
    ],
    ['a row with a bad hash', `${header}\n${swapCell(first, 7, 'abc')}\n`, /not 64 lower-case hex/],
    [
      'a row with a missing column',
      `${header}\n${first.split(',').slice(0, -1).join(',')}\n`,
      /has 11 columns/,
    ],
    [
      'rows of two audit runs',
      `${header}\n${first}\n${swapCell(second, 8, 'b'.repeat(32))}\n`,
      /different audit runs/,
    ],
    ['the same file twice', `${header}\n${first}\n${first}\n`, /listed twice/],
  ])('refuses %s as a whole', (_name, text, message) => refused(text, message));

  it('names the manifest line of the bad row', () => {
    const read = readText(`${header}\n${first}\n${swapCell(second, 3, '')}\n`);
    expect(read).toThrow(expect.objectContaining({ line: 3 }));
  });
});
