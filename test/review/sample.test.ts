import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/audit/types.js';
import { allocate, drawSample } from '../../src/review/sample.js';
import { checkSample, parseCheckedSample, wilsonInterval } from '../../src/review/sample-check.js';
import { renderSampleCsv, renderSampleHtml } from '../../src/review/sample-files.js';
import { errorOf } from '../support/error-of.js';

const QUALIFYING = new Set(['order', 'complaint', 'cancellation']);
const CATEGORIES = ['order', 'complaint', 'cancellation', 'information', 'no_sale'] as const;
const REASONS = ['NON_QUALIFYING_ONLY', 'NO_CALL_LOG_ENTRY', 'RETENTION_EXPIRED'] as const;

function finding(i: number, verdict: Finding['verdict'], category: string, reason: string): Finding {
  return {
    root: 'archive',
    path: `f/${i}_C-${i}.wav`,
    callId: `C-${i}`,
    idSource: 'filename',
    verdict,
    reason: reason as Finding['reason'],
    message: { code: 'TEXT', args: { text: 'x' } },
    categories: [category as Finding['categories'][number]],
    events: [
      {
        file: 'c.csv',
        line: i + 2,
        outcome: `label ${category}`,
        category: category as Finding['categories'][number],
        matchedBy: 'vocabulary',
        term: null,
        at: null,
        window: 'inside',
      },
    ],
    legalBasis: [],
    size: 1,
    mtime: '2026-10-01T00:00:00.000Z',
    format: 'WAVE',
    codec: 'PCM',
    durationSec: 1,
    startedAt: null,
    problems: [],
  };
}

const reportArb = fc
  .array(
    fc.record({
      verdict: fc.constantFrom<Finding['verdict']>('compliant', 'violation', 'review', 'hold'),
      category: fc.constantFrom(...CATEGORIES),
      reason: fc.constantFrom(...REASONS),
    }),
    { maxLength: 120 },
  )
  .map((rows) =>
    rows.map((r, i) =>
      finding(
        i,
        r.verdict,
        r.verdict === 'compliant' ? ['order', 'complaint', 'cancellation'][i % 3]! : r.category,
        r.verdict === 'compliant' ? 'QUALIFYING_EVENT' : r.reason,
      ),
    ),
  );

describe('drawSample (property over random reports)', () => {
  it('is reproducible, covers every stratum, never repeats a recording and stays proportional', () => {
    fc.assert(
      fc.property(reportArb, fc.integer({ min: 1, max: 80 }), fc.nat(), (findings, size, seed) => {
        const a = drawSample(findings, size, seed, 'default', QUALIFYING);
        const b = drawSample([...findings].reverse(), size, seed, 'default', QUALIFYING);
        expect(b.recordings.map((r) => r.finding.path)).toEqual(a.recordings.map((r) => r.finding.path));
        const eligible = findings.filter((f) => f.verdict === 'compliant' || f.verdict === 'violation');
        const strata = new Set(
          eligible.map((f) =>
            f.verdict === 'compliant' ? `compliant/${f.categories[0]}` : `violation/${f.reason}`,
          ),
        );
        expect(new Set(a.plan.map((p) => p.stratum))).toEqual(strata);
        for (const p of a.plan) {
          expect(p.sampled).toBeGreaterThanOrEqual(1);
          expect(p.sampled).toBeLessThanOrEqual(p.population);
          expect(a.recordings.filter((r) => r.stratum === p.stratum)).toHaveLength(p.sampled);
        }
        expect(a.recordings.length).toBe(Math.min(eligible.length, Math.max(size, strata.size)));
        expect(new Set(a.recordings.map((r) => r.finding.path)).size).toBe(a.recordings.length);
        expect(
          a.recordings.every((r) => r.finding.verdict === 'compliant' || r.finding.verdict === 'violation'),
        ).toBe(true);
        // Proportional: beyond the one each stratum is given, no stratum is more than one off its share.
        const total = eligible.length;
        if (size >= strata.size && size < total)
          for (const p of a.plan)
            expect(Math.abs(p.sampled - (size * p.population) / total)).toBeLessThanOrEqual(strata.size + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('another seed draws another sample', () => {
    const findings = Array.from({ length: 200 }, (_, i) =>
      finding(i, 'compliant', 'order', 'QUALIFYING_EVENT'),
    );
    const paths = (seed: number) =>
      drawSample(findings, 10, seed, 'default', QUALIFYING).recordings.map((r) => r.finding.path);
    expect(paths(1)).not.toEqual(paths(2));
    expect(paths(1)).toEqual(paths(1));
  });

  it('allocates one per stratum, then by largest remainder', () => {
    expect(
      Object.fromEntries(
        allocate(
          [
            ['a', 70],
            ['b', 20],
            ['c', 10],
          ],
          10,
        ),
      ),
    ).toEqual({ a: 6, b: 2, c: 2 });
    expect(
      Object.fromEntries(
        allocate(
          [
            ['a', 1],
            ['b', 1],
            ['c', 100],
          ],
          2,
        ),
      ),
    ).toEqual({ a: 1, b: 1, c: 1 });
    expect(
      Object.fromEntries(
        allocate(
          [
            ['a', 3],
            ['b', 2],
          ],
          50,
        ),
      ),
    ).toEqual({ a: 3, b: 2 });
  });
});

describe('sample --check arithmetic', () => {
  it.each([
    [0, 10, 0, 0.2775],
    [2, 10, 0.0567, 0.5098],
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1],
    [1, 20, 0.0089, 0.2361],
  ])('Wilson 95 percent interval, case %#', (x, n, low, high) => {
    const [l, h] = wilsonInterval(x, n);
    expect(l).toBeCloseTo(low, 4);
    expect(h).toBeCloseTo(high, 4);
  });

  it('counts per stratum against a hand-made table and flags contradicted compliant recordings', () => {
    const csv = [
      '# callaudit sample; run r; seed 1; size 7',
      'call_id,stratum,verdict,listener_finding,note',
      'C-1,compliant/order,compliant,confirmed,',
      'C-2,compliant/order,compliant,Contradicted,only asked',
      'C-3,compliant/order,compliant,confirmed,',
      'C-4,compliant/order,compliant,,',
      'C-5,violation/NON_QUALIFYING_ONLY,violation,confirmed,',
      'C-6,violation/NON_QUALIFYING_ONLY,violation,contradicted,ordered after all',
      'C-7,violation/NO_CALL_LOG_ENTRY,violation,,',
    ].join('\n');
    const check = checkSample(parseCheckedSample(csv, 's.csv'));
    expect(
      check.strata.map((s) => [s.stratum, s.sampled, s.checked, s.confirmed, s.contradicted, s.rate]),
    ).toEqual([
      ['compliant/order', 4, 3, 2, 1, 1 / 3],
      ['violation/NON_QUALIFYING_ONLY', 2, 2, 1, 1, 0.5],
      ['violation/NO_CALL_LOG_ENTRY', 1, 0, 0, 0, null],
    ]);
    expect([check.total.checked, check.total.contradicted, check.compliantContradicted]).toEqual([5, 2, 1]);
    expect(check.strata[0]!.interval![0]).toBeCloseTo(0.0615, 4);
    expect(check.strata[0]!.interval![1]).toBeCloseTo(0.7923, 4);
  });

  it('names the file and line of a listener finding it cannot read', () => {
    const error = errorOf(() =>
      parseCheckedSample('# x\nstratum,verdict,listener_finding\ns,compliant,maybe\n', 's.csv'),
    );
    expect([error.code, error.file, error.line]).toEqual(['SAMPLE_INVALID', 's.csv', 3]);
  });
});

describe('the sample files', () => {
  const hostile = finding(1, 'compliant', 'order', 'QUALIFYING_EVENT');
  hostile.path = 'x/<img src=x onerror=alert(1)>_041234567_C-1.wav';
  hostile.events[0]!.outcome = '=HYPERLINK("http://evil") <script>alert(1)</script>';
  const sample = drawSample([hostile], 5, 3, 'default', QUALIFYING);

  it('say how the sample was drawn and escape and mask everything', () => {
    const csv = renderSampleCsv(sample, 'RUN-1', true);
    expect(csv).toContain('# callaudit sample; run RUN-1; seed 3; size 5; strata default; drawn 1');
    expect(csv).toContain('# stratum compliant/order: 1 of 1');
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toContain('041234567');
    const html = renderSampleHtml(sample, 'RUN-1', 'out', true);
    expect(html).not.toMatch(/<img|<script>alert/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html.replace(/src="[^"]*"/g, '')).not.toContain('041234567');
    expect(html).toMatch(/<audio controls preload="none" src="\.\.\/archive\/x\/%3Cimg/);
    expect(html).toContain('run RUN-1; seed 3');
  });
});
