import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { summarise } from '../../src/audit/summarise.js';
import type { Finding } from '../../src/audit/types.js';
import { findingText } from '../../src/report/finding-text.js';
import { viewFor } from '../../src/report/redacted-view.js';
import { hostileResult } from '../support/hostile-result.js';

const PHONE = '040 111 222';
const MAIL = 'ana@example.com';
const FREE_TEXT = `request from ${MAIL}, ${PHONE}`;

/** A finding whose message carries a hold's or a reviewer's free-text reason. */
function finding(reason: Finding['reason'], message: Finding['message']): Finding {
  return {
    root: '/srv',
    path: 'a.wav',
    callId: 'C-1',
    verdict: reason === 'LEGAL_HOLD' ? 'hold' : 'compliant',
    reason,
    message,
    categories: [],
    events: [],
    legalBasis: [],
    problems: [],
  } as unknown as Finding;
}

const hold = { type: 'dsar', reference: 'IP-7', reason: FREE_TEXT, id: 'holds.csv:2' };
const decision = {
  decision: 'keep' as const,
  category: 'order',
  reviewer: 'DPO',
  decidedAt: '2026-11-02',
  reason: FREE_TEXT,
  evidence: null,
  id: 'decisions.csv:2',
};

describe('free text inside a finding message is masked like the rest of the report', () => {
  it.each([
    ['a legal hold', finding('LEGAL_HOLD', { code: 'LEGAL_HOLD', args: { holds: [hold] } })],
    [
      "a reviewer's decision",
      finding('REVIEWED_KEEP', { code: 'REVIEWED_KEEP', args: { decision, deleteBy: null } }),
    ],
  ])('%s: its reason shows no phone number or e-mail address, in both languages', (_, f) => {
    const result: AuditResult = { ...hostileResult(), recordings: [f], summary: summarise([f]) };
    const view = viewFor(result, true);
    for (const lang of ['en', 'sl'] as const) {
      const text = findingText(view, lang, 'Europe/Ljubljana')(f);
      expect(text).toContain('request from');
      expect(text).not.toContain(MAIL);
      expect(text).not.toContain(PHONE);
    }
    // Unredacted (--no-redact), the same text is there in full: the test sees the reason at all.
    expect(findingText(viewFor(result, false), 'en', 'UTC')(f)).toContain(FREE_TEXT);
    // The reason code itself is still shown as it is.
    expect(view.show(f).reason).toBe(f.reason);
  });
});
