import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_COVERAGE } from '../../src/audit/coverage.js';
import { buildEngineReport } from '../../src/audit/engine-report.js';
import { buildContext, decisionOf, judge, traceRules, type JudgePolicy } from '../../src/audit/judge.js';
import { eventsForCall, indexEventsByCallId } from '../../src/audit/join.js';
import { linkedCallIds, linkedEvents } from '../../src/audit/link.js';
import { legalBasisOf } from '../../src/audit/shared-parts.js';
import { compareStrings } from '../../src/audit/summarise.js';
import { windowPosition, windowPositionFromMtime } from '../../src/audit/time-window.js';
import type { CallEvent, Category, FileProblem, Finding, Recording } from '../../src/audit/types.js';
import { createClassifier } from '../../src/policy/classify.js';
import type { Hold } from '../../src/policy/holds.js';
import { loadPolicy } from '../../src/policy/load-pack-file.js';

const pack = loadPolicy('si-ip-akos');
const classify = createClassifier(pack);

/** `judge` as it was before the fast path: every rule traced, every list built anew. */
function judgeReference(recording: Recording, events: readonly CallEvent[], policy: JudgePolicy): Finding {
  const settings = policy.engine!;
  // The context is shared; its one shortcut (no hold lookup without holds) meets both cases below.
  const context = buildContext(recording, events, policy);
  const decided = decisionOf(traceRules(context));
  const evidence = events
    .map((event) => {
      const reading = policy.classify(event.outcome);
      return {
        file: event.file,
        line: event.line,
        outcome: event.outcome,
        category: reading.category,
        matchedBy: reading.matchedBy,
        term: reading.term,
        at: event.at,
        // A modification time bounds the call's start from above only.
        window:
          recording.timeSource === 'mtime'
            ? windowPositionFromMtime(recording.startedAt, event.at, settings.maxEventLagHours)
            : windowPosition(recording.startedAt, event.at, settings.maxEventLagHours),
      };
    })
    .sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
  return {
    root: recording.root,
    path: recording.path,
    callId: recording.callId,
    idSource: recording.idSource,
    verdict: decided.verdict,
    reason: decided.reason,
    message: decided.message,
    categories: [...new Set<Category>(evidence.map((e) => e.category))].sort(compareStrings),
    events: evidence,
    legalBasis: [...legalBasisOf(policy.pack, decided.reason, context.holds.active)],
    size: recording.size,
    mtime: recording.mtime,
    format: recording.format,
    codec: recording.codec,
    durationSec: recording.durationSec,
    startedAt: recording.startedAt,
    problems: recording.problems,
    timeSource: recording.timeSource,
    deleteBy: decided.deleteBy ?? null,
    holdIds: decided.holdIds ?? [],
  };
}

const LABELS = [
  'Naročilo',
  'Reklamacija',
  'Informacija',
  'Ni naročila',
  'Povratni klic',
  'Preklic',
  'Podpora',
];
const TIMES = fc.option(
  fc
    .integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 0, 1) })
    .map((ms) => new Date(ms).toISOString()),
);

const eventArb = fc.record({
  callId: fc.constantFrom('C-1', 'c-1 ', 'C-2', 'L-9'),
  at: TIMES,
  outcome: fc.constantFrom(...LABELS),
  file: fc.constantFrom('a.csv', 'b.csv'),
  line: fc.integer({ min: 2, max: 50 }),
  customerId: fc.option(fc.constantFrom('K1', 'K2')),
  notice: fc.option(fc.constantFrom('yes', 'no', 'da', 'ne', '?'), { nil: undefined }),
  purpose: fc.option(fc.constantFrom('quality', 'staff monitoring', 'naročilo'), { nil: undefined }),
});

const recordingArb = fc.record({
  root: fc.constant('archive'),
  path: fc.constantFrom('2024/a-C-1.wav', 'b/C-2.mp3', 'x.wav'),
  size: fc.nat(),
  mtime: fc.constant('2024-01-02T10:00:00.000Z'),
  callId: fc.option(fc.constantFrom('C-1', 'C-2', 'C-3')),
  idSource: fc.constant('filename' as const),
  format: fc.constant('WAVE'),
  codec: fc.constant('PCM'),
  durationSec: fc.option(fc.integer({ min: 0, max: 900 })),
  startedAt: TIMES,
  timeSource: fc.constantFrom('filename' as const, 'mtime' as const, null),
  problems: fc
    .boolean()
    .map((bad): FileProblem[] => (bad ? [{ code: 'TRUNCATED', message: 'cut short' }] : [])),
});

const holdArb = fc.record({
  id: fc.constantFrom('holds.csv:2', 'holds.csv:3'),
  type: fc.constant('dsar' as const),
  scope: fc.constantFrom('call_id' as const, 'customer_id' as const, 'path' as const),
  value: fc.constantFrom('C-1', 'K1', 'b/**'),
  reference: fc.constant('R-1'),
  reason: fc.constant('request'),
  until: fc.option(fc.constantFrom('2024-06-30T21:59:59.999Z', '2027-01-01T00:00:00.000Z')),
  period: fc.constant(null),
});

const policyArb = fc
  .record({
    holds: fc.array(holdArb, { maxLength: 2 }),
    now: fc.option(fc.constant('2026-11-28T12:00:00.000Z')),
  })
  .map(({ holds, now }): JudgePolicy => ({
    pack,
    classify,
    engine: {
      now,
      zone: 'Europe/Ljubljana',
      holds: holds as Hold[],
      maxEventLagHours: 72,
      coverage: NO_COVERAGE,
    },
  }));

describe('the judging fast paths', () => {
  it('judge gives the finding the traced rules give, byte for byte', () => {
    fc.assert(
      fc.property(
        recordingArb,
        fc.array(eventArb, { maxLength: 4 }),
        policyArb,
        (recording, events, policy) => {
          const fast = judge(recording, events, policy);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(judgeReference(recording, events, policy)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('shares frozen lists between findings', () => {
    const policy: JudgePolicy = { pack, classify };
    const recording = recordingOf('C-1');
    const event: CallEvent = { callId: 'C-1', at: null, outcome: 'Informacija', file: 'a.csv', line: 2 };
    const [a, b] = [judge(recording, [event], policy), judge(recording, [{ ...event, line: 3 }], policy)];
    expect(a.categories).toBe(b.categories);
    expect(a.legalBasis).toBe(b.legalBasis);
    expect(a.holdIds).toBe(b.holdIds);
    expect(() => a.categories.push('order')).toThrow();
  });

  it('linkedEvents gives each event of the linked calls once, as the set of their lists did', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 12 }),
        fc.array(fc.tuple(fc.constantFrom('c-1', 'c-2', 'c-3'), fc.constantFrom('L-9', 'C-2', 'c-1')), {
          maxLength: 3,
        }),
        fc.option(fc.constantFrom('C-1', 'c-2', 'C-3')),
        (events, pairs, callId) => {
          const index = indexEventsByCallId(events);
          const links = new Map<string, Set<string>>();
          for (const [from, to] of pairs) links.set(from, (links.get(from) ?? new Set()).add(to));
          const reference = [
            ...new Set(linkedCallIds(callId, links).flatMap((id) => eventsForCall(index, id))),
          ];
          expect(linkedEvents(index, links, callId)).toEqual(reference);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the engine report reads shared and unshared citation lists alike', () => {
    const policy: JudgePolicy = { pack, classify };
    const findings = ['Naročilo', 'Informacija', 'Povratni klic'].map((outcome, line) =>
      judge(
        { ...recordingOf('C-1'), path: `${line}.wav` },
        [{ callId: 'C-1', at: null, outcome, file: 'a.csv', line }],
        policy,
      ),
    );
    const copies = findings.map((f) => ({ ...f, legalBasis: [...f.legalBasis] }));
    const report = (list: Finding[]) =>
      buildEngineReport({
        findings: list,
        pack,
        now: '2026-11-28T12:00:00.000Z',
        noticeColumn: null,
        maxEventLagHours: 72,
        coverage: NO_COVERAGE,
        dueWithinDays: 30,
        holds: null,
      });
    expect(report(findings)).toEqual(report(copies));
    expect(report(findings).unconfirmedCitations.length).toBeGreaterThan(0);
  });
});

function recordingOf(callId: string): Recording {
  return {
    root: 'r',
    path: 'p.wav',
    size: 1,
    mtime: '2024-01-01T00:00:00.000Z',
    callId,
    idSource: 'filename',
    format: null,
    codec: null,
    durationSec: null,
    startedAt: null,
    timeSource: null,
    problems: [],
  };
}
