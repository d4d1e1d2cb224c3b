import { describe, expect, it } from 'vitest';
import { PREVIEW_PATHS, purgePreview } from '../../src/cli/purge-preview.js';

const rows = Array.from({ length: 25 }, (_, i) => ({
  path: `2026/10/${String(i + 1).padStart(2, '0')}/in_C-${i + 1}.wav`,
  reason: i < 15 ? 'NON_QUALIFYING_ONLY' : 'NO_CALL_LOG_ENTRY',
  size: 2048,
}));
const where = { manifest: 'audit/deletion-manifest.csv', root: 'recordings', quarantine: null };

describe('purgePreview: what purge --execute shows before it asks', () => {
  const text = purgePreview({ files: 25, bytes: 25 * 2048, mode: 'delete', rows }, where);

  it('says what, how many and how large, per reason', () => {
    expect(text).toContain('purge --execute will irreversibly delete 25 file(s), 50.0 kB, from recordings:');
    expect(text).toContain('  NO_CALL_LOG_ENTRY    10 file(s), 20.0 kB');
    expect(text).toContain('  NON_QUALIFYING_ONLY  15 file(s), 30.0 kB');
  });

  it('lists the first 20 paths and says where the full list is', () => {
    expect(PREVIEW_PATHS).toBe(20);
    expect(text).toContain('the first 20 of 25:');
    expect(text).toContain(`  ${rows[19]!.path}\n`);
    expect(text).not.toContain(rows[20]!.path);
    expect(text).toContain('the full list: audit/deletion-manifest.csv');
  });

  it('names the quarantine, and lists every path when there are few', () => {
    const few = purgePreview(
      { files: 2, bytes: 4096, mode: 'quarantine', rows: rows.slice(0, 2) },
      { ...where, quarantine: 'q' },
    );
    expect(few).toContain('will move to the quarantine q 2 file(s)');
    expect(few).toContain('the files:\n');
    expect(few).toContain(rows[1]!.path);
  });

  it('says how many other versions and delete markers of S3 keys go too, in total and per key', () => {
    const objects = [
      { path: 'a/in_C-1.wav', reason: 'NON_QUALIFYING_ONLY', size: 2048, otherVersions: 2 },
      { path: 'a/in_C-2.wav', reason: 'NON_QUALIFYING_ONLY', size: 2048, otherVersions: 0 },
      { path: 'a/in_C-3.wav', reason: 'NON_QUALIFYING_ONLY', size: 2048, otherVersions: 1 },
    ];
    const s3 = purgePreview(
      { files: 3, bytes: 3 * 2048, mode: 'delete', rows: objects },
      { ...where, root: 's3://recordings/a' },
    );
    expect(s3).toContain(
      'will irreversibly delete 3 file(s), 6.0 kB, and 3 other version(s)/delete marker(s) of their keys, from s3://recordings/a:',
    );
    expect(s3).toContain('  a/in_C-1.wav (and 2 other version(s)/delete marker(s))\n');
    expect(s3).toContain('  a/in_C-2.wav\n');
    expect(s3).toContain('  a/in_C-3.wav (and 1 other version(s)/delete marker(s))\n');
    expect(text).not.toContain('other version');
  });
});
