import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/config-file.js';
import { parseLogPeriod, parseMaxEventLag, parseMinJoinRate } from '../../src/config/engine-plan.js';
import { resolvePlan } from '../../src/config/resolve-plan.js';
import { errorOf } from '../support/error-of.js';

const fixedClock = () => new Date('2026-11-28T08:00:00.000Z');

describe('policy-engine settings', () => {
  it('default to: no holds, customer_id, no notice or purpose check, 72 h, coverage from the logs, 30 days', () => {
    const plan = resolvePlan(['rec'], { crm: ['calls.csv'] }, null, fixedClock);
    expect(plan.engine).toEqual({
      holds: null,
      customerColumn: 'customer_id',
      noticeColumn: null,
      purposeColumn: null,
      maxEventLagHours: 72,
      logPeriod: null,
      dueWithinDays: 30,
      retention: {},
      minJoinRate: 0.5,
      noticeMissing: null,
      labels: 'any',
      decisions: null,
      reviewWithinDays: 30,
    });
  });

  it('come from flags, which win over the config file; config paths are relative to the file', () => {
    const config = parseConfigText(
      JSON.stringify({
        holds: 'holds.csv',
        customerColumn: 'Stranka',
        noticeColumn: 'Obvestilo',
        purposeColumn: 'Namen',
        maxEventLag: 'P2D',
        logPeriod: '2026-10-01..2026-10-31',
        dueWithin: 14,
        retention: { complaint: 'P5Y' },
        minJoinRate: 0.8,
        noticeMissing: 'violation',
        labels: 'confirmed',
        decisions: 'decisions.csv',
        reviewWithin: 60,
        policy: 'packs/acme.json',
      }),
      'cfg/callaudit.config.json',
    );
    const loaded = { file: 'cfg/callaudit.config.json', dir: path.resolve('cfg'), config };
    const fromFile = resolvePlan(['rec'], { crm: ['c.csv'] }, loaded, fixedClock);
    expect(fromFile.policy).toBe(path.join('cfg', 'packs', 'acme.json'));
    expect(fromFile.engine).toEqual({
      holds: path.join('cfg', 'holds.csv'),
      customerColumn: 'Stranka',
      noticeColumn: 'Obvestilo',
      purposeColumn: 'Namen',
      maxEventLagHours: 48,
      logPeriod: { from: '2026-09-30T22:00:00.000Z', to: '2026-10-31T22:59:59.999Z' },
      dueWithinDays: 14,
      retention: { complaint: 'P5Y' },
      minJoinRate: 0.8,
      noticeMissing: 'violation',
      labels: 'confirmed',
      decisions: path.join('cfg', 'decisions.csv'),
      reviewWithinDays: 60,
    });
    const fromFlags = resolvePlan(
      ['rec'],
      {
        crm: ['c.csv'],
        maxEventLag: '24',
        dueWithin: '0',
        noticeColumn: 'ivr',
        policy: 'si-ip-akos',
        minJoinRate: '0',
        noticeMissing: 'review',
      },
      loaded,
      fixedClock,
    );
    expect(fromFlags.policy).toBe('si-ip-akos');
    expect(fromFlags.engine).toMatchObject({
      maxEventLagHours: 24,
      dueWithinDays: 0,
      noticeColumn: 'ivr',
      minJoinRate: 0,
      noticeMissing: 'review',
    });
  });

  it.each([
    ['0.5', 0.5],
    ['75%', 0.75],
    ['1', 1],
  ])('reads --min-join-rate %s as %d', (value, rate) => {
    expect(parseMinJoinRate(value)).toBe(rate);
  });

  it.each(['1.5', '-0.1', 'half', ''])('refuses --min-join-rate %o with a usage error', (value) => {
    expect(errorOf(() => parseMinJoinRate(value))).toMatchObject({ code: 'BAD_FLAG' });
  });

  it('refuses a --notice-missing other than review or violation', () => {
    expect(
      errorOf(() => resolvePlan(['rec'], { crm: ['c.csv'], noticeMissing: 'delete' }, null, fixedClock)),
    ).toMatchObject({
      code: 'BAD_FLAG',
      message: expect.stringMatching(/--notice-missing must be one of review, violation/),
    });
  });

  it.each([
    ['72', 72],
    ['36h', 36],
    ['PT12H', 12],
    ['P3D', 72],
  ])('reads --max-event-lag %s as %d hours', (value, hours) => {
    expect(parseMaxEventLag(value)).toBe(hours);
  });

  it('reads a log period of dates as whole local days, and date-times as given', () => {
    expect(parseLogPeriod('2026-03-01..2026-03-31', 'Europe/Ljubljana')).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T21:59:59.999Z',
    });
    expect(parseLogPeriod('2026-10-01T00:00Z..2026-10-02T12:00Z', 'Europe/Ljubljana')).toEqual({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-10-02T12:00:00.000Z',
    });
  });

  it.each([
    [{ maxEventLag: 'soon' }, /--max-event-lag "soon" is not a positive number of hours/],
    [{ maxEventLag: '0' }, /--max-event-lag "0"/],
    [{ logPeriod: '2026-10-01' }, /not of the form from\.\.to/],
    [{ logPeriod: '2026-10-31..2026-10-01' }, /ends before it starts/],
    [{ logPeriod: '2026-13-01..2026-10-01' }, /"2026-13-01" is not an ISO 8601 date/],
    [{ dueWithin: 'a month' }, /--due-within must be a whole number of days/],
  ])('rejects %o with a message naming the flag', (flags, message) => {
    const error = errorOf(() => resolvePlan(['rec'], { crm: ['c.csv'], ...flags }, null, fixedClock));
    expect(error.code).toBe('BAD_FLAG');
    expect(error.format()).toMatch(message);
  });

  it('rejects a retention that is not an ISO duration in the config file', () => {
    const error = errorOf(() => parseConfigText('{"retention": {"complaint": "5 years"}}', 'c.json'));
    expect(error.format()).toMatch(/retention\.complaint: an ISO 8601 duration such as P3Y/);
  });
});
