import { describe, expect, it } from 'vitest';
import { CallauditError } from '../../src/errors.js';
import { holdIsActive, holdMatches, parseHolds } from '../../src/policy/holds.js';

const ZONE = 'Europe/Ljubljana';
const subject = (overrides = {}) => ({
  callId: 'C-1',
  customerIds: ['K-9'],
  path: 'trading/2026/a.wav',
  callAt: null,
  ...overrides,
});

describe('holds file', () => {
  const csv = [
    'type,scope,value,reference,reason,until',
    'dsar,call_id,C-1,IP-2026-17,pending access request,',
    'litigation,customer_id,K-9,VS-123/2026,court case,2027-01-31',
    'regulatory,path,trading/**,MiFID-REC-01,MiFID II order calls,',
  ].join('\r\n');

  it('reads the CSV form with ids that point at file and line', () => {
    const holds = parseHolds(csv, 'holds.csv', ZONE);
    expect(holds.map((h) => [h.id, h.type, h.scope, h.until])).toEqual([
      ['holds.csv:2', 'dsar', 'call_id', null],
      ['holds.csv:3', 'litigation', 'customer_id', '2027-01-31T22:59:59.999Z'],
      ['holds.csv:4', 'regulatory', 'path', null],
    ]);
  });

  it('points at the right line past blank lines and reasons that span lines', () => {
    const spread = [
      'type,scope,value,reference,reason,until',
      '',
      'dsar,call_id,C-1,IP-2026-17,"pending access request,',
      'second line of the reason",',
      'litigation,customer_id,K-9,VS-123/2026,court case,2027-01-31',
    ].join('\r\n');
    expect(parseHolds(spread, 'holds.csv', ZONE).map((h) => h.id)).toEqual(['holds.csv:3', 'holds.csv:5']);
  });

  it('reads the JSON form with a period instead of until', () => {
    const holds = parseHolds(
      JSON.stringify([
        {
          type: 'regulatory',
          scope: 'path',
          value: 'desk/**',
          reference: 'R',
          reason: 'MiFID',
          period: 'P5Y',
        },
      ]),
      'holds.json',
      ZONE,
    );
    expect(holds[0]).toMatchObject({ id: 'holds.json#0', period: 'P5Y', until: null });
  });

  it.each([
    ['type,scope,value,reference,reason\n', 'lacks until'],
    ['type,scope,value,reference,reason,until\nfreeze,call_id,C,R,x,\n', 'unknown hold type "freeze"'],
    ['type,scope,value,reference,reason,until\ndsar,phone,C,R,x,\n', 'unknown hold scope "phone"'],
    ['type,scope,value,reference,reason,until\ndsar,call_id,C,,x,\n', 'no reference'],
    ['type,scope,value,reference,reason,until\ndsar,call_id,C,R,x,31.1.2027\n', 'not an ISO 8601 date'],
  ])('refuses %j (%s)', (content, message) => {
    expect(() => parseHolds(content, 'h.csv', ZONE)).toThrow(CallauditError);
    expect(() => parseHolds(content, 'h.csv', ZONE)).toThrow(message);
  });
});

describe('hold matching and expiry', () => {
  const [dsar, litigation, regulatory] = parseHolds(
    [
      'type,scope,value,reference,reason,until',
      'dsar,call_id,c-1,R1,x,',
      'litigation,customer_id,K-9,R2,x,2027-01-31',
      'regulatory,path,trading/**,R3,x,',
    ].join('\n'),
    'h.csv',
    ZONE,
  ) as [never, never, never];

  it('matches by call ID (any case), customer ID and path glob', () => {
    expect(holdMatches(dsar, subject())).toBe(true);
    expect(holdMatches(dsar, subject({ callId: 'C-2' }))).toBe(false);
    expect(holdMatches(litigation, subject())).toBe(true);
    expect(holdMatches(litigation, subject({ customerIds: [] }))).toBe(false);
    expect(holdMatches(regulatory, subject())).toBe(true);
    expect(holdMatches(regulatory, subject({ path: 'sales/a.wav' }))).toBe(false);
  });

  it('keeps an until-date hold active through that whole local day', () => {
    expect(holdIsActive(litigation, subject(), '2027-01-31T22:00:00.000Z')).toBe(true);
    expect(holdIsActive(litigation, subject(), '2027-01-31T23:00:00.000Z')).toBe(false);
    expect(holdIsActive(dsar, subject(), '2099-01-01T00:00:00.000Z')).toBe(true);
  });

  it('counts a period from the call, and keeps when the call time is unknown', () => {
    const [mifid] = parseHolds(
      JSON.stringify([
        { type: 'regulatory', scope: 'path', value: '**', reference: 'R', reason: 'x', period: 'P5Y' },
      ]),
      'h.json',
      ZONE,
    ) as [never];
    const called = subject({ callAt: '2021-03-01T10:00:00.000Z' });
    expect(holdIsActive(mifid, called, '2026-02-28T10:00:00.000Z')).toBe(true);
    expect(holdIsActive(mifid, called, '2026-03-01T10:00:00.001Z')).toBe(false);
    expect(holdIsActive(mifid, subject(), '2099-01-01T00:00:00.000Z')).toBe(true);
  });
});
