import { describe, expect, it } from 'vitest';
import { csvLine, neutraliseFormula, quoteCsv } from '../../src/report/csv-cell.js';

describe('CSV cells for spreadsheets', () => {
  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'neutralises %j',
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    },
  );

  it('leaves ordinary text, numbers inside text and empty cells alone', () => {
    expect(neutraliseFormula('Naročilo')).toBe('Naročilo');
    expect(neutraliseFormula('in_386-1.wav')).toBe('in_386-1.wav');
    expect(neutraliseFormula('')).toBe('');
  });

  it('quotes delimiters, quotes and line breaks', () => {
    expect(quoteCsv('a,b')).toBe('"a,b"');
    expect(quoteCsv('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsv('two\nlines')).toBe('"two\nlines"');
    expect(csvLine(['=1+1', 'x,y', null, 3], { neutralise: true })).toBe(`'=1+1,"x,y",,3`);
  });
});
