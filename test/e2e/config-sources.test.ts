import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const FIXTURE = path.join(REPO, 'fixtures/config-multi');

function verdictsIn(out: string): Record<string, [string, string]> {
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
  return Object.fromEntries(
    report.recordings.map((r: { path: string; verdict: string; reason: string }) => [
      r.path,
      [r.verdict, r.reason],
    ]),
  );
}

describe('a config file with two archives and three call logs', () => {
  const expected = JSON.parse(readFileSync(path.join(FIXTURE, 'expected.json'), 'utf8'));

  it('is found as .callauditrc.json in the working directory, each source read with its own settings', () => {
    const out = path.join(tmp, 'discovered');
    const run = runCli(['audit', '--now', '2026-11-28T12:00:00Z', '--out', out], FIXTURE);
    expect(run.stderr).not.toContain('error');
    expect(run.status).toBe(1);
    expect(verdictsIn(out)).toEqual(expected);
  });

  it('is read with -c from elsewhere, paths relative to the file', () => {
    const out = path.join(tmp, 'explicit');
    const run = runCli([
      'audit',
      '-c',
      path.join(FIXTURE, '.callauditrc.json'),
      '--now',
      '2026-11-28T12:00:00Z',
      '--out',
      out,
    ]);
    expect(run.status).toBe(1);
    expect(verdictsIn(out)).toEqual(expected);
  });
});

describe('callaudit init', () => {
  it('writes a starter config for a preset, and refuses to overwrite it', () => {
    const first = runCli(['init', '--preset', 'freepbx'], tmp);
    expect(first.status).toBe(0);
    const written = JSON.parse(readFileSync(path.join(tmp, 'callaudit.config.json'), 'utf8'));
    expect(written.archives[0]).toMatchObject({ preset: 'freepbx', timezone: 'Europe/Ljubljana' });
    expect(written.callLogs.map((c: { preset: string }) => c.preset)).toEqual(['freepbx-cdr', 'generic']);
    expect(written.$comment.length).toBeGreaterThan(0);

    const again = runCli(['init', '--preset', 'twilio'], tmp);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(JSON.parse(readFileSync(path.join(tmp, 'callaudit.config.json'), 'utf8'))).toEqual(written);
  });

  it('names the valid presets for an unknown one and writes nothing', () => {
    const dir = mkdtempSync(path.join(tmp, 'bad-'));
    const run = runCli(['init', '--preset', 'genesys'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('genesys-cloud');
    expect(existsSync(path.join(dir, 'callaudit.config.json'))).toBe(false);
  });
});

describe('callaudit presets', () => {
  it('lists every preset with a one-line description', () => {
    const run = runCli(['presets']);
    expect(run.status).toBe(0);
    for (const name of [
      'freepbx',
      'amazon-connect',
      'genesys-cloud',
      'twilio',
      '3cx',
      'generic',
      'asterisk-cdr',
      'freepbx-cdr',
      'salesforce-task',
      'hubspot-calls',
    ])
      expect(run.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('prints the full settings of one preset', () => {
    const run = runCli(['presets', 'freepbx']);
    expect(run.stdout).toContain('idPattern:');
    expect(run.stdout).toContain('PBX local time');
    const log = runCli(['presets', 'asterisk-cdr', '--json']);
    expect(JSON.parse(log.stdout)).toMatchObject({ name: 'asterisk-cdr', linkColumns: ['linkedid'] });
  });
});
