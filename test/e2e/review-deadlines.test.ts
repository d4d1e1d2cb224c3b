import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewDeadlines } from '../../src/audit/review-deadlines.js';
import { DEMO_AUDIT } from '../support/demo-audit.js';
import { runCli } from '../support/run-cli.js';
import { makeRecording } from '../support/builders.js';
import type { Finding } from '../../src/audit/types.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-deadlines-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const withNow = (now: string) => DEMO_AUDIT.map((a) => (a === '2026-11-28T12:00:00Z' ? now : a));
const read = (dir: string) => JSON.parse(readFileSync(path.join(tmp, dir, 'report.json'), 'utf8'));

describe('review deadlines', () => {
  it('keeps the first audit as reviewSince through --baseline and fails --fail-on review-overdue on old reviews', () => {
    expect(runCli(['audit', ...DEMO_AUDIT, '--out', path.join(tmp, 'first')]).status).toBe(0);
    const first = read('first');
    const reviews = first.recordings.filter((f: Finding) => f.verdict === 'review');
    expect(reviews.every((f: Finding) => f.reviewSince === '2026-11-28T12:00:00.000Z')).toBe(true);
    expect(
      first.recordings.filter((f: Finding) => f.verdict !== 'review').some((f: Finding) => f.reviewSince),
    ).toBe(false);

    const later = [...withNow('2027-01-15T12:00:00Z'), '--baseline', path.join(tmp, 'first', 'report.json')];
    const overdue = runCli([
      'audit',
      ...later,
      '--out',
      path.join(tmp, 'later'),
      '--fail-on',
      'review-overdue',
    ]);
    expect(overdue.status).toBe(1);
    const report = read('later');
    expect(report.engine.reviews.withinDays).toBe(30);
    expect(report.engine.reviews.overdue).toHaveLength(reviews.length);
    expect(report.engine.reviews.overdue[0]).toMatchObject({
      reviewSince: '2026-11-28T12:00:00.000Z',
      openDays: 48,
    });

    const patient = runCli([
      'audit',
      ...later,
      '--out',
      path.join(tmp, 'patient'),
      '--fail-on',
      'review-overdue',
      '--review-within',
      '60',
    ]);
    expect(patient.status).toBe(0);
    expect(read('patient').engine.reviews.overdue).toEqual([]);

    const noBaseline = runCli([
      'audit',
      ...withNow('2027-01-15T12:00:00Z'),
      '--out',
      path.join(tmp, 'fresh'),
    ]);
    expect(noBaseline.status).toBe(0);
    expect(read('fresh').engine.reviews.overdue).toEqual([]);
  });

  it('lists overdue reviews oldest first, past the day limit only', () => {
    const review = (p: string, since: string): Finding =>
      ({
        ...makeRecording({ path: p }),
        verdict: 'review',
        reason: 'UNKNOWN_OUTCOME',
        reviewSince: since,
      }) as unknown as Finding;
    const result = reviewDeadlines(
      [
        review('b.wav', '2026-10-01T00:00:00Z'),
        review('a.wav', '2026-09-01T00:00:00Z'),
        review('c.wav', '2026-10-30T00:00:00Z'),
      ],
      '2026-11-29T00:00:00Z',
      30,
    );
    expect(result.overdue.map((o) => [o.path, o.openDays])).toEqual([
      ['a.wav', 89],
      ['b.wav', 59],
    ]);
  });
});
