import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_FLAGS, makeEngineArchive } from '../support/engine-archive.js';
import { REPO, runCli, stderrBeyondSummary } from '../support/run-cli.js';

const FIXTURE = path.join(REPO, 'fixtures/engine');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-engine-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const archive = path.join(tmp, 'archive');
makeEngineArchive(archive);

describe('callaudit audit with the policy engine', () => {
  const out = path.join(tmp, 'report');
  const run = runCli(['audit', archive, ...ENGINE_FLAGS, '--out', out]);
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
  const byPath = Object.fromEntries(
    report.recordings.map((r: { path: string; verdict: string; reason: string }) => [
      r.path,
      `${r.verdict}/${r.reason}`,
    ]),
  );

  it('gives every fixture recording the verdict its README lists', () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(byPath).toEqual({
      'E-CUST.wav': 'hold/LEGAL_HOLD',
      'E-DUE.wav': 'compliant/QUALIFYING_EVENT',
      'E-EXPIRED.wav': 'review/HOLD_EXPIRED',
      'E-HOLD.wav': 'hold/LEGAL_HOLD',
      // The call started at or before its mtime; the order was logged a week after it.
      'E-LATE.wav': 'review/EVENT_TIME_MISMATCH',
      // Dated only by its mtime: the call may have started before the log period.
      'E-NONE.wav': 'review/COVERAGE_UNKNOWN',
      // "ne" alone goes to a human unless the DPO chose noticeMissing "violation".
      'E-NOTICE.wav': 'review/NO_PRIOR_NOTICE',
      'E-OK.wav': 'compliant/QUALIFYING_EVENT',
      'E-OLD.wav': 'violation/RETENTION_EXPIRED',
      'E-PURPOSE.wav': 'review/UNLAWFUL_STATED_PURPOSE',
      'E-SEPT.wav': 'review/OUTSIDE_LOG_COVERAGE',
      'trading/E-TRADE.wav': 'hold/LEGAL_HOLD',
    });
    expect(run.status).toBe(1);
  });

  it('lists stale holds, the recordings due for deletion and what it verified', () => {
    expect(report.engine.holds.stale.map((h: { value: string }) => h.value)).toEqual(['X-NOTHING']);
    expect(report.engine.holds.count).toBe(5);
    expect(report.engine.retention.dueSoon).toEqual([
      { root: archive, path: 'E-DUE.wav', callId: 'E-DUE', deleteBy: '2026-12-10T09:05:00.000Z' },
    ]);
    expect(report.engine.priorNotice).toMatchObject({
      verified: true,
      column: 'notice',
      noticeMissing: 'review',
      // E-OK's notice cell is empty: listed, and E-OK is not said to be verified.
      unrecognised: [{ value: '(empty)', rows: 1 }],
      unverifiedRecordings: 1,
    });
    expect(report.engine.priorNotice.statement).toMatch(/not verified for 1 recording/);
    expect(report.engine.coverage).toMatchObject({ basis: 'declared', coverageUnknown: 1 });
    expect(report.engine.join).toMatchObject({
      recordingsWithId: 12,
      recordingsJoined: 10,
      callLogIds: 10,
      callLogIdsJoined: 10,
    });
    expect(run.stdout).toContain(
      'Join: 10 of 12 recording(s) with a call ID found a call-log row; 10 of 10 call-log ID(s) found a recording.',
    );
    expect(report.engine.recordingTime).toEqual({ mtime: 12 });
    expect(report.engine.unconfirmedCitations.map((c: { id: string }) => c.id)).toContain('CIT_ZEKOM');
    const ok = report.recordings.find((r: { path: string }) => r.path === 'E-OK.wav');
    expect(ok).toMatchObject({ timeSource: 'mtime', deleteBy: '2029-10-03T08:05:00.000Z' });
    expect(run.stdout).toMatch(/1 legal hold\(s\) match no recording/);
    expect(run.stdout).toMatch(/1 compliant recording\(s\) due for deletion within 30 days/);
  });

  it('puts only violations in the deletion manifest: never a held recording', () => {
    const manifest = readFileSync(path.join(out, 'deletion-manifest.csv'), 'utf8');
    expect(manifest).toContain('E-OLD.wav');
    for (const doubtful of ['E-NOTICE', 'E-NONE', 'E-LATE']) expect(manifest).not.toContain(doubtful);
    for (const kept of ['E-HOLD', 'E-CUST', 'E-TRADE', 'E-EXPIRED']) expect(manifest).not.toContain(kept);
  });

  it('says "prior notice not verified" when no notice column is given', () => {
    const plain = path.join(tmp, 'plain');
    runCli([
      'audit',
      archive,
      '--crm',
      path.join(FIXTURE, 'calls.csv'),
      '--now',
      '2026-11-28',
      '--out',
      plain,
    ]);
    const r = JSON.parse(readFileSync(path.join(plain, 'report.json'), 'utf8'));
    expect(r.engine.priorNotice).toMatchObject({
      verified: false,
      statement: expect.stringMatching(/^prior notice not verified/),
    });
    expect(r.engine.coverage.basis).toBe('none');
    expect(r.engine.coverage.coverageUnknown).toBe(2);
  });

  it('deletes on a "not given" notice only when the DPO chose it', () => {
    const strict = path.join(tmp, 'strict');
    runCli(['audit', archive, ...ENGINE_FLAGS, '--notice-missing', 'violation', '--out', strict]);
    const r = JSON.parse(readFileSync(path.join(strict, 'report.json'), 'utf8'));
    const notice = r.recordings.find((f: { path: string }) => f.path === 'E-NOTICE.wav');
    expect(notice).toMatchObject({ verdict: 'violation', reason: 'NO_PRIOR_NOTICE' });
    expect(r.engine.priorNotice.noticeMissing).toBe('violation');
  });
});

describe('callaudit explain', () => {
  it('prints the chain for a call ID: events with file:line, each rule, verdict and legal text', () => {
    const run = runCli(['explain', 'E-NOTICE', archive, ...ENGINE_FLAGS, '--lang', 'en'], tmp);
    expect(stderrBeyondSummary(run)).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'call ID     E-NOTICE — found in the file name by the file name without its extension',
    );
    expect(run.stdout).toMatch(
      /calls\.csv:4 {2}"Naročilo" → order \(vocabulary phrase "narocil"\), qualifies: yes/,
    );
    expect(run.stdout).toMatch(/at 3 Oct 2026 10:05, inside the window/);
    expect(run.stdout).toMatch(
      /window {6}events up to 6 Oct 2026 10:00 count \(72 h after the file's modification time; the call started at or before it/,
    );
    expect(run.stdout).toMatch(/1\. legal-hold +does not apply/);
    expect(run.stdout).toMatch(/6\. prior-notice +decides → review \/ NO_PRIOR_NOTICE/);
    expect(run.stdout).toMatch(/8\. qualifying-event +not reached/);
    expect(run.stdout).toContain('Verdict: review / NO_PRIOR_NOTICE');
    expect(run.stdout).toMatch(/CIT_ZEKOM \[UNCONFIRMED\]\n {4}SL: ZEKom-2/);
    expect(run.stdout).toMatch(/EN: /);
    expect(existsSync(path.join(tmp, 'callaudit-report'))).toBe(false);
  });

  it('explains a file path as JSON, with the holds that decided', () => {
    const run = runCli(
      ['explain', path.join(archive, 'trading/E-TRADE.wav'), archive, ...ENGINE_FLAGS, '--json'],
      tmp,
    );
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.policy).toMatchObject({ id: 'si-ip-akos', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const [x] = out.recordings;
    expect(x).toMatchObject({ verdict: 'hold', reason: 'LEGAL_HOLD' });
    expect(x.holds.active[0]).toMatchObject({ type: 'regulatory', scope: 'path', value: 'trading/**' });
    expect(x.rules[0]).toMatchObject({ rule: 'legal-hold', status: 'decides' });
    expect(x.rules.at(-1)).toMatchObject({ rule: 'expired-hold', kind: 'safeguard' });
    // A regulatory hold cites MiFID II and GDPR art. 17(3), not the dsar article ZVOP-2 art. 21.
    expect(x.legalBasis.map((c: { id: string }) => c.id)).toEqual(['CIT_MIFID_16_7', 'CIT_GDPR_17']);
  });

  it('uses the file’s folder as the archive root when none is given', () => {
    const run = runCli(['explain', path.join(archive, 'E-OK.wav'), ...ENGINE_FLAGS, '--json'], tmp);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).recordings[0]).toMatchObject({
      verdict: 'compliant',
      reason: 'QUALIFYING_EVENT',
    });
  });

  it('exits 2 naming what it looked for when nothing matches', () => {
    const run = runCli(['explain', 'NO-SUCH-CALL', archive, ...ENGINE_FLAGS], tmp);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no recording .* "NO-SUCH-CALL"/);
  });
});

describe('callaudit policy', () => {
  it('prints the default pack with retention and citation status', () => {
    const run = runCli(['policy']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Policy pack si-ip-akos@1\.2\.0 \(SI\)\nsha256 [0-9a-f]{64}/);
    expect(run.stdout).toMatch(/order +qualifies: yes +retention: P3Y/);
    expect(run.stdout).toMatch(
      /Retention \(UNCONFIRMED: the DPO must confirm the periods\), grace 0 day\(s\)/,
    );
    expect(run.stdout).toContain('CIT_ZEKOM [UNCONFIRMED]');
    expect(run.stdout).toContain('CIT_ZVOP2_21 [CONFIRMED]');
    expect(run.stdout).toContain('CIT_IP_AKOS [SECONDARY]');
  });

  it('prints a custom pack as JSON with the sha256 the audit report records', () => {
    const example = path.join(REPO, 'fixtures/policy/acme-telecom.json');
    const run = runCli(['policy', '--policy', example, '--json']);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.policy).toMatchObject({ id: 'acme-telecom', version: '2.0.0' });
    expect(out.pack.retention.periods.complaint).toBe('P5Y');
    const reportDir = path.join(tmp, 'acme');
    runCli(['audit', archive, ...ENGINE_FLAGS, '--policy', example, '--out', reportDir]);
    const report = JSON.parse(readFileSync(path.join(reportDir, 'report.json'), 'utf8'));
    expect(report.policy).toEqual(out.policy);
    const due = report.recordings.find((r: { path: string }) => r.path === 'E-DUE.wav');
    expect(due.deleteBy).toBe('2028-12-17T09:05:00.000Z');
  });

  it('exits 2 on an invalid pack file, naming the field', () => {
    const run = runCli(['policy', '--policy', path.join(FIXTURE, 'holds.csv')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/holds\.csv: the policy pack is not valid JSON/);
  });
});
