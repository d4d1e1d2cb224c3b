import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { summarise } from '../../src/audit/summarise.js';
import type { Finding } from '../../src/audit/types.js';
import { htmlReporter } from '../../src/report/html/html-report.js';
import { viewFor } from '../../src/report/redacted-view.js';
import { hostileResult } from '../support/hostile-result.js';
import { zoneOf } from '../../src/report/finding-text.js';
import { englishExplanation, formatTime } from '../../src/report/messages/render.js';

const PHONE = '040 111 222';

/**
 * Findings whose every text holds a phone number; the same texts recur in other findings and in
 * other fields, some masked (outcome, term) and some never masked (category, legal basis), so a
 * table index remembered for the wrong field or value shows.
 */
function findings(): Finding[] {
  const base = hostileResult().recordings[1]!;
  const event = (outcome: string, category: string, term: string | null) => ({
    file: `crm/${PHONE}.csv`,
    line: 7,
    outcome,
    category,
    matchedBy: 'vocabulary',
    term,
    at: '2026-10-03T09:15:00.000Z',
  });
  const finding = (i: number, text: string, baseline?: 'new' | 'persisting'): Finding =>
    ({
      ...base,
      root: i % 2 === 0 ? `/srv/${PHONE}` : '/srv/plain',
      path: `2026/10/0${i}/in-38640111222-7001-20261003-09150${i}-1729512345.12${i}.wav`,
      callId: i === 3 ? `call ${PHONE}` : `172951234${i}.5`,
      message: { code: 'TEXT', args: { text: `${text} ${i % 2}` } },
      categories: [text, 'order'],
      events: [event(text, text, i < 3 ? text : `${text} term`), event('Naročilo', 'order', null)],
      legalBasis: [text],
      problems: [{ code: text, message: text }],
      ...(baseline ? { baseline } : {}),
    }) as unknown as Finding;
  return [
    finding(1, PHONE, 'new'),
    finding(2, 'ana@x.si'),
    finding(3, PHONE, 'persisting'),
    finding(4, 'ana@x.si'),
  ];
}

/** The findings table as the page's data block holds it. */
function tableData(html: string): { strings: string[]; rows: unknown[][] } {
  const json = /<script type="application\/json" id="report-data">([^]*?)<\/script>/.exec(html)![1]!;
  return JSON.parse(json) as { strings: string[]; rows: unknown[][] };
}

describe('the findings table in report.html', () => {
  it('holds every field of every finding exactly as show masks it', () => {
    const recordings = findings();
    const result: AuditResult = { ...hostileResult(), recordings, summary: summarise(recordings) };
    const html = htmlReporter.render(result, { lang: 'en', redact: true });
    const { strings, rows } = tableData(html);
    const text = (i: unknown) => (i === -1 ? null : strings[i as number]);
    const view = viewFor(result, true);
    expect(rows).toHaveLength(recordings.length);
    rows.forEach((row, n) => {
      const f = view.show(recordings[n]!);
      const [root, path, callId, verdict, reason, categories, , , , explanation] = row;
      expect([text(root), path, callId, text(verdict), text(reason)]).toEqual([
        f.root,
        f.path,
        f.callId,
        f.verdict,
        f.reason,
      ]);
      expect([text(categories), text(explanation)]).toEqual([
        f.categories.join(', '),
        englishExplanation(f.message),
      ]);
      const events = (row[10] as unknown[][]).map(([file, line, outcome, category, matchedBy, term, at]) => ({
        file: text(file),
        line,
        outcome: text(outcome),
        category: text(category),
        matchedBy: text(matchedBy),
        term: text(term),
        at,
      }));
      // Event times are shown in the audit's zone and the report's language.
      expect(events).toEqual(
        f.events.map((e) => ({ ...e, at: e.at === null ? null : formatTime('en', e.at, zoneOf(result)) })),
      );
      expect(text(row[11])).toBe(f.legalBasis.join(' '));
      expect((row[12] as unknown[]).map(text)).toEqual(f.problems.map((p) => `${p.code}: ${p.message}`));
      expect(text(row[13])).toBe(f.baseline ?? null);
    });
    // The table lists strings in order of first use, reading each row's string cells in order.
    const used: number[] = [];
    const use = (i: unknown) => {
      if (i !== -1 && !used.includes(i as number)) used.push(i as number);
    };
    for (const row of rows) {
      [0, 3, 4, 5, 6, 9].forEach((cell) => use(row[cell]));
      for (const e of row[10] as unknown[][]) [0, 2, 3, 4, 5].forEach((cell) => use(e[cell]));
      use(row[11]);
      (row[12] as unknown[]).forEach(use);
      use(row[13]);
    }
    expect(used).toEqual(strings.map((_, i) => i));
    // The same text, masked in some fields and kept in others (category, legal basis).
    expect(strings).toContain('••• ••• •22');
    expect(strings).toContain(PHONE);
  });
});
