import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/audit/types.js';
import { CallauditError } from '../../src/errors.js';
import { loadAuditDecision } from '../../src/remediation/audit-report.js';
import { bindManifest } from '../../src/remediation/manifest-binding.js';
import { readManifest } from '../../src/remediation/manifest.js';
import { purge, type PurgeOptions } from '../../src/remediation/purge.js';
import { hashTree } from '../support/run-cli.js';
import { reseal, scratch, writeArchive, writeAudit } from './helpers.js';

const FILES = {
  'in_C-1.wav': 'audio one',
  'sub/in_C-2.wav': 'audio two',
  'keep/in_C-9.wav': 'a compliant recording',
};
const ROWS = [
  { path: 'in_C-1.wav', callId: 'C-1' },
  { path: 'sub/in_C-2.wav', callId: 'C-2' },
];

/** The compliant finding the audit also made: in the report, not in the manifest. */
function compliant(root: string): Finding {
  return {
    root,
    path: 'keep/in_C-9.wav',
    callId: 'C-9',
    idSource: 'filename',
    verdict: 'compliant',
    reason: 'QUALIFYING_EVENT',
    message: { code: 'TEXT', args: { text: 'an order' } },
    categories: [],
    events: [],
    legalBasis: [],
    size: FILES['keep/in_C-9.wav'].length,
    mtime: '2026-01-01T00:00:00.000Z',
    format: null,
    codec: null,
    durationSec: null,
    startedAt: null,
    problems: [],
  };
}

function setup({ hash = true } = {}) {
  const s = scratch();
  writeArchive(s.root, FILES);
  const { manifestFile, reportFile } = writeAudit(s.dir, s.root, ROWS, { hash, extra: [compliant(s.root)] });
  const options = (overrides: Partial<PurgeOptions> = {}): PurgeOptions => ({
    manifestFile,
    root: s.root,
    execute: true,
    operator: 'DPO',
    quarantine: null,
    holdsFile: null,
    timezone: 'UTC',
    logFile: s.log,
    resume: false,
    ...overrides,
  });
  return { ...s, manifestFile, reportFile, options };
}

/** The manifest row of `relative`, as text, to copy and edit. */
const rowOf = (manifestFile: string, relative: string) =>
  readFileSync(manifestFile, 'utf8')
    .split('\n')
    .find((line) => line.includes(relative))!;

async function refusedUntouched(s: ReturnType<typeof setup>, options: PurgeOptions, message: RegExp) {
  const before = hashTree(s.root);
  const error = await purge(options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CallauditError);
  expect((error as CallauditError).message).toMatch(message);
  expect(hashTree(s.root)).toBe(before);
  expect(existsSync(s.log)).toBe(false);
}

describe('purge executes only what the audit decided (issue 13, item 1)', () => {
  it('acts on an unedited manifest and its report, and cites the report run ID in the log', async () => {
    const s = setup();
    const report = await purge(s.options());
    expect(report.results.map((r) => r.kind)).toEqual(['acted', 'acted']);
    const runId = JSON.parse(readFileSync(s.reportFile, 'utf8')).runId;
    expect(report.instruction.runId).toBe(runId);
    expect(readFileSync(s.log, 'utf8')).toContain(`"run_id":"${runId}"`);
    expect(readFileSync(path.join(s.root, 'keep/in_C-9.wav'), 'utf8')).toBe(FILES['keep/in_C-9.wav']);
  });

  it('refuses a row added by hand for a compliant recording, with its real facts', async () => {
    const s = setup();
    const stolen = rowOf(s.manifestFile, 'in_C-1.wav')
      .replace('in_C-1.wav', 'keep/in_C-9.wav')
      .replace(',C-1,', ',C-9,');
    writeFileSync(s.manifestFile, `${readFileSync(s.manifestFile, 'utf8')}${stolen}\n`);
    await refusedUntouched(s, s.options(), /not the one its report records/);
    // Resealing the report's record and run ID does not help: the row is not a violation of the report.
    reseal(s.reportFile, s.manifestFile);
    await refusedUntouched(s, s.options(), /keep\/in_C-9\.wav is not a violation of the report/);
  });

  it('refuses a call ID edited to get round a call_id hold (holds see the report, not the manifest)', async () => {
    const s = setup();
    const holds = path.join(s.dir, 'holds.csv');
    writeFileSync(holds, 'type,scope,value,reference,reason,until\nlitigation,call_id,C-1,VS-1,case,\n');
    writeFileSync(s.manifestFile, readFileSync(s.manifestFile, 'utf8').replace(',C-1,', ',C-7,'));
    await refusedUntouched(s, s.options({ holdsFile: holds }), /not the one its report records/);
    reseal(s.reportFile, s.manifestFile);
    await refusedUntouched(s, s.options({ holdsFile: holds }), /call ID of in_C-1\.wav is not the report's/);
  });

  it('refuses a report edited after the audit (a compliant finding turned into a violation)', async () => {
    const s = setup();
    writeFileSync(
      s.reportFile,
      readFileSync(s.reportFile, 'utf8').replace('"verdict": "compliant"', '"verdict": "violation"'),
    );
    await refusedUntouched(s, s.options(), /does not match its run ID/);
  });

  it.each([
    ['size', (row: string) => row.replace(',9,', ',10,')],
    ['reason', (row: string) => row.replace('NON_QUALIFYING_ONLY', 'NO_CALL_LOG_ENTRY')],
    ['SHA-256', (row: string) => row.replace(/,[0-9a-f]{64},/, `,${'e'.repeat(64)},`)],
  ])('refuses a row whose %s differs from the report, even with a resealed record', async (what, edit) => {
    const s = setup();
    const row = rowOf(s.manifestFile, 'in_C-1.wav');
    writeFileSync(s.manifestFile, readFileSync(s.manifestFile, 'utf8').replace(row, edit(row)));
    reseal(s.reportFile, s.manifestFile);
    await refusedUntouched(s, s.options(), new RegExp(`${what} of in_C-1\\.wav is not the report's`));
  });

  it('refuses a manifest without its report, naming --report', async () => {
    const s = setup();
    await refusedUntouched(
      s,
      s.options({ reportFile: path.join(s.dir, 'elsewhere.json') }),
      /cannot read the audit report/,
    );
  });

  it('refuses the root column and --root both pointed at another folder with the same layout', async () => {
    const s = setup();
    const copy = path.join(s.dir, 'copy');
    cpSync(s.root, copy, { recursive: true, preserveTimestamps: true });
    const before = hashTree(copy);
    writeFileSync(s.manifestFile, readFileSync(s.manifestFile, 'utf8').replaceAll(`${s.root},`, `${copy},`));
    reseal(s.reportFile, s.manifestFile);
    await expect(purge(s.options({ root: copy }))).rejects.toThrow(
      /root of in_C-1\.wav is not an archive root/,
    );
    expect(hashTree(copy)).toBe(before);
  });
});

describe('purge acts only on the root the audit read, by device and inode (item 2)', () => {
  it('refuses --root naming a copy of the archive (the same layout elsewhere)', async () => {
    const s = setup();
    const copy = path.join(s.dir, 'copy');
    cpSync(s.root, copy, { recursive: true, preserveTimestamps: true });
    const before = hashTree(copy);
    await expect(purge(s.options({ root: copy }))).rejects.toThrow(/is not an archive root of the audit/);
    expect(hashTree(copy)).toBe(before);
  });

  it('accepts the same folder reached another way (a symlink to the root)', async () => {
    const s = setup();
    const alias = path.join(s.dir, 'alias');
    symlinkSync(s.root, alias);
    const report = await purge(s.options({ root: alias, execute: false }));
    expect(report.results.map((r) => r.kind)).toEqual(['planned', 'planned']);
  });
});

describe('an unhashed manifest (item 3)', () => {
  it('is refused by --execute and by the dry run, unless --allow-unhashed', async () => {
    const s = setup({ hash: false });
    await refusedUntouched(s, s.options(), /have no SHA-256/);
    await refusedUntouched(s, s.options({ execute: false }), /have no SHA-256/);
    const report = await purge(s.options({ allowUnhashed: true }));
    expect(report.results.map((r) => r.kind)).toEqual(['acted', 'acted']);
  });
});

describe('an S3 row is executed only for the object version the report judged', () => {
  const BUCKET_ROOT = 's3://recordings/archive';
  const S3_ROWS = [
    { path: 'a/in_C-1.wav', callId: 'C-1', object: { versionId: 'v-one', etag: 'etag-one' } },
    { path: 'b/in_C-2.wav', callId: 'C-2', object: { versionId: null, etag: 'etag-two' } },
  ];
  const bound = (manifestFile: string, reportFile: string) =>
    bindManifest(readManifest(manifestFile), loadAuditDecision(reportFile));

  function bucketAudit() {
    const { dir } = scratch();
    return writeAudit(dir, BUCKET_ROOT, S3_ROWS, { hash: false });
  }

  it('binds an unedited manifest of a bucket to its report', () => {
    const { manifestFile, reportFile } = bucketAudit();
    expect(bound(manifestFile, reportFile).runId).toBe(JSON.parse(readFileSync(reportFile, 'utf8')).runId);
  });

  it.each([
    ['object version ID', (row: string) => row.replace(',v-one,', ',v-older,')],
    ['object ETag', (row: string) => row.replace(',etag-one', ',etag-older')],
  ])('refuses a row whose %s differs from the report, even with a resealed record', (what, edit) => {
    const { manifestFile, reportFile } = bucketAudit();
    const row = rowOf(manifestFile, 'a/in_C-1.wav');
    writeFileSync(manifestFile, readFileSync(manifestFile, 'utf8').replace(row, edit(row)));
    reseal(reportFile, manifestFile);
    expect(() => bound(manifestFile, reportFile)).toThrow(
      new RegExp(`${what} of a/in_C-1\\.wav is not the report's`),
    );
  });

  it('refuses a version ID given to an object the audit read from an unversioned bucket', () => {
    const { manifestFile, reportFile } = bucketAudit();
    const row = rowOf(manifestFile, 'b/in_C-2.wav');
    writeFileSync(
      manifestFile,
      readFileSync(manifestFile, 'utf8').replace(row, row.replace(',,etag-two', ',v-x,etag-two')),
    );
    reseal(reportFile, manifestFile);
    expect(() => bound(manifestFile, reportFile)).toThrow(/object version ID of b\/in_C-2\.wav/);
  });

  it('refuses a row whose key points at another object, even with a resealed record', () => {
    const { manifestFile, reportFile } = bucketAudit();
    const row = rowOf(manifestFile, 'a/in_C-1.wav');
    writeFileSync(
      manifestFile,
      readFileSync(manifestFile, 'utf8').replace(
        row,
        row.replace(',archive/a/in_C-1.wav,', ',archive/keep/in_C-9.wav,'),
      ),
    );
    reseal(reportFile, manifestFile);
    expect(() => bound(manifestFile, reportFile)).toThrow(/object key of a\/in_C-1\.wav is not the key/);
  });
});
