import { describe, expect, it } from 'vitest';
import { isCallauditError, type CallauditError } from '../../src/errors.js';
import { parseOutcomeMap, readOutcomeMap } from '../../src/policy/outcome-map.js';

function failure(text: string, file = 'config/outcomes.csv'): CallauditError {
  try {
    parseOutcomeMap(text, file);
  } catch (error) {
    if (isCallauditError(error)) return error;
    throw error;
  }
  throw new Error('expected the outcome map to be rejected');
}

describe('parseOutcomeMap', () => {
  it('reads comma-separated rows into normalised labels', () => {
    const map = parseOutcomeMap(
      'label,category\nPrenos pogodbe - potrjen,order\n"Klic, brez izida",no_sale\n',
      'm.csv',
    );
    expect([...map]).toEqual([
      ['prenos pogodbe potrjen', 'order'],
      ['klic brez izida', 'no_sale'],
    ]);
  });

  it('reads semicolon-separated files with a BOM, CRLF, blank lines and extra columns', () => {
    const text =
      '\uFEFFLabel;Category;Opomba\r\n\r\nPOTRJENO_NAROČILO;ORDER;iz CRM\r\nInfo klic; information ;\r\n';
    expect([...parseOutcomeMap(text, 'm.csv')]).toEqual([
      ['potrjeno narocilo', 'order'],
      ['info klic', 'information'],
    ]);
  });

  it('accepts the upper-case codes of the legal briefing', () => {
    const map = parseOutcomeMap(
      'label,category\na,INFO\nb,NO_OUTCOME\nc,STAFF_QA\nd,ABUSIVE\ne,SUPPORT_NO_CHANGE\nf,unknown\n',
      'm.csv',
    );
    expect([...map.values()]).toEqual([
      'information',
      'no_sale',
      'staff_monitoring',
      'abuse_prevention',
      'support',
      'unknown',
    ]);
  });

  it('accepts a header-only file as an empty map', () => {
    expect(parseOutcomeMap('label,category\n', 'm.csv').size).toBe(0);
  });

  it('accepts the same label twice with the same category', () => {
    expect(parseOutcomeMap('label,category\nNaročilo,order\nNAROCILO,order\n', 'm.csv').size).toBe(1);
  });

  it('names file and line of an unknown category and lists the valid ones', () => {
    const error = failure('label,category\nNaročilo,order\n\nStorno,cancel\n');
    expect(error).toMatchObject({ code: 'OUTCOME_MAP_INVALID', file: 'config/outcomes.csv', line: 4 });
    expect(error.message).toContain('"cancel"');
    expect(error.message).toContain('Storno');
    expect(error.hint).toContain('cancellation');
    expect(error.hint).toContain('other_non_qualifying');
    expect(error.format()).toMatch(/^config\/outcomes\.csv:4: /);
  });

  it('counts lines from where a record starts, even across a quoted newline', () => {
    expect(failure('label;category\n"Dva\nvrstici";order\nX;nope\n').line).toBe(4);
  });

  it.each([
    ['a missing category', 'label,category\nNaročilo,\n', 2, 'no category'],
    ['a missing category column', 'label,category\nNaročilo\n', 2, 'no category'],
    ['an empty label', 'label,category\n,order\n', 2, 'label is empty'],
    ['a label of punctuation only', 'label,category\n"--",order\n', 2, 'label is empty'],
    ['a wrong header', 'outcome,category\nNaročilo,order\n', 1, 'header'],
    ['no header at all', 'Naročilo,order\n', 1, 'header'],
    ['an empty file', '', undefined, 'empty'],
    ['a broken quote', 'label,category\n"Naročilo,order\n', 2, 'not valid CSV'],
  ])('rejects %s', (_what, text, line, message) => {
    const error = failure(text);
    expect(error.code).toBe('OUTCOME_MAP_INVALID');
    expect(error.file).toBe('config/outcomes.csv');
    expect(error.line).toBe(line);
    expect(error.message).toContain(message);
  });

  it('rejects one label (after normalising) mapped to two categories, naming both lines', () => {
    const error = failure('label,category\nNaročilo,order\nInfo,information\nNAROCILO,no_sale\n');
    expect(error.line).toBe(4);
    expect(error.message).toContain('line 2');
    expect(error.message).toContain('no_sale');
    expect(error.message).toContain('order');
  });
});

describe('readOutcomeMap: the confirmed column of a draft map', () => {
  it('confirms rows that say yes; no, empty or a missing cell leave a label unconfirmed', () => {
    const map = readOutcomeMap(
      'label,category,count,confirmed\nNaročilo,order,12,yes\nInfo,information,3,no\nStorno,cancellation,1,\nTest,other_non_qualifying,1,DA\n',
      'm.csv',
    );
    expect(map.categories.size).toBe(4);
    expect([...map.unconfirmed].sort()).toEqual(['info', 'storno']);
  });

  it('counts every row of a map without the column as confirmed: a human wrote it', () => {
    expect(readOutcomeMap('label,category\nInfo,information\n', 'm.csv').unconfirmed.size).toBe(0);
  });

  it('leaves a label unconfirmed when one of its rows is not confirmed', () => {
    const map = readOutcomeMap(
      'label,category,confirmed\nInfo,information,yes\nINFO,information,no\n',
      'm.csv',
    );
    expect([...map.unconfirmed]).toEqual(['info']);
  });

  it('names file and line of a confirmed value it cannot read', () => {
    let error: unknown;
    try {
      readOutcomeMap('label,category,confirmed\nInfo,information,maybe\n', 'maps/draft.csv');
    } catch (e) {
      error = e;
    }
    expect(isCallauditError(error)).toBe(true);
    expect((error as CallauditError).format()).toMatch(/maps\/draft\.csv:2: .*confirmed is "maybe"/);
  });
});
