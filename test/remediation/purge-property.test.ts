import { createHash } from 'node:crypto';
import {
  existsSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/audit/types.js';
import { loadAuditDecision } from '../../src/remediation/audit-report.js';
import { bindManifest } from '../../src/remediation/manifest-binding.js';
import { readManifest } from '../../src/remediation/manifest.js';
import { purge } from '../../src/remediation/purge.js';
import { reseal, scratch, writeArchive, writeAudit } from './helpers.js';

const NAMES = ['in_C-1.wav', 'a/in_C-2.wav', 'a/b/in_C-3.mp3', 'b/in_C-4.wav', '=in_C-5.wav', 'a/in_C-6.ogg'];
const VERDICTS: Array<Finding['verdict']> = ['violation', 'compliant', 'review', 'hold'];

const archive = fc.uniqueArray(
  fc.record({
    name: fc.constantFrom(...NAMES),
    verdict: fc.constantFrom(...VERDICTS),
    content: fc.string({ minLength: 1, maxLength: 12 }),
  }),
  { minLength: 1, maxLength: NAMES.length, selector: (file) => file.name },
);

/** What a careless or hostile editor does to the manifest (row indexes are taken modulo the rows). */
const manifestEdit = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), name: fc.constantFrom(...NAMES), at: fc.nat() }),
  fc.record({ kind: fc.constant('callId' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('path' as const), name: fc.constantFrom(...NAMES), at: fc.nat() }),
);
/** And to the report: a verdict changed to violation, or another field. */
const reportEdit = fc.oneof(
  fc.record({ kind: fc.constant('verdict' as const), name: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant('none' as const) }),
);

/** What the audit knew of each file: an editor who adds a row copies these real facts. */
interface Facts {
  callId: string;
  size: number;
  mtime: string;
  sha256: string;
}

function editManifest(
  text: string,
  edits: ReadonlyArray<EditOf<typeof manifestEdit>>,
  facts: ReadonlyMap<string, Facts>,
): string {
  const [header, ...rows] = text.trimEnd().split('\n');
  for (const edit of edits) {
    if (rows.length === 0) break;
    const at = edit.at % rows.length;
    const row = rows[at]!;
    const cells = row.split(',');
    if (edit.kind === 'remove') rows.splice(at, 1);
    if (edit.kind === 'duplicate') rows.push(row);
    if (edit.kind === 'callId') rows[at] = row.replace(`,${cells[6]},`, `,${cells[6]}X,`);
    // A row for another file, keeping the rest of the row (an added row or a changed path).
    const retarget = () => {
      const name = (edit as { name: string }).name;
      const real = facts.get(name);
      const cell = name.startsWith('=') ? `'${name}` : name;
      if (!real) return [...cells.slice(0, 5), cell, ...cells.slice(6)].join(',');
      return [
        ...cells.slice(0, 5),
        cell,
        real.callId,
        cells[7],
        real.size,
        real.mtime,
        real.sha256,
        ...cells.slice(11),
      ].join(',');
    };
    if (edit.kind === 'add') rows.push(retarget());
    if (edit.kind === 'path') rows[at] = retarget();
  }
  return `${[header, ...rows].join('\n')}\n`;
}
type EditOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

/**
 * What else may be true of the disk: --root given through a symbolic link (the same folder), --root
 * naming a copy of the archive (same names, bytes and mtimes: only the root's device and inode tell
 * it apart), or the folder `a` swapped for a symbolic link into that copy after the audit.
 */
const twist = fc.constantFrom('none', 'root-via-link', 'other-root', 'parent-link');

/** Independent of the code under test: does report.json hash to its run ID? */
function reportVerifies(text: string): boolean {
  const { runId } = JSON.parse(text) as { runId: string };
  const zeroed = text.replace(`"runId": "${runId}"`, `"runId": "${'0'.repeat(32)}"`);
  return createHash('sha256').update(zeroed).digest('hex').slice(0, 32) === runId;
}

interface Scenario {
  files: ReadonlyArray<{ name: string; verdict: Finding['verdict']; content: string }>;
  manifestEdits: ReadonlyArray<EditOf<typeof manifestEdit>>;
  reportChange: EditOf<typeof reportEdit>;
  resealed: boolean;
  disk: EditOf<typeof twist>;
  quarantined: boolean;
}

/** Audits, edits, twists the disk, purges, and checks that only the report's violations left the root. */
async function purgeOnlyTouchesViolations({
  files,
  manifestEdits,
  reportChange,
  resealed,
  disk,
  quarantined,
}: Scenario): Promise<void> {
  const s = scratch();
  writeArchive(s.root, Object.fromEntries(files.map((f) => [f.name, f.content])));
  const { manifestFile, reportFile } = writeAudit(
    s.dir,
    s.root,
    files.map((f, i) => ({ path: f.name, verdict: f.verdict, callId: `C-${i}` })),
  );
  const facts = new Map(
    files.map((f, i) => {
      const file = path.join(s.root, f.name);
      const bytes = readFileSync(file);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return [
        f.name,
        { callId: `C-${i}`, size: bytes.length, mtime: statSync(file).mtime.toISOString(), sha256 },
      ];
    }),
  );
  writeFileSync(manifestFile, editManifest(readFileSync(manifestFile, 'utf8'), manifestEdits, facts));
  if (reportChange.kind === 'verdict') {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    const finding = report.recordings.find((r: { path: string }) => r.path === reportChange.name);
    if (finding) finding.verdict = 'violation';
    writeFileSync(reportFile, JSON.stringify({ ...report }, null, 2));
  }
  if (resealed) reseal(reportFile, manifestFile);

  // The copy no purge may touch, indistinguishable from the archive but for its identity.
  const copy = path.join(s.dir, 'copy');
  writeArchive(copy, Object.fromEntries(files.map((f) => [f.name, f.content])));
  for (const f of files) {
    const { atime, mtime } = statSync(path.join(s.root, f.name));
    utimesSync(path.join(copy, f.name), atime, mtime);
  }
  const untouchable = files.map((f) => ({ file: path.join(copy, f.name), content: f.content }));
  let root = s.root;
  if (disk === 'root-via-link') {
    root = path.join(s.dir, 'root-link');
    symlinkSync(s.root, root);
  }
  if (disk === 'other-root') root = copy;
  const swapped = disk === 'parent-link' && files.some((f) => f.name.startsWith('a/'));
  if (swapped) {
    renameSync(path.join(s.root, 'a'), path.join(s.dir, 'moved-a'));
    symlinkSync(path.join(copy, 'a'), path.join(s.root, 'a'));
    for (const f of files.filter((f) => f.name.startsWith('a/')))
      untouchable.push({ file: path.join(s.dir, 'moved-a', f.name.slice(2)), content: f.content });
  }

  await purge({
    manifestFile,
    root,
    execute: true,
    operator: 'property',
    quarantine: quarantined ? path.join(s.dir, 'quarantine') : null,
    holdsFile: null,
    timezone: 'UTC',
    logFile: s.log,
    resume: false,
  }).catch(() => null);

  const given = readFileSync(reportFile, 'utf8');
  const violations = reportVerifies(given)
    ? new Set(
        (JSON.parse(given).recordings as Array<{ path: string; verdict: string }>)
          .filter((r) => r.verdict === 'violation')
          .map((r) => r.path),
      )
    : new Set<string>();
  for (const file of files) {
    if (swapped && file.name.startsWith('a/')) continue; // checked as `untouchable`
    const gone = !existsSync(path.join(s.root, file.name));
    if (gone) expect(violations, `${file.name} was deleted`).toContain(file.name);
    if (gone) expect(disk, `${file.name} was deleted through another root`).not.toBe('other-root');
    else expect(readFileSync(path.join(s.root, file.name), 'utf8')).toBe(file.content);
  }
  for (const { file, content } of untouchable)
    expect(readFileSync(file, 'utf8'), `${file} outside the audited root`).toBe(content);
}

describe('purge never deletes a file that is not a violation finding of the report it was given', () => {
  it('holds for random archives, verdicts, manifest edits and report edits, resealed or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          files: archive,
          manifestEdits: fc.array(manifestEdit, { maxLength: 3 }),
          reportChange: reportEdit,
          resealed: fc.boolean(),
          disk: twist,
          quarantined: fc.boolean(),
        }),
        purgeOnlyTouchesViolations,
      ),
      { numRuns: 60 },
    );
  });

  it('holds for an unedited audit when --root is a link, a copy of the archive, or a folder became a link', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          files: archive,
          manifestEdits: fc.constant([]),
          reportChange: fc.constant({ kind: 'none' as const }),
          resealed: fc.constant(false),
          disk: fc.constantFrom('root-via-link' as const, 'other-root' as const, 'parent-link' as const),
          quarantined: fc.boolean(),
        }),
        purgeOnlyTouchesViolations,
      ),
      { numRuns: 40 },
    );
  });
});

/** An object of a bucket as the audit read it; the editor picks from the same few versions and ETags. */
const VERSION_IDS = [null, 'v-1', 'v-2'];
const ETAGS = ['etag-a', 'etag-b'];
const bucketArchive = fc.uniqueArray(
  fc.record({
    name: fc.constantFrom(...NAMES.filter((name) => !name.startsWith('='))),
    verdict: fc.constantFrom(...VERDICTS),
    versionId: fc.constantFrom(...VERSION_IDS),
    etag: fc.constantFrom(...ETAGS),
  }),
  { minLength: 1, maxLength: NAMES.length - 1, selector: (file) => file.name },
);
/** Edits of a row's object cells: its key (to another name's), its version ID or its ETag. */
const objectEdit = fc.oneof(
  fc.record({ cell: fc.constant(14), value: fc.constantFrom(...NAMES.map((name) => `archive/${name}`)) }),
  fc.record({ cell: fc.constant(15), value: fc.constantFrom(...VERSION_IDS.map((v) => v ?? '')) }),
  fc.record({ cell: fc.constant(16), value: fc.constantFrom(...ETAGS) }),
);

describe('an S3 manifest binds only where each row names the object version the report judged', () => {
  it('holds for random buckets, verdicts and object-cell edits, resealed or not', () => {
    fc.assert(
      fc.property(
        bucketArchive,
        fc.array(fc.record({ at: fc.nat(), edit: objectEdit }), { maxLength: 3 }),
        fc.boolean(),
        (files, edits, resealed) => {
          const { dir } = scratch();
          const { manifestFile, reportFile } = writeAudit(
            dir,
            's3://recordings/archive',
            files.map((f, i) => ({
              path: f.name,
              verdict: f.verdict,
              callId: `C-${i}`,
              object: { versionId: f.versionId, etag: f.etag },
            })),
            { hash: false },
          );
          const [header, ...rows] = readFileSync(manifestFile, 'utf8').trimEnd().split('\n');
          for (const { at, edit } of edits) {
            if (rows.length === 0) break;
            const cells = rows[at % rows.length]!.split(',');
            cells[edit.cell] = edit.value;
            rows[at % rows.length] = cells.join(',');
          }
          writeFileSync(manifestFile, `${[header, ...rows].join('\n')}\n`);
          if (resealed) reseal(reportFile, manifestFile);

          let manifest: ReturnType<typeof readManifest>;
          try {
            manifest = readManifest(manifestFile);
            bindManifest(manifest, loadAuditDecision(reportFile));
          } catch {
            return;
          }
          const judged = new Map(files.map((f) => [f.name, f]));
          for (const row of manifest.rows) {
            const file = judged.get(row.path);
            expect(file?.verdict, `${row.path} is bound`).toBe('violation');
            expect(row.object).toEqual({
              bucket: 'recordings',
              key: `archive/${row.path}`,
              versionId: file!.versionId,
              etag: file!.etag,
              size: row.size,
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
