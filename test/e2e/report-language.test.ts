import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/audit/messages.js';
import { EN } from '../../src/report/messages/en.js';
import { SL } from '../../src/report/messages/sl.js';
import { localFormat, renderMessage } from '../../src/report/messages/render.js';
import { ENGINE_FLAGS, makeEngineArchive } from '../support/engine-archive.js';
import { placeRecordings } from '../support/demo-audit.js';
import { REPO, runCli, stderrBeyondSummary } from '../support/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-language-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface SavedFinding {
  path: string;
  message: Message;
  explanation: string;
}

/** Every fixed English text of the catalogue that is a phrase (three words or more). */
function englishPhrases(): string[] {
  const texts = [
    ...Object.values(EN.ui),
    ...Object.values(EN.reasons),
    ...Object.values(EN.verdicts),
    ...Object.values(EN.categories),
    ...Object.values(EN.rules),
    ...Object.values(EN.notes).filter((v): v is string => typeof v === 'string'),
  ];
  return texts.filter((text) => text.split(' ').length >= 3);
}

/** The English phrases and English renderings of the findings' messages that `text` contains. */
function englishIn(text: string, findings: readonly SavedFinding[], zone: string): string[] {
  const sentences = findings.flatMap((f) => [
    f.explanation,
    renderMessage('en', f.message, localFormat('en', zone)),
  ]);
  return [...new Set([...englishPhrases(), ...sentences])].filter((sentence) => text.includes(sentence));
}

describe('a Slovenian report of the engine fixtures', () => {
  const archive = path.join(tmp, 'engine');
  makeEngineArchive(archive);
  const out = path.join(tmp, 'engine-sl');
  const run = runCli([
    'audit',
    archive,
    ...ENGINE_FLAGS,
    '--out',
    out,
    '--format',
    'json,html,md,junit',
    '--lang',
    'sl',
  ]);
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as {
    recordings: SavedFinding[];
  };

  it('gives every finding a message code both catalogues render', () => {
    expect(run.status).toBe(1);
    expect(report.recordings.length).toBeGreaterThan(10);
    for (const f of report.recordings) {
      expect(f.message.code, f.path).not.toBe('TEXT');
      expect(typeof EN.findings[f.message.code], f.path).toBe('function');
      expect(typeof SL.findings[f.message.code], f.path).toBe('function');
      // The English sentence report.json keeps is the message's English rendering.
      expect(f.explanation).toBe(
        renderMessage('en', f.message, { ...localFormat('en', 'UTC'), time: (iso) => iso ?? '?' }),
      );
    }
  });

  it.each(['report.html', 'summary.md', 'junit.xml'])('has no English sentence in %s', (file) => {
    const text = readFileSync(path.join(out, file), 'utf8');
    expect(englishIn(text, report.recordings, 'Europe/Ljubljana')).toEqual([]);
  });

  it('is caught by the check when a finding is English (the check can fail)', () => {
    const english = runCli([
      'render',
      path.join(out, 'report.json'),
      '--out',
      path.join(tmp, 'en'),
      '--format',
      'html',
      '--lang',
      'en',
    ]);
    expect(english.status).toBe(0);
    const text = readFileSync(path.join(tmp, 'en', 'report.html'), 'utf8');
    expect(englishIn(text, report.recordings, 'Europe/Ljubljana').length).toBeGreaterThan(10);
  });

  it('shows hold deadlines and the generation time in local Slovenian form, and names the zone once', () => {
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('<td>Ustvarjeno</td><td><span class="nowrap">28. 11. 2026 13:00</span></td>');
    // E-DUE's deadline, 2026-12-10T09:05Z, in Ljubljana.
    expect(html).toContain('10. 12. 2026');
    expect(html).not.toContain('2026-12-10T09:05');
    expect(html.match(/Časi so v pasu Europe\/Ljubljana\./g)).toHaveLength(1);
    expect(stderrBeyondSummary(run)).not.toMatch(/error/i);
  });
});

describe('the demo rendered in Slovenian', () => {
  const golden = JSON.parse(readFileSync(path.join(REPO, 'test/golden/report.json'), 'utf8')) as {
    recordings: SavedFinding[];
  };

  it.each(['report.sl.html', 'summary.sl.md'])('has no English sentence in the golden %s', (file) => {
    const text = readFileSync(path.join(REPO, 'test/golden', file), 'utf8');
    expect(englishIn(text, golden.recordings, 'Europe/Ljubljana')).toEqual([]);
  });
});

describe('explain of a FreePBX recording', () => {
  const root = path.join(tmp, 'monitor');
  placeRecordings(root, { '2026/10/03/in-38640111222-7001-20261003-084500-1759473900.107.wav': null });
  const log = path.join(tmp, 'calls.csv');
  writeFileSync(log, 'call_id,outcome\n1759473900.107,Naročilo\n');
  const explain = (lang: string) =>
    runCli([
      'explain',
      '1759473900.107',
      root,
      '--preset',
      'freepbx',
      '--crm',
      log,
      '--timezone',
      'Europe/Ljubljana',
      '--now',
      '2026-11-28T12:00:00Z',
      '--lang',
      lang,
    ]);

  it('shows the call time the file name gives, in the audit zone (08:45, not 06:45Z)', () => {
    const sl = explain('sl');
    expect(sl.status).toBe(0);
    expect(sl.stdout).toMatch(/^ {2}čas +3\. 10\. 2026 08:45 \(vir: ime datoteke\)$/m);
    expect(sl.stdout).toContain('Časi so v pasu Europe/Ljubljana.');
    expect(sl.stdout).not.toContain('06:45');
    expect(sl.stdout).toContain('Dnevnik klicev beleži poslovni dogodek („Naročilo“)');
    const en = explain('en');
    expect(en.stdout).toMatch(/^ {2}time +3 Oct 2026 08:45 \(from the file name\)$/m);
    expect(en.stdout).toContain('Times are in the Europe/Ljubljana time zone.');
    expect(en.stdout).not.toContain('06:45');
  });
});
