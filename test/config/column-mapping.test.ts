import { describe, expect, it } from 'vitest';
import { resolvePlan } from '../../src/config/resolve-plan.js';
import { resolveLabelsPlan } from '../../src/config/labels-plan.js';

const loaded = (config: object) => ({ config, dir: '.', file: 'callaudit.config.json' });
const clock = () => new Date('2026-11-28T12:00:00Z');

describe('a call-log source’s column mapping, resolved once with the plan', () => {
  it('applies the preset where no column is named, and the defaults without a preset', () => {
    const plan = resolvePlan(
      ['rec'],
      { noticeColumn: 'obvestilo' },
      loaded({
        callLogs: [
          { file: 'tasks.csv', preset: 'salesforce-task' },
          { file: 'plain.csv', purposeColumn: 'namen' },
        ],
        purposeColumn: 'namen',
      }),
      clock,
    );
    const [tasks, plain] = plan.callLogs;
    expect(tasks!.columns).toEqual({
      id: 'CallObject',
      idFallbacks: ['Call Object Identifier'],
      outcome: 'CallDisposition',
      outcomeAlternatives: ['Call Result'],
      time: null,
      timeAlternatives: ['CreatedDate', 'Created Date', 'ActivityDate', 'Due Date', 'Date'],
      customer: 'customer_id',
      notice: 'obvestilo',
      purpose: 'namen',
      links: [],
    });
    expect(plain!.columns).toMatchObject({
      id: 'call_id',
      idFallbacks: [],
      outcome: 'outcome',
      time: null,
      timeAlternatives: [],
      notice: 'obvestilo',
    });
  });

  it('a named column replaces the preset’s candidates for it, and only for it', () => {
    const plan = resolvePlan(
      ['rec'],
      { crm: ['tasks.csv'], crmPreset: 'salesforce-task', outcomeColumn: 'Izid', timeColumn: 'Datum' },
      null,
      clock,
    );
    expect(plan.callLogs[0]!.columns).toMatchObject({
      id: 'CallObject',
      idFallbacks: ['Call Object Identifier'],
      outcome: 'Izid',
      outcomeAlternatives: [],
      time: 'Datum',
      timeAlternatives: [],
    });
  });

  it('gives a telephony CDR its preset’s columns and links, never the business columns', () => {
    const plan = resolvePlan(
      ['rec'],
      {
        crm: ['crm.csv'],
        cdr: ['Master.csv'],
        cdrPreset: 'asterisk-cdr',
        idColumn: 'ID klica',
        noticeColumn: 'n',
      },
      null,
      clock,
    );
    const [crm, cdr] = plan.callLogs;
    expect(crm!.columns).toMatchObject({ id: 'ID klica', customer: 'customer_id', notice: 'n', links: [] });
    expect(cdr!.columns).toMatchObject({ customer: null, notice: null, purpose: null, links: ['linkedid'] });
    expect(cdr!.columns.id).not.toBe('ID klica');
  });

  it('reads no business columns for `labels`', () => {
    const plan = resolveLabelsPlan({ crm: ['crm.csv'], outcomeColumn: 'izid' }, null);
    expect(plan.callLogs[0]!.columns).toMatchObject({ outcome: 'izid', customer: null, notice: null });
  });
});
