import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
  cpSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli, stderrBeyondSummary } from '../support/run-cli.js';
import { orSkipped } from '../support/skip-reason.js';

const GOLDEN = path.join(REPO, 'test/golden');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-reports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the demo whose files all have one modification time, as a checkout at that time would. */
function demoCopy(folder: string, mtime: Date): void {
  cpSync(path.join(REPO, 'fixtures/demo'), path.join(tmp, folder), { recursive: true });
  for (const entry of readdirSync(path.join(tmp, folder), { recursive: true }))
    utimesSync(path.join(tmp, folder, String(entry)), mtime, mtime);
}
demoCopy('demo', new Date('2026-10-08T12:00:00.000Z'));

// As `npm run demo`: the call's time from the file name, so no report depends on the checkout's mtimes.
const DEMO_TIME_FLAGS = [
  '--id-pattern',
  String.raw`[_ ](?<date>\d{8})-(?<time>\d{4})(?:_(?<id>[A-Z0-9-]+))?\.\w+$`,
  '--name-time',
  'yyyyMMdd HHmm',
];
const auditOf = (demo: string, out: string, ...extra: string[]) =>
  runCli(
    [
      'audit',
      `${demo}/recordings`,
      '--crm',
      `${demo}/crm/calls.csv`,
      ...DEMO_TIME_FLAGS,
      '--now',
      '2026-11-28T12:00:00Z',
      '--out',
      out,
      ...extra,
    ],
    tmp,
  );
const audit = (out: string, ...extra: string[]) => auditOf('demo', out, ...extra);

/**
 * File mtimes depend on the checkout, the version on the release, the root's real path, device and
 * inode on the machine (and so do the manifest's hash and the run ID, which cover them): none
 * belongs in a golden file.
 */
function normalise(text: string): string {
  return text
    .replace(/"realPath": "[^"]+"/g, '"realPath": "/machine/demo/recordings"')
    .replace(/"(device|inode)": "\d+"/g, '"$1": "0"')
    .replace(/^(\d+,[^,\n]*),[^,\n]*,\d+,\d+,/gm, '$1,/machine/demo/recordings,0,0,')
    .replace(/"runId": "[0-9a-f]{32}"/, `"runId": "${'f'.repeat(32)}"`)
    .replace(/("deletionManifest": \{\s*"sha256": ")[0-9a-f]{64}/, `$1${'f'.repeat(64)}`)
    .replace(/"mtime": "[^"]+"/g, '"mtime": "2026-10-01T00:00:00.000Z"')
    .replace(/,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,/g, ',2026-10-01T00:00:00.000Z,')
    .replace(/"version": "\d+\.\d+\.\d+"(?=\s*\},\s*"generatedAt")/, '"version": "0.0.0"');
}

function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual, `${name} differs from test/golden; rerun with UPDATE_GOLDEN=1 if intended`).toBe(
    readFileSync(file, 'utf8'),
  );
}

describe('every report format on the demo archive', () => {
  const out = path.join(tmp, 'all');
  const run = audit(out, '--format', 'json,csv,manifest,html,md,junit', '--lang', 'en');

  it('writes all six formats in one run', () => {
    expect(stderrBeyondSummary(run)).toBe('');
    expect(readdirSync(out).sort()).toEqual(
      [
        'deletion-manifest.csv',
        'findings.csv',
        'junit.xml',
        'report.html',
        'report.json',
        'summary.md',
      ].sort(),
    );
  });

  it('matches the golden json, csv and manifest (mtimes normalised)', () => {
    expectGolden('report.json', normalise(readFileSync(path.join(out, 'report.json'), 'utf8')));
    expectGolden('findings.csv', readFileSync(path.join(out, 'findings.csv'), 'utf8'));
    expectGolden(
      'deletion-manifest.csv',
      normalise(readFileSync(path.join(out, 'deletion-manifest.csv'), 'utf8')),
    );
  });

  it('does not depend on the checkout: every file touched now gives the golden reports', () => {
    demoCopy('demo-touched', new Date());
    const touched = path.join(tmp, 'touched');
    const run = auditOf('demo-touched', touched, '--format', 'json,csv,manifest,html,md', '--lang', 'en');
    expect(run.status, run.stderr).toBe(1);
    const sameRoot = (text: string) => text.replaceAll('demo-touched/', 'demo/');
    const json = JSON.parse(readFileSync(path.join(touched, 'report.json'), 'utf8'));
    expect(Object.values(json.engine.recordingTime)).toEqual([30]);
    expect(json.engine.recordingTime.filename).toBe(30);
    expectGolden('report.json', sameRoot(normalise(readFileSync(path.join(touched, 'report.json'), 'utf8'))));
    expectGolden('findings.csv', sameRoot(readFileSync(path.join(touched, 'findings.csv'), 'utf8')));
    expectGolden(
      'deletion-manifest.csv',
      sameRoot(normalise(readFileSync(path.join(touched, 'deletion-manifest.csv'), 'utf8'))),
    );
    // HTML and Markdown carry no modification time: apart from the run ID and the manifest's hash (its
    // rows record each file's mtime for purge to check) they equal the fixed-mtime run's.
    const comparable = (dir: string, file: string) =>
      sameRoot(readFileSync(path.join(dir, file), 'utf8').replaceAll(dir, '<out>'))
        .replace(/[0-9a-f]{32}/g, '<run>')
        .replace(/[0-9a-f]{16}…/g, '<manifest hash>');
    for (const file of ['report.html', 'summary.md'])
      expect(comparable(touched, file), file).toBe(comparable(out, file));
  });

  it('renders the golden report.json into the golden html, md and junit', () => {
    const rendered = path.join(tmp, 'rendered');
    const render = runCli([
      'render',
      path.join(GOLDEN, 'report.json'),
      '--format',
      'html,md,junit,json',
      '--out',
      rendered,
      '--lang',
      'en',
    ]);
    expect(stderrBeyondSummary(render)).toBe('');
    expect(render.status).toBe(0);
    const md = readFileSync(path.join(rendered, 'summary.md'), 'utf8').replace(rendered, '<out>');
    expectGolden('report.html', readFileSync(path.join(rendered, 'report.html'), 'utf8'));
    expectGolden('summary.md', md);
    expectGolden('junit.xml', readFileSync(path.join(rendered, 'junit.xml'), 'utf8'));
    // JSON is lossless: re-rendering it gives the same bytes.
    expect(readFileSync(path.join(rendered, 'report.json'), 'utf8')).toBe(
      readFileSync(path.join(GOLDEN, 'report.json'), 'utf8'),
    );
  });

  it('renders the golden report.json into the golden Slovenian html and md', () => {
    const rendered = path.join(tmp, 'rendered-sl');
    const render = runCli([
      'render',
      path.join(GOLDEN, 'report.json'),
      '--format',
      'html,md',
      '--out',
      rendered,
      '--lang',
      'sl',
    ]);
    expect(stderrBeyondSummary(render)).toBe('');
    expect(render.status).toBe(0);
    const md = readFileSync(path.join(rendered, 'summary.md'), 'utf8').replace(rendered, '<out>');
    expectGolden('report.sl.html', readFileSync(path.join(rendered, 'report.html'), 'utf8'));
    expectGolden('summary.sl.md', md);
  });

  it('says in report.json and findings.csv that they hold personal data', () => {
    const json = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(Object.keys(json)[0]).toBe('notice');
    expect(json.notice).toMatch(/personal data/);
    const header = readFileSync(path.join(out, 'findings.csv'), 'utf8').split('\r\n')[0];
    expect(header!.endsWith(',personal_data')).toBe(true);
  });

  it('masks phone numbers in html, md and junit but keeps real paths in json, csv and the manifest', () => {
    for (const file of ['report.html', 'summary.md', 'junit.xml'])
      expect(readFileSync(path.join(out, file), 'utf8'), file).not.toContain('38640111222');
    for (const file of ['report.json', 'findings.csv', 'deletion-manifest.csv'])
      expect(readFileSync(path.join(out, file), 'utf8'), file).toMatch(/386\d{8}/);
  });

  it('never writes free-text CRM notes or agent names into any report', () => {
    for (const file of readdirSync(out)) {
      const text = readFileSync(path.join(out, file), 'utf8');
      for (const note of ['Stranka je najprej', 'Pokličemo nazaj', 'Odpoved s 1. 11. 2026', 'Ana Kovač'])
        expect(text, `${file} contains "${note}"`).not.toContain(note);
    }
  });

  it('with --no-redact shows numbers in full and says so on the front page', () => {
    const plain = path.join(tmp, 'plain');
    audit(plain, '--format', 'html,md', '--no-redact', '--lang', 'en');
    const html = readFileSync(path.join(plain, 'report.html'), 'utf8');
    expect(html).toContain('id="not-redacted"');
    expect(html).toContain('38640111222');
    expect(readFileSync(path.join(plain, 'summary.md'), 'utf8')).toContain('NOT REDACTED');
  });

  it('renders Slovenian by default for the si-ip-akos policy', () => {
    const sl = path.join(tmp, 'sl');
    audit(sl, '--format', 'html');
    expect(readFileSync(path.join(sl, 'report.html'), 'utf8')).toContain('<html lang="sl">');
  });

  it('render refuses a missing report and an unknown format (exit 2)', () => {
    const missing = runCli(['render', path.join(tmp, 'nope.json'), '--out', path.join(tmp, 'r')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the report (ENOENT)');
    const format = runCli([
      'render',
      path.join(out, 'report.json'),
      '--format',
      'pdf',
      '--out',
      path.join(tmp, 'r'),
    ]);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('unknown report format "pdf"');
  });

  it('takes the language from the config file when --lang is not given', () => {
    const config = path.join(tmp, 'lang.config.json');
    writeFileSync(config, '{"lang": "en"}');
    const en = path.join(tmp, 'en');
    const run = audit(en, '--format', 'html,md', '-c', config);
    expect(stderrBeyondSummary(run)).toBe('');
    expect(readFileSync(path.join(en, 'report.html'), 'utf8')).toContain('<html lang="en">');
    expect(readFileSync(path.join(en, 'summary.md'), 'utf8')).toContain(
      '## Call-recording audit — Recordings: 30',
    );
  });

  it('refuses an unknown --lang (exit 2)', () => {
    const run = audit(path.join(tmp, 'xx'), '--lang', 'de');
    expect(run.status).toBe(2);
    // Commander checks the flag against the model's choices; choiceOf checks the config file's value.
    expect(run.stderr).toMatch(/--lang <en\|sl>' argument 'de' is invalid\. Allowed choices are en, sl/);
  });

  const xmllint = spawnSync('xmllint', ['--version']).status === 0;
  it.runIf(!xmllint && process.env.CI)('has xmllint installed in CI (.ci/run installs it)', () => {
    expect(xmllint).toBe(true);
  });
  it.skipIf(!xmllint)(
    orSkipped(
      'writes JUnit XML that validates against the Ant JUnit schema',
      xmllint ? null : 'xmllint not found on PATH (Debian package libxml2-utils)',
    ),
    () => {
      const check = spawnSync(
        'xmllint',
        ['--noout', '--schema', path.join(REPO, 'test/schemas/JUnit.xsd'), path.join(out, 'junit.xml')],
        { encoding: 'utf8' },
      );
      expect(check.stderr).toContain('validates');
      expect(check.status).toBe(0);
    },
  );
});

describe('--baseline', () => {
  const first = path.join(tmp, 'b1');
  audit(first, '--format', 'json');
  const baselineFile = path.join(first, 'report.json');
  const baseline = JSON.parse(readFileSync(baselineFile, 'utf8'));

  it('round-trips: the same archive against its own report has nothing new and exits 0', () => {
    const out = path.join(tmp, 'b2');
    const run = audit(out, '--format', 'json,md', '--baseline', baselineFile, '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      baseline: { new: 0, persisting: 17, resolved: 0 },
      exitCode: 0,
    });
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.baseline).toMatchObject({ new: 0, persisting: 17, resolved: [] });
    expect(report.recordings.filter((r: { baseline?: string }) => r.baseline === 'persisting')).toHaveLength(
      report.summary.violation + report.summary.review,
    );
  });

  it('matches by call ID, reason and path: a finding missing from the baseline is new, a gone one resolved', () => {
    const edited = structuredClone(baseline);
    const dropped = edited.recordings.findIndex((r: { verdict: string }) => r.verdict === 'violation');
    const droppedPath = edited.recordings[dropped].path;
    edited.recordings.splice(dropped, 1);
    edited.recordings.push({
      ...edited.recordings[0],
      path: 'gone/in_C-9999.wav',
      callId: 'C-9999',
      verdict: 'violation',
      reason: 'NO_CALL_LOG_ENTRY',
    });
    edited.recordings.reverse(); // position must not matter
    const editedFile = path.join(tmp, 'edited-baseline.json');
    writeFileSync(editedFile, JSON.stringify(edited));

    const out = path.join(tmp, 'b3');
    const run = audit(out, '--format', 'json,md', '--baseline', editedFile, '--lang', 'en');
    expect(run.status).toBe(1);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.baseline.new).toBe(1);
    expect(report.recordings.find((r: { baseline?: string }) => r.baseline === 'new').path).toBe(droppedPath);
    expect(report.baseline.resolved).toEqual([
      expect.objectContaining({ path: 'gone/in_C-9999.wav', callId: 'C-9999', reason: 'NO_CALL_LOG_ENTRY' }),
    ]);
    expect(readFileSync(path.join(out, 'summary.md'), 'utf8')).toContain('1 new');
  });

  it('accepts a baseline from another policy version with a warning naming both versions', () => {
    const older = { ...baseline, policy: { ...baseline.policy, version: '0.9.0' } };
    const olderFile = path.join(tmp, 'older.json');
    writeFileSync(olderFile, JSON.stringify(older));
    const run = audit(path.join(tmp, 'b4'), '--format', 'json', '--baseline', olderFile);
    expect(run.stderr).toMatch(/warning .*policy version 0\.9\.0, this audit uses 1\.2\.0/);
    expect(run.status).toBe(0);
  });

  it('refuses a file that is not a report (exit 2)', () => {
    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, '{"hello": 1}');
    const run = audit(path.join(tmp, 'b5'), '--baseline', bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('not a callaudit report.json');
    expect(existsSync(path.join(tmp, 'b5'))).toBe(false);
  });
});
