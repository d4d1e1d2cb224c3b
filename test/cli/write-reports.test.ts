import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReports } from '../../src/cli/write-reports.js';
import { resolvePlan } from '../../src/config/resolve-plan.js';
import { REPORTERS } from '../../src/report/index.js';
import { DEFAULT_RENDER_OPTIONS } from '../../src/report/reporter.js';
import { RUN_ID_PLACEHOLDER, withRunId } from '../../src/report/run-id.js';
import { runAudit } from '../../src/run-audit.js';
import { DEMO } from '../archive/helpers.js';

const demo = runAudit(
  resolvePlan(
    [join(DEMO, 'recordings')],
    {
      crm: [join(DEMO, 'crm/calls.csv')],
      idPattern: String.raw`_(?<id>[A-Z0-9-]+)\.\w+$`,
      now: '2026-11-28T12:00:00Z',
    },
    null,
  ),
);
const freshDir = () => mkdtempSync(join(os.tmpdir(), 'callaudit-write-'));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('writeReports names the run', () => {
  it("by report.json's own bytes: the placeholder put back, the file hashes to its run ID", async () => {
    const dir = freshDir();
    // report.json listed last: it is written first all the same, as it names the run.
    writeReports(await demo, dir, ['manifest', 'json'], DEFAULT_RENDER_OPTIONS);
    const bytes = readFileSync(join(dir, 'report.json'));
    const { runId } = JSON.parse(bytes.toString('utf8')) as { runId: string };
    expect(runId).toMatch(/^[0-9a-f]{32}$/);
    expect(runId).not.toBe(RUN_ID_PLACEHOLDER);
    const draft = bytes.toString('utf8').replace(`"runId": "${runId}"`, `"runId": "${RUN_ID_PLACEHOLDER}"`);
    expect(createHash('sha256').update(draft).digest('hex').slice(0, 32)).toBe(runId);
    expect(readdirSync(dir).sort()).toEqual(['deletion-manifest.csv', 'report.json']);
  });

  it("with the manifest's SHA-256 recorded in report.json, so the run ID covers the manifest", async () => {
    const dir = freshDir();
    writeReports(await demo, dir, ['json', 'manifest'], DEFAULT_RENDER_OPTIONS);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const manifest = readFileSync(join(dir, 'deletion-manifest.csv'));
    expect(report.deletionManifest).toEqual({ sha256: sha256(manifest), rows: report.summary.violation });
    expect(Object.keys(report).slice(0, 7)).toEqual([
      'notice',
      'schemaVersion',
      'tool',
      'generatedAt',
      'runId',
      'deletionManifest',
      'policy',
    ]);
    // Recorded even when the manifest is not written: `render --format manifest` gives these bytes.
    const jsonOnly = freshDir();
    writeReports(await demo, jsonOnly, ['json'], DEFAULT_RENDER_OPTIONS);
    expect(JSON.parse(readFileSync(join(jsonOnly, 'report.json'), 'utf8')).deletionManifest.sha256).toBe(
      sha256(manifest),
    );
  });

  it('to the same ID without report.json', async () => {
    const withJson = freshDir();
    const without = freshDir();
    writeReports(await demo, withJson, ['json', 'manifest'], DEFAULT_RENDER_OPTIONS);
    writeReports(await demo, without, ['manifest'], DEFAULT_RENDER_OPTIONS);
    const manifest = (dir: string) => readFileSync(join(dir, 'deletion-manifest.csv'), 'utf8');
    expect(manifest(without)).toBe(manifest(withJson));
    expect(readdirSync(without)).toEqual(['deletion-manifest.csv']);
  });

  it('differently when any finding differs', async () => {
    const result = await demo;
    const [first, ...rest] = result.recordings;
    const changed = { ...result, recordings: [{ ...first!, callId: `${first!.callId}x` }, ...rest] };
    const [a, b] = [freshDir(), freshDir()];
    writeReports(result, a, ['json'], DEFAULT_RENDER_OPTIONS);
    writeReports(changed, b, ['json'], DEFAULT_RENDER_OPTIONS);
    const idOf = (dir: string) =>
      (JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { runId: string }).runId;
    expect(idOf(a)).not.toBe(idOf(b));
  });

  it('never renames a result that has its ID (a report rendered again keeps it)', async () => {
    const dir = freshDir();
    const runId = 'abcdef0123456789abcdef0123456789';
    writeReports(withRunId(await demo, runId), dir, ['json', 'manifest'], DEFAULT_RENDER_OPTIONS);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).runId).toBe(runId);
  });

  it('only for the reports that print it: the others come out the same whatever the ID', async () => {
    const result = await demo;
    for (const reporter of Object.values(REPORTERS)) {
      const render = (runId: string) => reporter.render(withRunId(result, runId), DEFAULT_RENDER_OPTIONS);
      const same = render(RUN_ID_PLACEHOLDER) === render('abcdef0123456789abcdef0123456789');
      expect(same, reporter.name).toBe(!reporter.readsRunId);
    }
    const dir = freshDir();
    writeReports(result, dir, ['csv', 'md'], DEFAULT_RENDER_OPTIONS);
    expect(readdirSync(dir).sort()).toEqual(['findings.csv', 'summary.md']);
  });
});
