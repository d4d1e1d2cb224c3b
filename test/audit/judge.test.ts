import { describe, expect, it } from 'vitest';
import { judge, traceRules } from '../../src/audit/judge.js';
import { buildContext } from '../../src/audit/judge.js';
import type { PolicyPack } from '../../src/policy/types.js';
import { makeEvent, makeRecording, stubClassifier } from '../support/builders.js';
import { englishExplanation } from '../../src/report/messages/render.js';

const pack: PolicyPack = {
  id: 'test',
  version: '0',
  jurisdiction: 'SI',
  description: '',
  categories: [],
  negations: [],
  reasonCitations: { QUALIFYING_EVENT: ['CIT_A'], NO_CALL_LOG_ENTRY: ['CIT_B', 'CIT_C'] },
  citations: {},
  retention: {
    periods: { order: 'P3Y', complaint: 'P3Y' },
    graceDays: 0,
    status: 'unconfirmed',
    basisSl: 'x',
    basisEn: 'x',
    citationIds: [],
  },
};
const classify = stubClassifier({
  Order: 'order',
  Complaint: 'complaint',
  Info: 'information',
  'No sale': 'no_sale',
  Support: 'support',
  'Payment plan': 'relationship_change',
});
const policy = { pack, classify };

describe('judge', () => {
  it.each([
    ['one qualifying event', ['Order'], 'compliant', 'QUALIFYING_EVENT'],
    ['qualifying beats non-qualifying', ['Info', 'Complaint'], 'compliant', 'QUALIFYING_EVENT'],
    ['qualifying beats unknown', ['Mystery', 'Order'], 'compliant', 'QUALIFYING_EVENT'],
    ['only non-qualifying', ['Info', 'No sale'], 'violation', 'NON_QUALIFYING_ONLY'],
    ['unknown and non-qualifying', ['Info', 'Mystery'], 'review', 'UNKNOWN_OUTCOME'],
    ['support only', ['Support'], 'review', 'AMBIGUOUS_CATEGORY'],
    ['payment plan and info', ['Payment plan', 'Info'], 'review', 'AMBIGUOUS_CATEGORY'],
    ['unknown beats ambiguous', ['Support', 'Mystery'], 'review', 'UNKNOWN_OUTCOME'],
    // No coverage is known to a policy without engine settings: the absence proves nothing.
    ['no events', [], 'review', 'COVERAGE_UNKNOWN'],
  ])('%s → %s / %s', (_name, labels, verdict, reason) => {
    const finding = judge(
      makeRecording(),
      labels.map((l) => makeEvent(l)),
      policy,
    );
    expect(finding.verdict).toBe(verdict);
    expect(finding.reason).toBe(reason);
  });

  it('sends a recording without a call ID to review, whatever the log says', () => {
    const finding = judge(makeRecording({ callId: null, idSource: 'none' }), [], policy);
    expect([finding.verdict, finding.reason]).toEqual(['review', 'NO_CALL_ID']);
  });

  it('sends an unreadable file to review even when a qualifying event exists', () => {
    const recording = makeRecording({ size: 0, problems: [{ code: 'EMPTY_FILE', message: 'zero bytes' }] });
    const finding = judge(recording, [makeEvent('Order')], policy);
    expect([finding.verdict, finding.reason]).toEqual(['review', 'UNREADABLE_FILE']);
    expect(englishExplanation(finding.message)).toContain('zero bytes');
  });

  it('carries the evidence: file, line, label and how it was read, sorted by file and line', () => {
    const events = [
      makeEvent('Info', { file: 'b.csv', line: 3 }),
      makeEvent('Order', { file: 'a.csv', line: 9 }),
      makeEvent('Order', { file: 'a.csv', line: 2 }),
    ];
    const finding = judge(makeRecording(), events, policy);
    expect(finding.events.map((e) => `${e.file}:${e.line}:${e.category}`)).toEqual([
      'a.csv:2:order',
      'a.csv:9:order',
      'b.csv:3:information',
    ]);
    expect(finding.categories).toEqual(['information', 'order']);
    expect(finding.legalBasis).toEqual(['CIT_A']);
    expect(englishExplanation(finding.message)).toContain('"Order"');
  });

  it('traces the rules in order up to the one that decided', () => {
    const trace = traceRules(buildContext(makeRecording(), [makeEvent('Info')], policy));
    expect(trace.map((c) => c.rule)).toEqual([
      'legal-hold',
      'readable-file',
      'trusted-call-id',
      'review-decision',
      'call-id',
      'prior-notice',
      'stated-purpose',
      'qualifying-event',
      'event-time',
      'unknown-outcome',
      'ambiguous-category',
      'confirmed-label',
      'non-qualifying-only',
      'expired-hold',
    ]);
    expect(trace.at(-2)?.outcome?.reason).toBe('NON_QUALIFYING_ONLY');
    expect(trace.filter((c) => c.outcome !== null)).toHaveLength(1);
  });
});
