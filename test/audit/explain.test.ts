import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE } from '../../src/audit/engine-settings.js';
import { explainRecording } from '../../src/audit/explain.js';
import { RULES } from '../../src/audit/judge.js';
import { renderExplanation } from '../../src/report/explain-text.js';
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

  it('explains a recording dated by its mtime: only a late event is too late, and its absence proves nothing', () => {
    const engine = {
      ...DEFAULT_ENGINE,
      coverage: {
        basis: 'declared' as const,
        spans: [{ source: '--log-period', from: '2026-10-01T00:00:00.000Z', to: '2026-10-31T23:59:59.999Z' }],
      },
    };
    const recording = makeRecording({ startedAt: '2026-10-20T08:00:00.000Z', timeSource: 'mtime' });
    const late = explainRecording(
      recording,
      [
        makeEvent('Order', { at: '2026-10-25T08:00:00.000Z' }),
        makeEvent('Info', { at: '2026-09-01T08:00:00.000Z' }),
      ],
      { pack, classify, engine },
      'the file name without its extension',
    );
    expect(late.window).toEqual({ from: null, to: '2026-10-23T08:00:00.000Z', maxEventLagHours: 72 });
    expect(late.events.map((e) => e.window)).toEqual(['after', 'inside']);
    expect([late.verdict, late.reason]).toEqual(['review', 'EVENT_TIME_MISMATCH']);
    const text = renderExplanation(late, { id: 'test', version: '0', sha256: 'f'.repeat(64) }, 'en', 'UTC');
    expect(text).toContain(
      "window      events up to 23 Oct 2026 08:00 count (72 h after the file's modification time; the call started at or before it",
    );

    const absent = explainRecording(recording, [], { pack, classify, engine }, 'x');
    expect(absent.coverage).toEqual({ basis: 'declared', recording: 'mtime-only' });
    expect([absent.verdict, absent.reason]).toEqual(['review', 'COVERAGE_UNKNOWN']);
    expect(
      renderExplanation(absent, { id: 'test', version: '0', sha256: 'f'.repeat(64) }, 'en', 'UTC'),
    ).toMatch(/coverage {4}mtime-only \(basis: declared\): dated only by its modification time/);
  });
});
