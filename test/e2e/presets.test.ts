import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashTree, REPO, runCli } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-presets-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface ReportRecording {
  path: string;
  callId: string | null;
  idSource: string;
  verdict: string;
  reason: string;
  explanation: string;
  startedAt: string | null;
  events: Array<{ file: string; line: number; outcome: string; at: string | null }>;
}
interface Report {
  recordings: ReportRecording[];
  inputs: { callLogs: Array<{ file: string; layout?: string; encoding: string }> };
  problems: Array<{ line: number; code: string }>;
}

let runs = 0;
/** Runs an audit of a fixture folder and returns the exit status, stderr and report. */
function audit(fixture: string, args: string[]) {
  const out = path.join(tmp, `out-${++runs}`);
  const dir = path.join('fixtures', fixture);
  const run = runCli([
    'audit',
    ...args.map((a) => a.replaceAll('$F', dir)),
    '--now',
    '2026-11-28T12:00:00Z',
    '--format',
    'json',
    '--out',
    out,
  ]);
  const report =
    run.status === 2 ? null : (JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report);
  return { ...run, report };
}

function verdicts(report: Report | null): Record<string, [string, string]> {
  return Object.fromEntries(report!.recordings.map((r) => [r.path, [r.verdict, r.reason]]));
}

function expectedOf(fixture: string): Record<string, [string, string]> {
  return JSON.parse(readFileSync(path.join(REPO, 'fixtures', fixture, 'expected.json'), 'utf8'));
}

const byPath = (report: Report | null, suffix: string) =>
  report!.recordings.find((r) => r.path.endsWith(suffix))!;

describe('freepbx + freepbx-cdr + a Slovenian Windows-1250 CRM export', () => {
  const root = path.join(REPO, 'fixtures/freepbx-si-cp1250/monitor');
  const before = hashTree(root);
  const run = audit('freepbx-si-cp1250', [
    '$F/monitor',
    '--preset',
    'freepbx',
    '--cdr',
    '$F/cdr.csv',
    '--crm',
    '$F/crm.csv',
    '--id-column',
    'ID klica',
    '--outcome-column',
    'Izid',
    '--time-column',
    'Datum',
  ]);

  it('gives each recording the verdict in expected.json and leaves the archive alone', () => {
    expect(run.status).toBe(1);
    expect(verdicts(run.report)).toEqual(expectedOf('freepbx-si-cp1250'));
    expect(hashTree(root)).toBe(before);
  });

  it('reads the uniqueid from the right, systemname prefix included, for wav, WAV (wav49) and raw gsm', () => {
    expect(byPath(run.report, '.WAV').callId).toBe('pbx1-1759476600.20');
    expect(byPath(run.report, '.gsm').callId).toBe('1759565700.31');
  });

  it('reads the start time from the name as server-local time (CEST, UTC+2)', () => {
    const first = byPath(run.report, '1759475700.12.wav');
    expect(first.startedAt).toBe('2026-10-03T07:15:00.000Z');
  });

  it('joins through the CDR: recordingfile (also a full path) → linkedid → the CRM row', () => {
    const linked = byPath(run.report, '1759475700.12.wav');
    expect(linked.events).toHaveLength(1);
    expect(linked.events[0]).toMatchObject({ outcome: 'Naročilo', line: 2 });
    const viaPath = byPath(run.report, '.gsm');
    // The note on line 2 holds a CRLF, so the last record starts on line 5.
    expect(viaPath.events[0]).toMatchObject({ outcome: 'Reklamacija računa', line: 5 });
  });

  it('reads the CRM export as Windows-1250', () => {
    expect(run.report!.inputs.callLogs.find((l) => l.file.endsWith('crm.csv'))!.encoding).toBe(
      'windows-1250',
    );
  });
});

describe('asterisk-cdr: Master.csv without a header', () => {
  const run = audit('asterisk-cdr', [
    '$F/monitor',
    '--preset',
    'freepbx',
    '--cdr',
    '$F/Master.csv',
    '--cdr-preset',
    'asterisk-cdr',
    '--crm',
    '$F/tasks.csv',
    '--crm-preset',
    'salesforce-task',
  ]);

  it('detects the 21-column layout, says so, and joins CDR linkedid to the Salesforce CallObject', () => {
    expect(run.status).toBe(1);
    expect(verdicts(run.report)).toEqual(expectedOf('asterisk-cdr'));
    expect(run.stderr).toContain('21 columns');
    expect(run.report!.inputs.callLogs.find((l) => l.file.endsWith('Master.csv'))!.layout).toContain(
      'linkedid',
    );
  });

  it('refuses a CDR alone: a disposition is no business outcome, and says how to add a CRM log', () => {
    const alone = audit('asterisk-cdr', [
      '$F/monitor',
      '--preset',
      'freepbx',
      '--crm',
      '$F/Master.csv',
      '--crm-preset',
      'asterisk-cdr',
    ]);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('CRM log');
    expect(alone.stderr).toContain('--cdr');
  });

  it('explains a header-less file given without a preset', () => {
    const bare = audit('asterisk-cdr', ['$F/monitor', '--preset', 'freepbx', '--crm', '$F/Master.csv']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('no header row');
    expect(bare.stderr).toContain('--crm-preset asterisk-cdr');
  });
});

describe('amazon-connect + a Salesforce report export (labels, Slovenian dates, BOM)', () => {
  it('reads the ContactId and UTC minute with the colon as %3A, _ or -', () => {
    const run = audit('amazon-connect', [
      '$F/connect/acme-si/CallRecordings',
      '--preset',
      'amazon-connect',
      '--crm',
      '$F/salesforce-report.csv',
      '--crm-preset',
      'salesforce-task',
    ]);
    expect(run.status).toBe(1);
    expect(verdicts(run.report)).toEqual(expectedOf('amazon-connect'));
    expect(byPath(run.report, '%3A15_UTC.wav').startedAt).toBe('2026-10-03T07:15:00.000Z');
    expect(byPath(run.report, '12-05_UTC.wav').startedAt).toBe('2026-10-04T12:05:00.000Z');
    // "3. 10. 2026 09:16" in Europe/Ljubljana.
    expect(byPath(run.report, '%3A15_UTC.wav').events[0]!.at).toBe('2026-10-03T07:16:00.000Z');
  });

  it('reads a real colon in the name', () => {
    const root = path.join(tmp, 'connect-colon');
    mkdirSync(path.join(root, '2026/10/03'), { recursive: true });
    const from = path.join(
      REPO,
      'fixtures/amazon-connect/connect/acme-si/CallRecordings/2026/10/03/5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08_20261003T07%3A15_UTC.wav',
    );
    copyFileSync(
      from,
      path.join(root, '2026/10/03/5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08_20261003T07:15_UTC.wav'),
    );
    const run = audit('amazon-connect', [
      root,
      '--preset',
      'amazon-connect',
      '--crm',
      '$F/salesforce-report.csv',
      '--crm-preset',
      'salesforce-task',
    ]);
    expect(run.report!.recordings[0]).toMatchObject({
      callId: '5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08',
      verdict: 'compliant',
      startedAt: '2026-10-03T07:15:00.000Z',
    });
  });
});

describe('genesys-cloud with _metadata.json sidecars', () => {
  const run = audit('genesys-cloud', [
    '$F',
    '--preset',
    'genesys-cloud',
    '--crm',
    '$F/conversations.csv',
    '--id-column',
    'conversationId',
    '--outcome-column',
    'wrapUpCode',
    '--time-column',
    'conversationStart',
  ]);

  it('takes the conversation ID from the folder; a broken sidecar or a contradicting one is review', () => {
    expect(run.status).toBe(0);
    const expected = Object.fromEntries(
      Object.entries(expectedOf('genesys-cloud')).map(([p, v]) => [`org-7f3a/${p}`, v]),
    );
    expect(verdicts(run.report)).toEqual(expected);
    const clash = run.report!.recordings.find((r) => r.reason === 'CONFLICTING_CALL_ID')!;
    expect(clash.explanation).toContain('2d6a7df4-8e83-4c6a-9f3e-8b3b4f3a1c23');
    expect(clash.explanation).toContain('3e7b8e05-9f94-4d7b-8a4f-9c4c5a4b2d34');
  });

  it('reads the UTC hour from the year=/month=/day=/hour= folders', () => {
    expect(run.report!.recordings.map((r) => r.startedAt).sort()).toEqual([
      '2026-10-03T07:00:00.000Z',
      '2026-10-03T08:00:00.000Z',
      '2026-10-03T09:00:00.000Z',
    ]);
  });
});

describe('twilio: RecordingSid files joined through the Recordings CSV', () => {
  it('maps RecordingSid → CallSid, reads RFC 2822 times, and leaves an unmapped file for review', () => {
    const run = audit('twilio', [
      '$F/recordings',
      '--preset',
      'twilio',
      '--recording-map',
      '$F/recordings.csv',
      '--crm',
      '$F/calls.csv',
      '--id-column',
      'CallSid',
      '--outcome-column',
      'Outcome',
      '--time-column',
      'DateCreated',
    ]);
    expect(run.status).toBe(1);
    expect(verdicts(run.report)).toEqual(expectedOf('twilio'));
    expect(byPath(run.report, 'cdef.wav').events[0]!.at).toBe('2026-10-03T07:15:00.000Z');
  });

  it('refuses the map without the twilio preset, which alone reads it (exit 2)', () => {
    const run = audit('twilio', [
      '$F/recordings',
      '--recording-map',
      '$F/recordings.csv',
      '--crm',
      '$F/calls.csv',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--recording-map');
    expect(run.stderr).toContain('twilio');
  });

  it('says the map is needed when it is missing', () => {
    const run = audit('twilio', ['$F/recordings', '--preset', 'twilio', '--crm', '$F/calls.csv']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--recording-map');
  });
});

describe('3cx: brackets, parentheses, spaces, Unicode, symlinks', () => {
  const root = path.join(tmp, '3cx');
  // Copy the fixture and add symbolic links: a loop and one leaving the root; neither is followed.
  const src = path.join(REPO, 'fixtures/3cx/Recordings');
  for (const rel of Object.keys(expectedOf('3cx'))) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    copyFileSync(path.join(src, rel), path.join(root, rel));
  }
  symlinkSync('..', path.join(root, '100', 'loop'));
  symlinkSync(path.join(REPO, 'fixtures/demo/recordings'), path.join(root, 'outside'));
  const run = audit('3cx', [
    root,
    '--preset',
    '3cx',
    '--crm',
    '$F/crm-calls.csv',
    '--id-column',
    'recording_url',
    '--outcome-column',
    'Izid',
    '--time-column',
    'Datum',
  ]);

  it('gives each recording the expected verdict and follows no symlink', () => {
    expect(run.status).toBe(1);
    expect(verdicts(run.report)).toEqual(expectedOf('3cx'));
  });

  it('reads the start time from the name in --timezone', () => {
    expect(byPath(run.report, '(12).wav').startedAt).toBe('2026-10-03T07:15:00.000Z');
  });
});

describe('hubspot-calls with call IDs read from tags', () => {
  it('reads ID3 TXXX (MP3 and WAV id3 chunk) and Vorbis CALL_ID; maps outcome GUIDs; flags a name/tag conflict', () => {
    const run = audit('hubspot-calls', [
      '$F/recordings',
      '--id-from',
      'tag,filename',
      '--id-tag',
      'CALL_ID',
      '--crm',
      '$F/hubspot-calls.csv',
      '$F/hubspot-ui-export.csv',
      '--crm-preset',
      'hubspot-calls',
    ]);
    expect(run.status).toBe(1);
    expect(verdicts(run.report)).toEqual(expectedOf('hubspot-calls'));
    const connected = byPath(run.report, 'ext-1001.mp3');
    expect(connected).toMatchObject({ idSource: 'tag' });
    expect(connected.events[0]).toMatchObject({ outcome: 'Connected', at: '2026-10-06T07:00:00.000Z' });
    expect(byPath(run.report, 'ext-1004.mp3').explanation).toContain('ext-9999');
  });

  it.each([
    ['ICMT', 'info-0005.wav', 'ext-1005'],
    ['bext.originatorReference', 'bwf-0006.wav', 'ext-1006'],
    ['originatorReference', 'bwf-0006.wav', 'ext-1006'],
  ])('reads --id-tag %s from a WAV', (tag, file, id) => {
    const run = audit('hubspot-calls', [
      '$F/tagged-riff',
      '--id-from',
      'tag',
      '--id-tag',
      tag,
      '--crm',
      '$F/hubspot-ui-export.csv',
      '--crm-preset',
      'hubspot-calls',
    ]);
    expect(byPath(run.report, file)).toMatchObject({ callId: id, idSource: 'tag', verdict: 'compliant' });
  });
});

describe('salesforce-task (Data Loader) and dates', () => {
  it('reads API names, ISO times and multi-line notes with CRLF, keeping start lines right', () => {
    const run = audit('salesforce-task', [
      '$F/recordings',
      '--crm',
      '$F/tasks.csv',
      '--crm-preset',
      'salesforce-task',
    ]);
    expect(verdicts(run.report)).toEqual(expectedOf('salesforce-task'));
    expect(byPath(run.report, 'SF-0002.wav').events[0]!.line).toBe(5);
    expect(run.report!.problems).toEqual([expect.objectContaining({ line: 6, code: 'UNREADABLE_TIME' })]);
  });

  it('refuses an ambiguous 03/04/2026 without --date-format, naming the column and both readings', () => {
    const run = audit('salesforce-task', [
      '$F/recordings',
      '--crm',
      '$F/tasks-slashed.csv',
      '--crm-preset',
      'salesforce-task',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('tasks-slashed.csv:2');
    expect(run.stderr).toContain('"CreatedDate"');
    expect(run.stderr).toContain('3 April 2026');
    expect(run.stderr).toContain('4 March 2026');
    expect(run.stderr).toContain('--date-format');
  });

  it('reads it with --date-format', () => {
    const run = audit('salesforce-task', [
      '$F/recordings',
      '--crm',
      '$F/tasks-slashed.csv',
      '--crm-preset',
      'salesforce-task',
      '--date-format',
      'MM/dd/yyyy HH:mm',
    ]);
    expect(byPath(run.report, 'SF-0001.wav').events[0]!.at).toBe('2026-03-04T08:15:00.000Z');
  });
});

describe('a preset that matches nothing', () => {
  it('exits 2 with the number of files seen and the commonest name shapes', () => {
    const run = audit('3cx', [
      'fixtures/freepbx-si-cp1250/monitor',
      '--preset',
      '3cx',
      '--crm',
      '$F/crm-calls.csv',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('matches no recording');
    expect(run.stderr).toContain('4 file(s) seen');
    expect(run.stderr).toMatch(/a-9-9-9-9-9\.9\.wav \(2 files/);
  });
});

describe('--id-from sidecar on a generic archive', () => {
  it('reads <stem>.xml with --sidecar-field, cross-checks the file name, and reviews a broken <file>.json', () => {
    const root = path.join(tmp, 'sidecars');
    mkdirSync(root, { recursive: true });
    const wav = path.join(REPO, 'fixtures/salesforce-task/recordings/SF-0001.wav');
    mkdirSync(path.join(root, 'mapa s presledki'));
    copyFileSync(wav, path.join(root, 'mapa s presledki/SF-0001.wav'));
    writeFileSync(
      path.join(root, 'mapa s presledki/SF-0001.xml'),
      '<call><meta><CallObject>SF-0001</CallObject></meta></call>',
    );
    copyFileSync(wav, path.join(root, 'SF-0002.wav'));
    writeFileSync(path.join(root, 'SF-0002.wav.json'), '{ "CallObject": "SF-0002", ');
    copyFileSync(wav, path.join(root, 'SF-0003.wav'));
    writeFileSync(path.join(root, 'SF-0003.xml'), '<call><CallObject>SF-0001</CallObject></call>');
    const run = audit('salesforce-task', [
      root,
      '--id-from',
      'sidecar,filename',
      '--sidecar-field',
      'meta.CallObject',
      '--crm',
      '$F/tasks.csv',
      '--crm-preset',
      'salesforce-task',
    ]);
    expect(verdicts(run.report)).toEqual({
      'mapa s presledki/SF-0001.wav': ['compliant', 'QUALIFYING_EVENT'],
      'SF-0002.wav': ['review', 'UNREADABLE_SIDECAR'],
      'SF-0003.wav': ['review', 'CONFLICTING_CALL_ID'],
    });
    expect(byPath(run.report, 'presledki/SF-0001.wav')).toMatchObject({
      callId: 'SF-0001',
      idSource: 'sidecar',
    });
  });
});

describe('salesforce-task report saved as "Unicode text"', () => {
  it('reads UTF-16LE with tabs, field labels and Slovenian dates', () => {
    const run = audit('salesforce-task', [
      '$F/recordings',
      '--crm',
      '$F/tasks-report-utf16.txt',
      '--crm-preset',
      'salesforce-task',
    ]);
    expect(verdicts(run.report)).toEqual({
      'SF-0001.wav': ['compliant', 'QUALIFYING_EVENT'],
      'SF-0002.wav': ['violation', 'NON_QUALIFYING_ONLY'],
      // Only its modification time (the checkout) dates it: after the report's period, but the call
      // started at or before it, so it may lie inside; its absence from the log proves nothing.
      'SF-0003.wav': ['review', 'COVERAGE_UNKNOWN'],
    });
    expect(run.report!.inputs.callLogs[0]).toMatchObject({ encoding: 'utf-16le' });
    expect(byPath(run.report, 'SF-0002.wav').events[0]).toMatchObject({
      line: 4,
      at: '2026-10-07T08:00:00.000Z',
    });
  });
});
