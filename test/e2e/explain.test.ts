import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placeRecordings } from '../support/demo-audit.js';
import { REPO, runCli } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-explain-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('explain names the setting that found the call ID', () => {
  it("freepbx: the preset's pattern, not the file name stem", () => {
    const F = path.join(REPO, 'fixtures/freepbx-si-cp1250');
    const run = runCli(
      [
        'explain',
        '--lang',
        'en',
        '1759475700.12',
        path.join(F, 'monitor'),
        '--preset',
        'freepbx',
        '--cdr',
        path.join(F, 'cdr.csv'),
        '--crm',
        path.join(F, 'crm.csv'),
        '--id-column',
        'ID klica',
        '--outcome-column',
        'Izid',
        '--time-column',
        'Datum',
      ],
      tmp,
    );
    expect(run.stderr).not.toContain('error');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "call ID     1759475700.12 — found in the file name by the freepbx preset's pattern -(?<date>",
    );
    expect(run.stdout).not.toContain('without its extension');
  });

  it('hubspot: the tag, when --id-from tag found it', () => {
    const F = path.join(REPO, 'fixtures/hubspot-calls');
    const run = runCli(
      [
        'explain',
        '--lang',
        'en',
        path.join(F, 'recordings/2026-10-06/ext-1001.mp3'),
        path.join(F, 'recordings'),
        '--id-from',
        'tag,filename',
        '--id-tag',
        'CALL_ID',
        '--crm',
        path.join(F, 'hubspot-calls.csv'),
        path.join(F, 'hubspot-ui-export.csv'),
        '--crm-preset',
        'hubspot-calls',
      ],
      tmp,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /call ID {5}\S+ — found in the recording's tag CALL_ID \(--id-from tag,filename\)/,
    );
  });
});

describe('explain --report: within a saved audit', () => {
  const archive = path.join(tmp, 'archive');
  const calls = path.join(tmp, 'calls.csv');
  const out = path.join(tmp, 'audit');
  placeRecordings(archive, { 'rec_K-1.wav': '2026-10-03T08:00:00Z', 'rec_K-2.wav': '2026-10-03T08:00:00Z' });
  writeFileSync(
    calls,
    'call_id,outcome,at\nK-1,Naročilo,2026-10-03 10:05\nK-2,Informacije,2026-10-03 10:06\n',
  );
  const audit = runCli(
    [
      'audit',
      archive,
      '--crm',
      calls,
      '--id-pattern',
      '_(?<id>[A-Z0-9-]+)\\.\\w+$',
      '--time-column',
      'at',
      '--log-period',
      '2026-10-01..2026-10-31',
      '--now',
      '2026-11-28T12:00:00Z',
      '--out',
      out,
    ],
    tmp,
  );
  const report = path.join(out, 'report.json');

  it('records what explain needs in the report settings', () => {
    expect(audit.status).toBe(1);
    const settings = JSON.parse(readFileSync(report, 'utf8')).settings;
    expect(settings).toMatchObject({
      policy: 'si-ip-akos',
      now: '2026-11-28T12:00:00.000Z',
      reviewWithinDays: 30,
    });
  });

  it('explains with the audit’s settings, nothing retyped, and says no input changed', () => {
    const run = runCli(['explain', '--lang', 'en', '--report', report, 'K-2'], tmp);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('found in the file name by report.json settings.idPattern _(?<id>');
    expect(run.stdout).toContain('Verdict: violation / NON_QUALIFYING_ONLY');
    expect(run.stdout).toContain(`Since the audit of 2026-11-28T12:00:00.000Z (${report}):`);
    expect(run.stdout).toContain('no input changed');
    expect(run.stdout).not.toContain('CHANGED');
  });

  it('refuses archive roots next to --report', () => {
    const run = runCli(['explain', '--report', report, 'K-2', archive], tmp);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--report takes the archive roots from the report');
  });

  it('refuses audit settings next to --report instead of ignoring them', () => {
    const run = runCli(
      ['explain', '--report', report, 'K-2', '--now', '2030-01-01T00:00:00Z', '--timezone', 'UTC'],
      tmp,
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--now, --timezone would be ignored');
    // How to show the result is not a setting of the audit.
    expect(runCli(['explain', '--report', report, 'K-2', '--lang', 'sl'], tmp).status).toBe(0);
  });

  it('says a call log changed after the audit, and that the verdict moved', () => {
    writeFileSync(
      calls,
      'call_id,outcome,at\nK-1,Naročilo,2026-10-03 10:05\nK-2,Naročilo,2026-10-03 10:06\n',
    );
    const run = runCli(['explain', '--lang', 'en', '--report', report, 'K-2'], tmp);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /CHANGED {2}the call log .*calls\.csv changed since the audit \(SHA-256 [0-9a-f]{12}… then, [0-9a-f]{12}… now\)/,
    );
    expect(run.stdout).toContain('the audit judged');
    expect(run.stdout).toContain(
      'violation / NON_QUALIFYING_ONLY; judged again now it is compliant / QUALIFYING_EVENT',
    );
    const sl = runCli(['explain', '--lang', 'sl', '--report', report, 'K-2'], tmp);
    expect(sl.stdout).toMatch(/SPREMENJENO {2}dnevnik klicev .*calls\.csv se je od revizije spremenil/);
    expect(sl.stdout).not.toContain('changed since the audit');
    const json = JSON.parse(runCli(['explain', '--report', report, 'K-2', '--json'], tmp).stdout);
    expect(json.audit.changes.some((c: string) => c.includes('calls.csv changed since the audit'))).toBe(
      true,
    );
  });
});
