import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE } from '../../src/audit/engine-settings.js';
import { explainRecording } from '../../src/audit/explain.js';
import { RULES } from '../../src/audit/judge.js';
import { makeEvent, makeRecording, stubClassifier, testPack } from '../support/builders.js';

const classify = stubClassifier({ Order: 'order', Info: 'information' });
const pack = {
  ...testPack(),
  reasonCitations: { HOLD_EXPIRED: ['CIT_X'] },
  citations: {
    CIT_X: { id: 'CIT_X', textSl: 'sl', textEn: 'en', status: 'unconfirmed' as const, source: 's' },
  },
};

describe('explainRecording', () => {
  it('marks rules before the deciding one as not applying, later ones as not reached, and a softening safeguard', () => {
    const engine = {
      ...DEFAULT_ENGINE,
      now: '2026-11-28T12:00:00.000Z',
      holds: [
        {
          id: 'h.csv:2',
          type: 'litigation' as const,
          scope: 'call_id' as const,
          value: 'C-1',
          reference: 'P 1/2026',
          reason: 'closed',
          until: '2026-11-01T00:00:00.000Z',
          period: null,
        },
      ],
    };
    const x = explainRecording(
      makeRecording({ startedAt: '2026-10-03T08:00:00.000Z', timeSource: 'filename' }),
      [makeEvent('Info', { at: '2026-10-03T08:10:00.000Z' })],
      { pack, classify, engine },
      'the file name without its extension',
    );
    const decided = RULES.findIndex((r) => r.id === 'non-qualifying-only');
    expect(x.rules.slice(0, decided).every((r) => r.status === 'does not apply')).toBe(true);
    expect(x.rules[decided]).toMatchObject({
      status: 'decides',
      verdict: 'violation',
      reason: 'NON_QUALIFYING_ONLY',
    });
    expect(x.rules.slice(decided + 1, RULES.length).every((r) => r.status === 'not reached')).toBe(true);
    expect(x.rules.at(-1)).toMatchObject({
      rule: 'expired-hold',
      kind: 'safeguard',
      status: 'softens',
      reason: 'HOLD_EXPIRED',
    });
    expect([x.verdict, x.reason]).toEqual(['review', 'HOLD_EXPIRED']);
    expect(x.events[0]).toMatchObject({ window: 'inside', category: 'information', qualifies: 'no' });
    expect(x.window).toEqual({
      from: '2026-10-03T07:00:00.000Z',
      to: '2026-10-06T08:00:00.000Z',
      maxEventLagHours: 72,
    });
    expect(x.holds.expired.map((h) => h.id)).toEqual(['h.csv:2']);
    expect(x.legalBasis).toEqual([pack.citations.CIT_X]);
  });
});
