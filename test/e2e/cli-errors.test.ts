import { mkdtempSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_WAV } from '../support/demo-audit.js';
import { runCli } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-errors-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const archive = path.join(tmp, 'archive');
mkdirSync(archive);
copyFileSync(DEMO_WAV, path.join(archive, 'C-1.wav'));

function csv(name: string, content: string | Buffer): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

describe('command-line errors exit 2 with a message a DPO can act on', () => {
  it('names the missing column and lists the columns found', () => {
    const run = runCli([
      'audit',
      archive,
      '--crm',
      csv('wrong.csv', 'id;result\nC-1;Naročilo\n'),
      '--out',
      path.join(tmp, 'o1'),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('wrong.csv');
    expect(run.stderr).toMatch(/call_id/);
    expect(run.stderr).toMatch(/id.*result/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('accepts the columns when named with --id-column and --outcome-column', () => {
    const run = runCli([
      'audit',
      archive,
      '--crm',
      csv('named.csv', 'id;result\nC-1;Naročilo\n'),
      '--id-column',
      'id',
      '--outcome-column',
      'result',
      '--out',
      path.join(tmp, 'o2'),
    ]);
    // Not a terminal: no progress bar, only the one-line summary.
    // The probe cache is kept per archive, not per output folder: an earlier test's audit filled it.
    expect(run.stderr).toMatch(
      /^callaudit: 1 recording\(s\)(?: \(1 from the cache\))? and 1 call-log row\(s\) read in [\d.]+ s\n$/,
    );
    expect(run.status).toBe(0);
  });

  it('refuses a missing archive root', () => {
    const run = runCli([
      'audit',
      path.join(tmp, 'nope'),
      '--crm',
      csv('ok.csv', 'call_id,outcome\nC-1,Order\n'),
      '--out',
      path.join(tmp, 'o3'),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nope');
  });

  it('refuses a call log that does not exist, even with --fail-on never', () => {
    const run = runCli(['audit', archive, '--crm', path.join(tmp, 'missing.csv'), '--fail-on', 'never']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing.csv');
  });

  it('refuses an output folder inside the archive', () => {
    const run = runCli([
      'audit',
      archive,
      '--crm',
      csv('ok2.csv', 'call_id,outcome\nC-1,Order\n'),
      '--out',
      path.join(archive, 'report'),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('never writes into an archive');
  });

  it('refuses unknown flags and bad values', () => {
    expect(runCli(['audit', archive, '--crm', 'x.csv', '--fail-on', 'sometimes']).status).toBe(2);
    expect(runCli(['audit', archive, '--frobnicate']).status).toBe(2);
    expect(
      runCli(['audit', archive, '--crm', csv('ok3.csv', 'call_id,outcome\n'), '--format', 'pdf']).stderr,
    ).toContain('unknown report format');
  });

  it('reads settings from callaudit.config.json in the working directory and rejects misspelt keys', () => {
    const dir = path.join(tmp, 'cfg');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'calls.csv'), 'call_id,outcome\nC-1,Order\n');
    writeFileSync(
      path.join(dir, 'callaudit.config.json'),
      JSON.stringify({ roots: [archive], crm: ['calls.csv'], out: 'out' }),
    );
    const good = runCli(['audit', '--json'], dir);
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ recordings: 1, compliant: 1 });

    writeFileSync(
      path.join(dir, 'callaudit.config.json'),
      JSON.stringify({ roots: [archive], crm: ['calls.csv'], idColum: 'x' }),
    );
    const bad = runCli(['audit'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('did you mean "idColumn"');
  });

  it('prints help and version with exit 0', () => {
    const help = runCli(['audit', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--id-pattern');
    const version = runCli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
