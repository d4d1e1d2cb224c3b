import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../src/audit/coverage.js';
import { DEFAULT_ENGINE } from '../../src/audit/engine-settings.js';
import { judge } from '../../src/audit/judge.js';
import type { CallEvent } from '../../src/audit/types.js';
import type { Hold } from '../../src/policy/holds.js';
import { makeRecording, stubClassifier, testPack } from '../support/builders.js';

const classify = stubClassifier({
  Order: 'order',
  Complaint: 'complaint',
  Info: 'information',
  'No sale': 'no_sale',
  Support: 'support',
  Quality: 'staff_monitoring',
});
const NOW = '2026-11-28T12:00:00.000Z';
const time = fc.option(
  fc
    .integer({ min: Date.parse('2015-01-01'), max: Date.parse('2027-01-01') })
    .map((t) => new Date(t).toISOString()),
);
const label = fc.constantFrom('Order', 'Complaint', 'Info', 'No sale', 'Support', 'Quality', 'Mystery', '');
const flag = fc.option(fc.constantFrom('yes', 'no', 'da', 'ne', '1', '0', 'maybe', ''));
const event = fc.record({
  outcome: label,
  at: time,
  notice: flag,
  purpose: fc.option(label),
  customerId: fc.option(fc.constantFrom('K-1', 'K-2')),
  line: fc.integer({ min: 2, max: 1000 }),
});
const recording = fc.record({
  callId: fc.option(fc.constantFrom('C-1', 'C-2')),
  startedAt: time,
  unreadable: fc.boolean(),
});
const coverage: fc.Arbitrary<Coverage> = fc.oneof(
  fc.constant<Coverage>({ basis: 'none', spans: [] }),
  fc.constant<Coverage>({
    basis: 'declared',
    spans: [{ source: '--log-period', from: '2026-10-01T00:00:00.000Z', to: '2026-10-31T23:59:59.999Z' }],
  }),
);

/** A hold that matches the generated recording by one of the three scopes. */
const matchingHold = fc.record({
  type: fc.constantFrom<Hold['type']>('dsar', 'litigation', 'regulatory', 'authority_order'),
  by: fc.constantFrom('path', 'call_id', 'customer_id'),
  // Only ends after NOW, or open-ended: period holds run from the call and may have ended already.
  until: fc.option(fc.constantFrom('2026-12-31T22:59:59.999Z', '2030-01-01T00:00:00.000Z')),
});

describe('an active legal hold', () => {
  it('never yields a violation, whatever the recording, its events, notice, purpose, time or coverage', () => {
    fc.assert(
      fc.property(
        recording,
        fc.array(event, { maxLength: 5 }),
        matchingHold,
        coverage,
        fc.integer({ min: 1, max: 200 }),
        (rec, evs, h, cov, lag) => {
          const callId = rec.callId;
          const events: CallEvent[] = evs.map((e) => ({ ...e, callId: callId ?? 'C-1', file: 'crm.csv' }));
          // Scope the hold so it matches this recording: by path always, by call or customer when they exist.
          const customer = events.find((e) => e.customerId)?.customerId;
          const [scope, value] =
            h.by === 'call_id' && callId
              ? (['call_id', callId] as const)
              : h.by === 'customer_id' && customer
                ? (['customer_id', customer] as const)
                : (['path', '**'] as const);
          const activeHold: Hold = {
            id: 'holds.csv:2',
            type: h.type,
            scope,
            value,
            reference: 'REF-1',
            reason: 'test',
            until: h.until,
            period: null,
          };
          const finding = judge(
            makeRecording({
              callId,
              idSource: callId ? 'filename' : 'none',
              startedAt: rec.startedAt,
              problems: rec.unreadable ? [{ code: 'TRUNCATED', message: 'truncated' }] : [],
            }),
            events,
            {
              pack: testPack(),
              classify,
              engine: {
                ...DEFAULT_ENGINE,
                now: NOW,
                holds: [activeHold],
                coverage: cov,
                maxEventLagHours: lag,
              },
            },
          );
          expect(finding.verdict).toBe('hold');
          expect(finding.reason).toBe('LEGAL_HOLD');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('and an expired one never yields a violation either: it becomes review', () => {
    fc.assert(
      fc.property(recording, fc.array(event, { maxLength: 5 }), coverage, (rec, evs, cov) => {
        const events: CallEvent[] = evs.map((e) => ({ ...e, callId: rec.callId ?? 'C-1', file: 'crm.csv' }));
        const expired: Hold = {
          id: 'holds.csv:3',
          type: 'litigation',
          scope: 'path',
          value: '**',
          reference: 'REF-2',
          reason: 'closed case',
          until: '2026-01-01T00:00:00.000Z',
          period: null,
        };
        const finding = judge(
          makeRecording({
            callId: rec.callId,
            idSource: rec.callId ? 'filename' : 'none',
            startedAt: rec.startedAt,
          }),
          events,
          {
            pack: testPack(),
            classify,
            engine: { ...DEFAULT_ENGINE, now: NOW, holds: [expired], coverage: cov },
          },
        );
        expect(finding.verdict).not.toBe('violation');
      }),
      { numRuns: 500 },
    );
  });
});
