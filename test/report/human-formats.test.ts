import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { summarise } from '../../src/audit/summarise.js';
import type { Finding } from '../../src/audit/types.js';
import { htmlReporter } from '../../src/report/html/html-report.js';
import { junitReporter } from '../../src/report/junit.js';
import { markdownReporter, mdText } from '../../src/report/markdown.js';
import { hostileResult } from '../support/hostile-result.js';

const en = { lang: 'en' as const, redact: true };

function withRecordings(recordings: Array<Finding & Record<string, unknown>>): AuditResult {
  return { ...hostileResult(), recordings, summary: summarise(recordings) };
}

const base = hostileResult().recordings[1]!;

describe('fields the policy engine adds later', () => {
  const result = withRecordings([
    {
      ...base,
      path: 'due.wav',
      verdict: 'compliant',
      reason: 'QUALIFYING_EVENT',
      deleteBy: '2026-12-10T00:00:00.000Z',
    },
    {
      ...base,
      path: 'later.wav',
      verdict: 'compliant',
      reason: 'QUALIFYING_EVENT',
      deleteBy: '2027-06-01T00:00:00.000Z',
    },
    { ...base, path: 'stale.wav', verdict: 'review', reason: 'HOLD_EXPIRED', explanation: 'hold ended' },
    { ...base, path: 'held.wav', verdict: 'hold', reason: 'LEGAL_HOLD' },
  ]);
  const html = htmlReporter.render(result, en);

  it('lists retention deadlines within 30 days and stale holds on the front page, when present', () => {
    expect(html).toContain('Retention deadlines due soon (1, ≤ 30 d)');
    expect(html).toContain('<code>due.wav</code>');
    expect(html).not.toContain('<code>later.wav</code>');
    expect(html).toContain('Holds that have ended (1)');
    expect(html).toContain('<code>stale.wav</code>');
  });

  it('leaves those sections out when the result has no such data', () => {
    const plain = htmlReporter.render(hostileResult(), en);
    expect(plain).not.toContain('<h2>Retention deadlines due soon');
    expect(plain).not.toContain('<h2>Holds that match no recording');
    expect(plain).not.toContain('<h2>Holds that have ended');
  });

  it('prefers the engine section of report.json: due soon, stale holds, notice and citation caveats', () => {
    const engine = {
      priorNotice: {
        verified: false,
        column: null,
        statement: 'prior notice not verified: no notice column',
      },
      retention: {
        dueWithinDays: 14,
        dueSoon: [{ root: 'r', path: 'engine-due.wav', callId: 'C-9', deleteBy: '2026-12-01T00:00:00.000Z' }],
      },
      holds: {
        file: 'holds.csv',
        count: 1,
        stale: [
          { id: 'holds.csv:2', scope: 'call_id', value: 'C-404<b>', reason: 'court case', until: null },
        ],
      },
      unconfirmedCitations: [{ id: 'CIT_ZEKOM', textEn: '…', source: '…' }],
    };
    const html = htmlReporter.render({ ...hostileResult(), engine } as AuditResult, en);
    expect(html).toContain('Retention deadlines due soon (1, ≤ 14 d)');
    expect(html).toContain('<code>engine-due.wav</code>');
    expect(html).toContain('Holds that match no recording (1)');
    expect(html).toContain('C-404&lt;b&gt;');
    expect(html).toContain('Prior notice not verified: the call logs were read without a notice column');
    expect(html).toContain('Citations not yet confirmed: <code>CIT_ZEKOM</code>');
  });

  it('shows the join both ways and the notice values not recognised, escaped, in HTML and Markdown', () => {
    const engine = {
      priorNotice: {
        verified: true,
        column: 'Obvestilo',
        statement: 'checked',
        unrecognised: [
          { value: '<N>', rows: 3 },
          { value: 'ni|', rows: 1 },
        ],
        unverifiedRecordings: 4,
      },
      join: { recordingsWithId: 28, recordingsJoined: 27, callLogIds: 29, callLogIdsJoined: 26 },
    };
    const withEngine = { ...hostileResult(), engine } as unknown as AuditResult;
    const html = htmlReporter.render(withEngine, en);
    expect(html).toContain('<span data-join="recordings">27/28</span>');
    expect(html).toContain('<span data-join="call-log-ids">26/29</span>');
    expect(html).toContain('Recordings whose prior notice is not verified: 4');
    expect(html).toContain('<code>&lt;N&gt;</code>');
    const md = markdownReporter.render(withEngine, en);
    expect(md).toContain('- Recordings with a call ID that found a call-log row: 27/28');
    expect(md).toContain('| ni\\| | 1 |');
    expect(md).toContain('| &lt;N&gt; | 3 |');
    const sl = markdownReporter.render(withEngine, { lang: 'sl', redact: true });
    expect(sl).toContain('Posnetki, pri katerih predhodno obvestilo ni preverjeno: 4');
  });

  it('makes violations JUnit failures, reviews skipped, holds and compliant passes', () => {
    const xml = junitReporter.render(result, en);
    expect(xml).toMatch(
      /name="HOLD_EXPIRED" package="callaudit" id="0" tests="1" failures="0" errors="0" skipped="1"/,
    );
    expect(xml).toContain('<testcase name="held.wav" classname="callaudit.LEGAL_HOLD" time="0"/>');
    expect(xml).not.toContain('<failure');
  });
});

describe('Markdown', () => {
  it('escapes table and emphasis characters and HTML', () => {
    expect(mdText('a|b *c* _d_ <e> `f`')).toBe('a\\|b \\*c\\* \\_d\\_ &lt;e&gt; \\`f\\`');
  });

  it('lists new findings since the baseline, masked', () => {
    const result = withRecordings([{ ...base, path: 'in_38640111222_C-7.wav', baseline: 'new' }]);
    result.baseline = {
      file: 'old.json',
      generatedAt: '2026-11-21T12:00:00.000Z',
      policy: result.policy,
      new: 1,
      persisting: 0,
      resolved: [],
    };
    const md = markdownReporter.render(result, en);
    expect(md).toContain('1 new, 0 persisting, 0 resolved since the baseline');
    expect(md).toContain('in\\_•••••••••22\\_C-7.wav');
  });
});
