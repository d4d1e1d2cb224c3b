import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { summarise } from '../../src/audit/summarise.js';
import type { Category, Finding, Verdict } from '../../src/audit/types.js';
import { htmlReporter } from '../../src/report/html/html-report.js';
import { LIST_COMPLIANT_UP_TO, tableSelection } from '../../src/report/html/table-data.js';
import { hostileResult } from '../support/hostile-result.js';

const VERDICTS: Verdict[] = [
  'compliant',
  'violation',
  'compliant',
  'review',
  'compliant',
  'hold',
  'compliant',
];
const CATEGORY_LISTS: Category[][] = [['order'], ['complaint'], ['order', 'complaint'], []];

/** `count` findings, each with its own path; verdicts and category lists in a fixed rotation. */
function largeResult(count: number): AuditResult {
  const base = hostileResult().recordings[0]!;
  const recordings = Array.from({ length: count }, (_, i): Finding => ({
    ...base,
    root: '/srv/recordings',
    path: `2026/10/01/rec-${i}.wav`,
    callId: `call-${i}`,
    verdict: VERDICTS[i % VERDICTS.length]!,
    categories: CATEGORY_LISTS[Math.floor(i / 7) % CATEGORY_LISTS.length]!,
    events: [],
    problems: [],
  }));
  return { ...hostileResult(), recordings, summary: summarise(recordings) };
}

function tableData(html: string): { rows: unknown[][]; compliantSummary?: unknown } {
  const json = /<script type="application\/json" id="report-data">([^]*?)<\/script>/.exec(html)![1]!;
  return JSON.parse(json) as { rows: unknown[][]; compliantSummary?: unknown };
}

/** Compliant findings counted per category list, as the table's column shows them. */
function compliantPerCategory(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) {
    if (f.verdict !== 'compliant') continue;
    const key = f.categories.join(', ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('the HTML findings table of a large audit', () => {
  it('lists every violation, review and hold, and summarises the compliant findings per category', () => {
    const result = largeResult(LIST_COMPLIANT_UP_TO + 7_001);
    const html = htmlReporter.render(result, { lang: 'en', redact: false });
    const { rows, compliantSummary } = tableData(html);
    const needAction = result.recordings.filter((f) => f.verdict !== 'compliant');
    expect(needAction.length).toBeGreaterThan(0);
    // Row cell 1 is the path: each finding that needs action, in the audit's order, and nothing else.
    expect(rows.map((row) => row[1])).toEqual(needAction.map((f) => f.path));
    const expected = compliantPerCategory(result.recordings);
    const summary = compliantSummary as {
      recordings: number;
      byCategory: Array<{ categories: string; recordings: number }>;
    };
    expect(summary.recordings).toBe(result.summary.compliant);
    expect(new Map(summary.byCategory.map((c) => [c.categories, c.recordings]))).toEqual(expected);
    const counts = summary.byCategory.map((c) => c.recordings);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // The page says so, where a reader looks for the findings, and points to the complete files.
    const section = /<section id="compliant-summary">([^]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(section).toContain(`${result.summary.compliant} compliant recordings are not listed`);
    expect(section).toContain('findings.csv and report.json');
    for (const [categories, n] of expected) {
      const label = categories === '' ? '—' : `<code>${categories}</code>`;
      expect(section).toContain(`<td>${label}</td><td class="num">${n}</td>`);
    }
    expect(html).toContain(`<span data-total="table">${needAction.length}</span>`);
  });

  it('lists every finding, compliant ones too, up to the threshold, with no summary', () => {
    const result = largeResult(LIST_COMPLIANT_UP_TO);
    const html = htmlReporter.render(result, { lang: 'sl', redact: false });
    const data = tableData(html);
    expect(data.rows.map((row) => row[1])).toEqual(result.recordings.map((f) => f.path));
    expect(data).not.toHaveProperty('compliantSummary');
    expect(html).not.toContain('compliant-summary');
    expect(html).toContain(`<span data-total="table">${LIST_COMPLIANT_UP_TO}</span>`);
  });

  it('selects by verdict alone, whatever the threshold', () => {
    const findings = largeResult(30).recordings;
    expect(tableSelection(findings, 30)).toEqual({ listed: null, compliantSummary: null });
    const { listed, compliantSummary } = tableSelection(findings, 29);
    expect(listed).toEqual(findings.flatMap((f, i) => (f.verdict === 'compliant' ? [] : [i])));
    expect(compliantSummary?.recordings).toBe(findings.filter((f) => f.verdict === 'compliant').length);
  });
});
