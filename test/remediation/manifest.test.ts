import { realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallauditError } from '../../src/errors.js';
import { readManifest } from '../../src/remediation/manifest.js';
import { MANIFEST_HEADER } from '../../src/report/deletion-manifest.js';
import { manifestText, scratch, writeArchive } from './helpers.js';

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
  it("reads a manifest the audit wrote: rows, lines, the root's identity and the policy", () => {
    const manifest = readText(good)();
    expect(manifest.rows.map((r) => [r.line, r.path, r.callId])).toEqual([
      [2, 'a/in_C-1.wav', 'C-1'],
      [3, 'b/in_C-2.wav', 'C-2'],
    ]);
    expect(manifest.rows[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stats = statSync(root, { bigint: true });
    expect(manifest.rows[0]).toMatchObject({
      root,
      rootRealPath: realpathSync(root),
      rootDevice: stats.dev.toString(),
      rootInode: stats.ino.toString(),
    });
    expect(manifest).toMatchObject({ policyId: 'si-ip-akos', policyVersion: '1.0.0' });
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('neutralises formula cells for spreadsheets and reads them back as the audit saw them', () => {
    const names = ['=HYPERLINK("x").wav', '+386.wav', '-1.wav', '@SUM.wav', "'quoted.wav", '\ttab.wav'];
    const text = manifestText(
      root,
      names.map((name, i) => ({ path: name, callId: i === 0 ? '=1+1' : `C-${i}` })),
    );
    for (const line of text.trimEnd().split('\n').slice(1)) {
      const cells = line.split(',');
      expect(cells[5]!.replace(/^"/, '')).toMatch(/^'/);
    }
    expect(text).toContain(",'=1+1,");
    const manifest = readText(text)();
    expect(manifest.rows.map((r) => r.path)).toEqual(names);
    expect(manifest.rows[0]!.callId).toBe('=1+1');
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
    ['a root written with a trailing slash', `${header}\n${first}\n${swapCell(first, 1, `${root}/`)}\n`],
    [
      'a relative and an absolute root',
      `${header}\n${first}\n${swapCell(first, 1, path.relative(process.cwd(), root))}\n`,
    ],
  ])('catches the same file listed twice under %s', (_name, text) => refused(text, /listed twice/));

  it.each([
    ['a wrong header', `root,path\n${first}\n`, /not a callaudit deletion manifest/],
    [
      'the version-1 header',
      `${header.split(',').slice(0, 8).join(',')}\n`,
      /header is not the one this version writes/,
    ],
    ['a header saved by Excel (BOM)', `\uFEFF${good}`, /wrong header/],
    ['an unknown schema version', `${header}\n${swapCell(first, 0, '2')}\n`, /unknown manifest version "2"/],
    ['a row without call ID', `${header}\n${swapCell(first, 6, '')}\n`, /no call ID/],
    ['a row without reason', `${header}\n${swapCell(first, 7, '')}\n`, /no reason code/],
    ['a row without root', `${header}\n${swapCell(first, 1, '')}\n`, /no root/],
    ["a row without the root's real path", `${header}\n${swapCell(first, 2, 'archive')}\n`, /no real path/],
    ["a row without the root's inode", `${header}\n${swapCell(first, 4, '')}\n`, /device and inode/],
    ['a row with a bad size', `${header}\n${swapCell(first, 8, '12kB')}\n`, /not a whole number/],
    [
      'a row with a local mtime',
      `${header}\n${swapCell(first, 9, '2026-10-01 10:00')}\n`,
      /not an ISO 8601 UTC/,
    ],
    ['a row with a bad hash', `${header}\n${swapCell(first, 10, 'abc')}\n`, /not 64 lower-case hex/],
    [
      'a row with a missing column',
      `${header}\n${first.split(',').slice(0, -1).join(',')}\n`,
      new RegExp(`has ${MANIFEST_HEADER.length - 1} columns`),
    ],
    ['rows of two policies', `${header}\n${first}\n${swapCell(second, 12, '0.9.0')}\n`, /different policies/],
    ['the same file twice', `${header}\n${first}\n${first}\n`, /listed twice/],
  ])('refuses %s as a whole', (_name, text, message) => refused(text, message));

  /** The first row as the audit writes a row of an s3:// root: no device or inode, the object's key, version and ETag. */
  const s3Row = (cells: Record<number, string> = {}) =>
    Object.entries({
      1: 's3://recordings/archive',
      2: 's3://recordings/archive',
      3: 's3',
      4: '',
      14: 'archive/a/in_C-1.wav',
      15: 'v1',
      16: 'etag-0a5f',
      ...cells,
    }).reduce((line, [index, value]) => swapCell(line, Number(index), value), first);

  it('reads the object of a row of an s3:// root, and refuses an S3 row without its ETag or a local row naming an object', () => {
    const manifest = readText(`${header}\n${s3Row()}\n`)();
    expect(manifest.rows[0]!.object).toEqual({
      bucket: 'recordings',
      key: 'archive/a/in_C-1.wav',
      versionId: 'v1',
      etag: 'etag-0a5f',
      size: manifest.rows[0]!.size,
    });
    expect(readText(good)().rows[0]!.object).toBeNull();
    refused(`${header}\n${s3Row({ 16: '' })}\n`, /no object key or ETag/);
    refused(`${header}\n${s3Row({ 3: '12' })}\n`, /no root identity of its bucket/);
    refused(`${header}\n${swapCell(first, 14, 'a/in_C-1.wav')}\n`, /a local row names an S3 object/);
    refused(`${header}\n${s3Row()}\n${s3Row()}\n`, /listed twice/);
  });

  it.each([
    ['another key under the root', 'archive/b/in_C-2.wav'],
    ['the same path under another prefix', 'elsewhere/a/in_C-1.wav'],
    ['the path without the root prefix', 'a/in_C-1.wav'],
  ])('refuses an S3 row whose object key is %s (the key is the root prefix and the path)', (_name, key) =>
    refused(`${header}\n${s3Row({ 14: key })}\n`, /object key of a\/in_C-1\.wav is not the key of that path/),
  );

  it('reads the key of a row of a whole bucket (no prefix)', () => {
    const row = s3Row({ 1: 's3://recordings', 2: 's3://recordings', 14: 'a/in_C-1.wav' });
    expect(readText(`${header}\n${row}\n`)().rows[0]!.object!.key).toBe('a/in_C-1.wav');
  });

  it('names the manifest line of the bad row', () => {
    const read = readText(`${header}\n${first}\n${swapCell(second, 6, '')}\n`);
    expect(read).toThrow(expect.objectContaining({ line: 3 }));
  });
});
