import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../src/cli/read-report.js';
import { REPO } from '../support/run-cli.js';
import { hostileResult } from '../support/hostile-result.js';
import { errorOf } from '../support/error-of.js';
import { tempDir } from '../archive/helpers.js';

// Item 14 of issue 13: `render` and `--baseline` check a report.json's field types against the
// report's schema, so a hand-edited report is a clear error naming the field, not a crash later.
type Fields = Record<string, unknown>;
/** The parts of a report.json these tests edit, as plain JSON. */
interface EditableReport {
  recordings: Fields[];
  summary: Fields;
  policy: Fields;
  inputs: { callLogs: Fields[] };
  engine: { retention: Fields };
}

const golden = () =>
  JSON.parse(readFileSync(path.join(REPO, 'test/golden/report.json'), 'utf8')) as EditableReport;

function saved(report: unknown): string {
  const file = path.join(tempDir('callaudit-read-report-'), 'report.json');
  writeFileSync(file, JSON.stringify(report));
  return file;
}

describe('readReport', () => {
  it('reads the golden report and a report with every kind of hostile text', () => {
    expect(readReport(saved(golden()), 'report').recordings.length).toBeGreaterThan(0);
    expect(readReport(saved(hostileResult()), 'report').runId).toBe(hostileResult().runId);
  });

  it('keeps fields it does not know (a later minor version may add some)', () => {
    const report = golden();
    report.recordings[0]!.addedLater = { x: 1 };
    expect((readReport(saved(report), 'report').recordings[0] as unknown as Fields).addedLater).toEqual({
      x: 1,
    });
  });

  it.each([
    ['a size as text', (r: EditableReport) => (r.recordings[0]!.size = 'big'), 'recordings.0.size'],
    [
      'an unknown verdict',
      (r: EditableReport) => (r.recordings[1]!.verdict = 'delete'),
      'recordings.1.verdict',
    ],
    ['events not a list', (r: EditableReport) => (r.recordings[2]!.events = {}), 'recordings.2.events'],
    ['a path as a number', (r: EditableReport) => (r.recordings[0]!.path = 7), 'recordings.0.path'],
    ['a summary count as text', (r: EditableReport) => (r.summary.violation = '3'), 'summary.violation'],
    [
      'a call-log row count negative',
      (r: EditableReport) => (r.inputs.callLogs[0]!.rows = -1),
      'inputs.callLogs.0.rows',
    ],
    ['the policy id missing', (r: EditableReport) => delete r.policy.id, 'policy.id'],
    [
      'an engine section of the wrong shape',
      (r: EditableReport) => (r.engine.retention.dueSoon = 'none'),
      'engine.retention.dueSoon',
    ],
  ])('refuses %s, naming the field', (_what, damage, field) => {
    const report = golden();
    damage(report);
    const error = errorOf(() => readReport(saved(report), 'report'));
    expect(error.code).toBe('REPORT_INVALID');
    expect(error.message).toContain('fields of the wrong type');
    expect(error.message).toContain(`  ${field}: `);
  });

  it('names at most ten wrong fields, and how many more there are', () => {
    const report = golden();
    for (const finding of report.recordings) finding.size = 'x';
    const error = errorOf(() => readReport(saved(report), 'baseline'));
    expect(error.message.split('\n').filter((l) => l.includes('.size:'))).toHaveLength(10);
    expect(error.message).toMatch(/… and \d+ more/);
  });

  it('refuses a FIFO or a device by its kind, without opening it', () => {
    const dir = tempDir('callaudit-read-report-');
    const fifo = path.join(dir, 'report.json');
    execFileSync('mkfifo', [fifo]);
    expect(errorOf(() => readReport(fifo, 'report')).message).toBe(
      'the report is a FIFO (named pipe), not a regular file',
    );
    expect(errorOf(() => readReport('/dev/zero', 'baseline')).message).toBe(
      'the baseline is a character device, not a regular file',
    );
  });
});
