import { describe, expect, it } from 'vitest';
import { findColumn, resolveColumns } from '../../src/calllog/columns.js';
import { CallauditError } from '../../src/errors.js';
import { columns } from '../support/call-log-options.js';

const base = columns();

function thrown(fn: () => unknown): CallauditError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CallauditError) return error;
    throw error;
  }
  throw new Error('expected a CallauditError');
}

describe('findColumn', () => {
  it('prefers an exact match over a case-insensitive one', () => {
    expect(findColumn(['Outcome', 'outcome'], 'outcome')).toBe(1);
  });

  it('falls back to case-insensitive, trimmed matching', () => {
    expect(findColumn([' Call_ID ', 'IZID'], 'call_id')).toBe(0);
    expect(findColumn(['ID klica', 'IZID'], 'izid')).toBe(1);
    expect(findColumn(['\uFEFFcall_id'], 'call_id')).toBe(0);
  });

  it('returns -1 when absent', () => {
    expect(findColumn(['a', 'b'], 'c')).toBe(-1);
  });
});

describe('resolveColumns', () => {
  it('maps required and optional columns; an absent customer column is fine', () => {
    const headers = ['Čas', 'call_id', 'Outcome', 'customer'];
    expect(resolveColumns(headers, { ...base, time: 'čas', customer: 'customer' }, 'x.csv')).toEqual({
      id: 1,
      outcome: 2,
      time: 0,
      customer: 3,
      notice: -1,
      purpose: -1,
      idFallbacks: [],
      links: [],
    });
    expect(resolveColumns(headers, { ...base, customer: 'stranka' }, 'x.csv').customer).toBe(-1);
  });

  it('names the missing column, lists the found ones and suggests the flags', () => {
    const error = thrown(() => resolveColumns(['ID klica', 'Izid'], base, 'crm/klici.csv'));
    expect(error.code).toBe('CSV_MISSING_COLUMN');
    expect(error.file).toBe('crm/klici.csv');
    expect(error.message).toContain('"call_id"');
    expect(error.message).toContain('"outcome"');
    expect(error.message).toContain('"ID klica", "Izid"');
    expect(error.message).toContain('crm/klici.csv');
    expect(error.hint).toContain('--id-column');
    expect(error.hint).toContain('--outcome-column');
  });

  it('requires time, notice and purpose columns only when they are named', () => {
    const headers = ['call_id', 'outcome'];
    expect(resolveColumns(headers, base, 'x.csv').time).toBe(-1);
    for (const [option, flag] of [
      ['time', '--time-column'],
      ['notice', '--notice-column'],
      ['purpose', '--purpose-column'],
    ] as const) {
      const error = thrown(() => resolveColumns(headers, { ...base, [option]: 'extra' }, 'x.csv'));
      expect(error.message).toContain('"extra"');
      expect(error.hint).toContain(flag);
    }
  });

  it('points at the delimiter when the header came out as one column', () => {
    const error = thrown(() => resolveColumns(['call_id|outcome'], base, 'x.csv'));
    expect(error.hint).toContain('--delimiter');
  });
});
