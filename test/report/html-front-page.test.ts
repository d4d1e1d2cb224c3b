import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { summarise } from '../../src/audit/summarise.js';
import type { Finding } from '../../src/audit/types.js';
import { htmlReporter } from '../../src/report/html/html-report.js';
import type { ReportLang } from '../../src/report/reporter.js';
import { hostileResult } from '../support/hostile-result.js';

type Verdict = Finding['verdict'];

/** `n` findings of one verdict, each on its own path, recorded on `mtime`. */
function findings(verdict: Verdict, n: number, extra: Partial<Finding> = {}): Finding[] {
  const base = hostileResult().recordings[0]!;
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    root: 'roots/a',
    path: `${verdict}/${i}.wav`,
    callId: `C-${verdict}-${i}`,
    verdict,
    reason: verdict === 'violation' ? 'NON_QUALIFYING_ONLY' : 'QUALIFYING_EVENT',
    problems: [],
    ...extra,
  }));
}

function result(recordings: Finding[], more: Partial<AuditResult> = {}): AuditResult {
  return {
    ...hostileResult(),
    inputs: { ...hostileResult().inputs, roots: [], callLogs: [] },
    problems: [],
    labels: [],
    recordings,
    summary: summarise(recordings),
    ...more,
  };
}

const render = (r: AuditResult, lang: ReportLang = 'en') => htmlReporter.render(r, { lang, redact: true });
const text = (html: string) =>
  html
    .replace(/<\/?(td|th|tr|p|h\d|div|section|table|tbody|thead|header)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
/** The server-rendered page, without the data block (which holds every message of the catalogue). */
const page = (html: string) => html.slice(0, html.indexOf('<script type="application/json"'));
const decisionCounts = (html: string) => text(/<p class="decision-counts">(.*?)<\/p>/.exec(html)![1]!);
/** The findings table as the page's data block holds it. */
function tableData(html: string): { strings: string[]; rows: unknown[][] } {
  const json = /<script type="application\/json" id="report-data">([^]*?)<\/script>/.exec(html)![1]!;
  return JSON.parse(json) as { strings: string[]; rows: unknown[][] };
}

describe('the front page of report.html', () => {
  it.each([
    [1, '1 posnetek za izbris'],
    [2, '2 posnetka za izbris'],
    [3, '3 posnetki za izbris'],
    [4, '4 posnetki za izbris'],
    [5, '5 posnetkov za izbris'],
    [101, '101 posnetek za izbris'],
    [102, '102 posnetka za izbris'],
    [0, '0 posnetkov za izbris'],
  ])('leads with the counts in Slovenian plural forms: %i violations', (n, expected) => {
    const html = render(
      result([...findings('violation', n), ...findings('review', 3), ...findings('compliant', 10)]),
      'sl',
    );
    expect(decisionCounts(html)).toBe(`${expected}, 3 za ročni pregled, 10 za hrambo`);
  });

  it('names holds in the sentence only when there are any, and speaks English in English', () => {
    const html = render(result([...findings('violation', 1), ...findings('hold', 2)]));
    expect(decisionCounts(html)).toBe(
      '1 recording to delete, 0 to review by hand, 0 to keep, 2 with deletion on hold',
    );
    expect(decisionCounts(render(result(findings('violation', 2)), 'sl'))).not.toContain('zadržan');
  });

  it('puts the result before the caveats and the caveats before the detail and the findings', () => {
    const html = render(result(findings('violation', 1)));
    const at = (marker: string) => html.indexOf(marker);
    expect(at('id="decision"')).toBeGreaterThan(0);
    expect(at('id="decision"')).toBeLessThan(at('id="caveats"'));
    expect(at('id="caveats"')).toBeLessThan(at('class="detail"'));
    expect(at('class="detail"')).toBeLessThan(at('id="findings-section"'));
    // The run ID, policy hash and period are part of the result, which is what gets printed.
    const decision = html.slice(at('id="decision"'), at('id="caveats"'));
    expect(decision).toContain('0123456789abcdef0123456789abcdef');
    expect(decision).toContain('a'.repeat(64));
  });

  it('gives the deadlines in the audit time zone and the manifest to act on', () => {
    const recordings = [
      // 22:30 UTC on 8 October is already 9 October in Ljubljana.
      ...findings('compliant', 1, { deleteBy: '2029-10-08T22:30:00.000Z' }),
      ...findings('compliant', 1, { deleteBy: '2030-01-01T12:00:00.000Z' }),
      ...findings('review', 1, { reviewSince: '2026-11-01T12:00:00.000Z' }),
      ...findings('violation', 1),
    ];
    const engine = { reviews: { withinDays: 14, overdue: [] } } as unknown as AuditResult['engine'];
    const html = render(
      result(recordings, { engine, deletionManifest: { sha256: 'f'.repeat(64), rows: 1 } }),
    );
    const decision = text(html.slice(html.indexOf('id="decision"'), html.indexOf('id="caveats"')));
    expect(decision).toContain('Deletion deadline now');
    expect(decision).toContain('next retention deadline of a kept recording: 9 Oct 2029');
    expect(decision).toContain('Review deadline 15 Nov 2026 (each review within 14 days; overdue: 0)');
    expect(decision).toContain('deletion-manifest.csv (rows: 1, SHA-256 ffffffffffffffff…)');
    expect(decision).toContain('callaudit purge deletion-manifest.csv is a dry run until --execute');

    const { strings, rows } = tableData(html);
    const deadline = (row: unknown[]) => (row[14] === -1 ? null : strings[row[14] as number]);
    expect(rows.map(deadline)).toEqual(['2029-10-09', '2030-01-01', null, null]);
  });

  it('says when the manifest was not written, and has no deletion deadline without deletions', () => {
    const withViolation = text(page(render(result(findings('violation', 1)))));
    expect(withViolation).toContain(
      'deletion-manifest.csv not written with this report: add manifest to --format',
    );
    const kept = text(page(render(result(findings('compliant', 2)))));
    expect(kept).not.toContain('Deletion deadline');
    expect(kept).not.toContain('Manifest to act on');
  });

  it('names the files and lines of input problems and the unreadable recordings', () => {
    const recordings = [
      ...findings('compliant', 1),
      ...findings('review', 1, {
        path: 'broken/in_C-9.wav',
        reason: 'UNREADABLE_FILE',
        problems: [{ code: 'TRUNCATED', message: 'data chunk ends early' }],
      }),
    ];
    const problems = [7, 3, 12].map((line) => ({
      file: 'crm/calls.csv',
      line,
      code: 'BAD_TIME',
      message: 'x',
    }));
    const html = render(result(recordings, { problems }));
    const section = text(html.slice(html.indexOf('Input problems')));
    expect(section).toContain('crm/calls.csv 3, 7, 12 BAD_TIME 3');
    expect(section).toContain('broken/in_C-9.wav — TRUNCATED 1');
    expect(html).toContain('<span data-problem="UNREADABLE_FILE">1</span>');
  });

  it('says how to get the other language', () => {
    expect(render(result([]), 'en')).toContain('callaudit render report.json --lang sl');
    expect(render(result([]), 'sl')).toContain('callaudit render report.json --lang en');
  });

  it('summarises a recording far outside the others in a note, not as years of empty chart', () => {
    const recordings = [
      ...findings('compliant', 20),
      ...findings('review', 1, { path: 'old.wav', mtime: '1970-01-01T00:00:00.000Z' }),
    ];
    const html = render(result(recordings));
    expect(text(/<p class="muted" id="outliers">(.*?)<\/p>/.exec(html)![1]!)).toBe(
      'Not plotted, far outside the bulk of the recordings: earlier: 1 (1970-01-01).',
    );
    expect(html).toContain('Recordings per day, by verdict');
    expect(html).not.toContain('>1970-01-01</text>');
  });
});
