import { describe, expect, it } from 'vitest';
import { excelSepLine, headerLineEnd, sniffDelimiter } from '../../src/calllog/sniff-delimiter.js';

describe('sniffDelimiter', () => {
  it.each([
    ['call_id,outcome,time', ','],
    ['ID klica;Izid;Čas', ';'],
    ['call_id\toutcome\ttime', '\t'],
    ['single', ','],
  ] as const)('%j → %j', (line, expected) => {
    expect(sniffDelimiter(line)).toBe(expected);
  });

  it('ignores delimiters inside quoted header names', () => {
    expect(sniffDelimiter('"Opomba, interna, dolga";"ID";"Izid"')).toBe(';');
    expect(sniffDelimiter('"a;b;c;d",x,y')).toBe(',');
  });

  it('handles doubled quotes inside a quoted header', () => {
    expect(sniffDelimiter('"say ""a;b;c""",x,y')).toBe(',');
  });

  it('looks only at the first line, even when given more text', () => {
    expect(sniffDelimiter('id;outcome\n1,2,3,4,5,6\n')).toBe(';');
    expect(sniffDelimiter('id;outcome\r\n1,2,3,4,5,6\r\n')).toBe(';');
  });

  it('skips blank lines before the header', () => {
    expect(sniffDelimiter('\n\nid\toutcome\n')).toBe('\t');
  });

  it('prefers ; and then tab when counts tie', () => {
    expect(sniffDelimiter('a;b,c')).toBe(';');
    expect(sniffDelimiter('a\tb,c')).toBe('\t');
  });
});

describe('headerLineEnd', () => {
  it('finds the end of the first line', () => {
    expect(headerLineEnd('a,b\nc,d\n')).toBe(4);
  });

  it('is -1 while the header line is incomplete', () => {
    expect(headerLineEnd('a,b')).toBe(-1);
    expect(headerLineEnd('"multi\nline header",b')).toBe(-1);
  });

  it('does not stop at line breaks inside quotes or in leading blank lines', () => {
    expect(headerLineEnd('"multi\nline",b\nrow')).toBe(15);
    expect(headerLineEnd('\n\na,b\n')).toBe(6);
  });
});

describe('excelSepLine', () => {
  it("reads Excel's sep= line and its length", () => {
    expect(excelSepLine('sep=;\nid;outcome\n')).toEqual({ delimiter: ';', length: 6 });
    expect(excelSepLine('SEP=,\n')).toEqual({ delimiter: ',', length: 6 });
    expect(excelSepLine('sep=\t')).toEqual({ delimiter: '\t', length: 5 });
  });

  it('ignores headers that merely start like it, and unsupported delimiters', () => {
    expect(excelSepLine('separator;id\n')).toBeNull();
    expect(excelSepLine('sep=;x\n')).toBeNull();
    expect(excelSepLine('sep=|\n')).toBeNull();
    expect(excelSepLine('id;outcome\n')).toBeNull();
  });
});
