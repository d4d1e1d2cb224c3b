import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE, type EngineSettings } from '../../src/audit/engine-settings.js';
import { judge } from '../../src/audit/judge.js';
import { labelsOfFindings } from '../../src/audit/label-inventory.js';
import type { Hold } from '../../src/policy/holds.js';
import { createClassifier, normaliseLabel } from '../../src/policy/classify.js';
import { loadBuiltinPack } from '../../src/policy/load-pack.js';
import { makeEvent, makeRecording } from '../support/builders.js';
import { englishExplanation } from '../../src/report/messages/render.js';

const pack = loadBuiltinPack();
const CALL_AT = '2026-10-03T08:00:00.000Z';

function judgeWith(
  labels: string[],
  options: {
    map?: Record<string, string>;
    unconfirmed?: string[];
    engine?: Partial<EngineSettings>;
    firstLine?: number;
  } = {},
) {
  const map = options.map
    ? new Map(
        Object.entries(options.map).map(([label, category]) => [normaliseLabel(label), category as never]),
      )
    : undefined;
  const classify = createClassifier(pack, map, new Set((options.unconfirmed ?? []).map(normaliseLabel)));
  const recording = makeRecording({ callId: 'C-1', startedAt: CALL_AT, timeSource: 'filename' });
  const events = labels.map((label, i) =>
    makeEvent(label, { callId: 'C-1', line: i + (options.firstLine ?? 2), at: CALL_AT }),
  );
  return judge(recording, events, {
    pack,
    classify,
    engine: { ...DEFAULT_ENGINE, now: CALL_AT, ...options.engine },
  });
}

describe('--labels confirmed: UNCONFIRMED_LABEL', () => {
  it('keeps deleting on a non-qualifying label by default (labels any)', () => {
    expect(judgeWith(['Ni nakupa'])).toMatchObject({ verdict: 'violation', reason: 'NON_QUALIFYING_ONLY' });
  });

  it('sends a non-qualifying label no outcome-map row confirms to review', () => {
    const finding = judgeWith(['Ni nakupa'], { engine: { labels: 'confirmed' } });
    expect(finding).toMatchObject({ verdict: 'review', reason: 'UNCONFIRMED_LABEL' });
    expect(englishExplanation(finding.message)).toContain('"Ni nakupa"');
    expect(finding.legalBasis).toEqual(pack.reasonCitations.UNCONFIRMED_LABEL);
  });

  it('lets a label confirmed in the outcome map lead to a violation', () => {
    const finding = judgeWith(['Ni nakupa'], {
      map: { 'Ni nakupa': 'no_sale' },
      engine: { labels: 'confirmed' },
    });
    expect(finding).toMatchObject({ verdict: 'violation', reason: 'NON_QUALIFYING_ONLY' });
    expect(finding.events[0]).toMatchObject({ matchedBy: 'outcome-map', confirmed: true });
  });

  it('does not count a draft row (confirmed=no) as confirmation', () => {
    const finding = judgeWith(['Ni nakupa'], {
      map: { 'Ni nakupa': 'no_sale' },
      unconfirmed: ['Ni nakupa'],
      engine: { labels: 'confirmed' },
    });
    expect(finding.reason).toBe('UNCONFIRMED_LABEL');
    expect(finding.events[0]).not.toHaveProperty('confirmed');
  });

  it('needs every non-qualifying label of the call confirmed', () => {
    const finding = judgeWith(['Ni nakupa', 'Info'], {
      map: { 'Ni nakupa': 'no_sale' },
      engine: { labels: 'confirmed' },
    });
    expect(finding.reason).toBe('UNCONFIRMED_LABEL');
    expect(englishExplanation(finding.message)).toContain('"Info"');
    expect(englishExplanation(finding.message)).not.toContain('"Ni nakupa"');
  });

  it('never touches a qualifying or a doubtful verdict', () => {
    expect(judgeWith(['Naročilo'], { engine: { labels: 'confirmed' } }).reason).toBe('QUALIFYING_EVENT');
    expect(judgeWith(['Tehnična pomoč'], { engine: { labels: 'confirmed' } }).reason).toBe(
      'AMBIGUOUS_CATEGORY',
    );
  });
});

describe('labels that need a human', () => {
  it('reads a compound label from issue 12 as the qualifying event it states', () => {
    expect(judgeWith(['Reklamacija, klic prekinjen'])).toMatchObject({
      verdict: 'compliant',
      reason: 'QUALIFYING_EVENT',
    });
    expect(judgeWith(['Pritožba na kakovost storitve']).reason).toBe('QUALIFYING_EVENT');
  });

  it('sends a topic-only label to review and says why', () => {
    const finding = judgeWith(['Vprašanje o reklamaciji']);
    expect(finding).toMatchObject({ verdict: 'review', reason: 'AMBIGUOUS_CATEGORY' });
    expect(englishExplanation(finding.message)).toMatch(/only the topic of the call/);
  });

  it.each([
    ['Zahteva za izbris', 'dsar', 'CIT_ZVOP2_21'],
    ['Grožnja s tožbo', 'litigation', 'CIT_GDPR_17'],
  ])('suggests the hold for %j: a %s hold citing %s', (label, type, citation) => {
    const finding = judgeWith([label]);
    expect(finding).toMatchObject({ verdict: 'review', reason: 'AMBIGUOUS_CATEGORY' });
    expect(englishExplanation(finding.message)).toContain(`Consider a ${type} hold (${citation})`);
  });

  it('says nothing of holds for a call dropped', () => {
    const finding = judgeWith(['Klic prekinjen']);
    expect(finding.reason).toBe('AMBIGUOUS_CATEGORY');
    expect(englishExplanation(finding.message)).not.toMatch(/hold/);
  });
});

describe('LEGAL_HOLD cites the article of the hold’s own type', () => {
  const holdOf = (type: Hold['type'], id = 'holds.csv:2'): Hold => ({
    id,
    type,
    scope: 'call_id',
    value: 'C-1',
    reference: 'R-1',
    reason: 'test',
    until: null,
    period: null,
  });

  it.each<[Hold['type'][], string[]]>([
    [['dsar'], ['CIT_ZVOP2_21']],
    [['litigation'], ['CIT_GDPR_17']],
    [['regulatory'], ['CIT_MIFID_16_7', 'CIT_GDPR_17']],
    [
      ['litigation', 'dsar'],
      ['CIT_ZVOP2_21', 'CIT_GDPR_17'],
    ],
  ])('%j → %j', (types, expected) => {
    const holds = types.map((type, i) => holdOf(type, `holds.csv:${i + 2}`));
    const finding = judgeWith(['Naročilo'], { engine: { holds } });
    expect(finding).toMatchObject({ verdict: 'hold', reason: 'LEGAL_HOLD' });
    expect(finding.legalBasis).toEqual(expected);
  });

  it('falls back to the reason’s citations for a pack without holdCitations', () => {
    const { holdCitations: _none, ...older } = pack;
    const classify = createClassifier(older);
    const finding = judge(makeRecording({ callId: 'C-1' }), [], {
      pack: older,
      classify,
      engine: { ...DEFAULT_ENGINE, holds: [holdOf('dsar')] },
    });
    expect(finding.legalBasis).toEqual(pack.reasonCitations.LEGAL_HOLD);
  });
});

describe('labelsOfFindings: the report’s labels table', () => {
  it('counts each joined call-log row once, most frequent first, and says which are confirmed', () => {
    const first = judgeWith(['Ni nakupa', 'Info'], { map: { Info: 'information' } });
    const second = judgeWith(['Ni nakupa', 'Info'], { map: { Info: 'information' } });
    const third = judgeWith(['Ni nakupa', 'Naročilo', 'Naročilo'], { firstLine: 10 });
    // first and second share their rows (file, line): a transferred call counts once.
    expect(labelsOfFindings([first, second, third])).toEqual([
      { label: 'Naročilo', count: 2, category: 'order', confirmed: false },
      { label: 'Ni nakupa', count: 2, category: 'no_sale', confirmed: false },
      { label: 'Info', count: 1, category: 'information', confirmed: true },
    ]);
  });
});
