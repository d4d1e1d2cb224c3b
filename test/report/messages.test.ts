import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, type Message } from '../../src/audit/messages.js';
import { REASON_CODES } from '../../src/policy/pack-schema.js';
import { RULES, SAFEGUARDS } from '../../src/audit/rules.js';
import { EN } from '../../src/report/messages/en.js';
import { SL } from '../../src/report/messages/sl.js';
import {
  englishExplanation,
  formatDate,
  formatTime,
  localFormat,
  renderMessage,
} from '../../src/report/messages/render.js';

/** Every key path of a catalogue; functions and strings are leaves. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

describe('the message catalogues', () => {
  it('have the same keys in English and Slovenian, none missing on either side', () => {
    const en = keyPaths(EN).sort();
    const sl = keyPaths(SL).sort();
    expect(
      en.filter((key) => !sl.includes(key)),
      'in English only',
    ).toEqual([]);
    expect(
      sl.filter((key) => !en.includes(key)),
      'in Slovenian only',
    ).toEqual([]);
  });

  it('render every message code the core can emit, every reason code and every rule', () => {
    for (const catalogue of [EN, SL]) {
      expect(MESSAGE_CODES.filter((code) => typeof catalogue.findings[code] !== 'function')).toEqual([]);
      expect(REASON_CODES.filter((code) => !catalogue.reasons[code])).toEqual([]);
      expect([...RULES, ...SAFEGUARDS].map((r) => r.id).filter((id) => !catalogue.rules[id])).toEqual([]);
    }
  });

  it('never leave a Slovenian string equal to its English one when it is a sentence', () => {
    const strings = (c: typeof EN) => ({ ...c.ui, ...c.reasons, ...c.verdicts });
    const en = strings(EN);
    const sl = strings(SL) as Record<string, string>;
    const same = Object.entries(en)
      .filter(([key, text]) => text.split(' ').length >= 3 && sl[key] === text)
      .map(([key]) => key);
    expect(same).toEqual([]);
  });
});

describe('times', () => {
  it('show an instant in the audit zone, in each language', () => {
    expect(formatTime('sl', '2026-10-03T06:45:00.000Z', 'Europe/Ljubljana')).toBe('3. 10. 2026 08:45');
    expect(formatTime('en', '2026-10-03T06:45:00.000Z', 'Europe/Ljubljana')).toBe('3 Oct 2026 08:45');
    // Winter time is one hour ahead of UTC, and the day may change.
    expect(formatTime('sl', '2026-12-31T23:30:00Z', 'Europe/Ljubljana')).toBe('1. 1. 2027 00:30');
    expect(formatDate('en', '2026-12-31T23:30:00Z', 'Europe/Ljubljana')).toBe('1 Jan 2027');
  });

  it('leave what is not a time, or a zone that is unknown, as written', () => {
    expect(formatTime('sl', 'soon', 'Europe/Ljubljana')).toBe('soon');
    expect(formatTime('sl', '2026-10-03T06:45:00Z', 'Mars/Olympus')).toBe('2026-10-03T06:45:00Z');
  });
});

describe('rendering a message', () => {
  const kept: Message = {
    code: 'QUALIFYING_EVENT',
    args: { labels: ['Naročilo'], deleteBy: '2029-10-08T12:00:00.000Z' },
  };

  it('keeps ISO UTC and straight quotes in the English explanation of report.json', () => {
    expect(englishExplanation(kept)).toBe(
      'The call log records a business transaction ("Naročilo"); the recording may be kept as evidence until 2029-10-08T12:00:00.000Z.',
    );
  });

  it('shows local times and Slovenian quotation marks in a Slovenian report', () => {
    expect(renderMessage('sl', kept, localFormat('sl', 'Europe/Ljubljana'))).toBe(
      'Dnevnik klicev beleži poslovni dogodek („Naročilo“); posnetek se sme hraniti kot dokaz do 8. 10. 2029 14:00.',
    );
  });

  it('renders the message a softened verdict quotes in the same language', () => {
    const expired: Message = {
      code: 'HOLD_EXPIRED',
      args: {
        wouldBe: { reason: 'NO_CALL_LOG_ENTRY', message: { code: 'NO_CALL_LOG_ENTRY', args: {} } },
        holds: [{ type: 'litigation', reference: 'P 12/2026', reason: 'tožba', id: 'holds.csv:2' }],
      },
    };
    const text = renderMessage('sl', expired, localFormat('sl', 'UTC'));
    expect(text).toContain('Noben dogodek v dnevniku klicev nima tega ID-ja klica');
    expect(text).toContain('sodni postopek P 12/2026');
  });

  it('shows the code, not a stack trace, for arguments an edited report broke', () => {
    const broken = { code: 'LEGAL_HOLD', args: { holds: 'not a list' } } as unknown as Message;
    expect(renderMessage('sl', broken, localFormat('sl', 'UTC'))).toBe('LEGAL_HOLD');
    const unknown = { code: 'FROM_A_LATER_VERSION', args: {} } as unknown as Message;
    expect(renderMessage('en', unknown, localFormat('en', 'UTC'))).toBe('FROM_A_LATER_VERSION');
  });
});
