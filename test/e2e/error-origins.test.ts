import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_WAV } from '../support/demo-audit.js';
import { REPO, runCli } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-origins-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

mkdirSync(path.join(tmp, 'archive'));
copyFileSync(DEMO_WAV, path.join(tmp, 'archive/rec_K-1.wav'));
writeFileSync(path.join(tmp, 'calls.csv'), 'call_id,outcome\nK-1,Naročilo\n');
const WORKBOOK = path.join(REPO, 'fixtures/json-sources/crm-report.xlsx');

function withConfig(config: object, ...args: string[]) {
  writeFileSync(path.join(tmp, 'callaudit.config.json'), JSON.stringify(config));
  return runCli(['audit', '--out', path.join(tmp, 'out'), ...args], tmp);
}

describe('a missing file is named with the flag or config key that gave it', () => {
  it('a call log from the config file names its key and says paths are relative to the file', () => {
    const run = withConfig({ roots: ['archive'], callLogs: [{ file: 'exports/cdr.csv' }] });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('exports/cdr.csv (callaudit.config.json: callLogs[0].file) does not exist');
    expect(run.stderr).toContain('fix callLogs[0].file in callaudit.config.json');
    expect(run.stderr).not.toContain('--crm');
  });

  it('a call log from a list in the config file names its index', () => {
    const run = withConfig({ roots: ['archive'], crm: ['calls.csv', 'exports/*.csv'] });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('exports/*.csv (callaudit.config.json: crm[1]) matches no file');
  });

  it('a call log from a flag names the flag', () => {
    const run = withConfig({ roots: ['archive'] }, '--crm', 'missing.csv');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing.csv (--crm) does not exist');
    expect(run.stderr).toContain('check the --crm path');
  });

  it('a holds file from a flag written with ./ names the flag (the plan keeps the path normalised)', () => {
    const run = withConfig({ roots: ['archive'], crm: 'calls.csv' }, '--holds', './nothere.csv');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nothere.csv (--holds) does not exist');
    expect(run.stderr).toContain('check the --holds path');
  });

  it('a holds file and an archive root from the config file name their keys', () => {
    const holds = withConfig({ roots: ['archive'], crm: 'calls.csv', holds: 'legal/holds.csv' });
    expect(holds.status).toBe(2);
    expect(holds.stderr).toContain('legal/holds.csv (callaudit.config.json: holds) does not exist');
    const root = withConfig({ archives: [{ root: 'archive' }, { root: 'old-archive' }], crm: 'calls.csv' });
    expect(root.status).toBe(2);
    expect(root.stderr).toContain('old-archive (callaudit.config.json: archives[1].root) does not exist');
  });
});

describe('an Excel workbook where a CSV file belongs', () => {
  it.each([
    ['--outcome-map', 'the outcome map'],
    ['--holds', 'the legal holds file'],
    ['--decisions', 'the decisions file'],
  ])('%s: says it is a workbook, not a quote or delimiter problem', (flag, what) => {
    const disguised = path.join(tmp, `disguised${flag}.csv`);
    copyFileSync(WORKBOOK, disguised);
    const run = withConfig({ roots: ['archive'], crm: 'calls.csv' }, flag, disguised);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `this is an Excel workbook (a ZIP with [Content_Types].xml), not a CSV file: ${what} is read as CSV only`,
    );
    expect(run.stderr).toContain('save the sheet as "CSV UTF-8');
    expect(run.stderr).not.toMatch(/quote|delimiter/i);
  });

  it('as a call log it is read as the workbook it is, whatever its name', () => {
    const disguised = path.join(tmp, 'calls-from-excel.csv');
    copyFileSync(WORKBOOK, disguised);
    const run = runCli(['labels', '--crm', disguised], tmp);
    // The workbook reader looked into its sheets: the message is about a column, not about CSV.
    expect(run.stderr).toContain('no sheet of');
    expect(run.stderr).toContain('(sheets read: "Klici"');
  });
});
