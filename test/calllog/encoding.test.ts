import { describe, expect, it } from 'vitest';
import { detectBom, detectEncoding, isValidUtf8, sniffEncoding } from '../../src/calllog/encoding.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('detectBom', () => {
  it('recognises UTF-8, UTF-16LE and UTF-16BE marks', () => {
    expect(detectBom(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ encoding: 'utf-8', length: 3 });
    expect(detectBom(bytes(0xff, 0xfe, 0x61, 0x00))).toEqual({ encoding: 'utf-16le', length: 2 });
    expect(detectBom(bytes(0xfe, 0xff, 0x00, 0x61))).toEqual({ encoding: 'utf-16be', length: 2 });
  });

  it('returns null without a mark, also for short input', () => {
    expect(detectBom(utf8('id,outcome'))).toBeNull();
    expect(detectBom(bytes(0xef, 0xbb))).toBeNull();
    expect(detectBom(bytes())).toBeNull();
  });
});

describe('sniffEncoding', () => {
  it('spots BOM-less UTF-16 from its NUL bytes', () => {
    expect(sniffEncoding(bytes(0x69, 0x00, 0x64, 0x00))).toBe('utf-16le');
    expect(sniffEncoding(bytes(0x00, 0x69, 0x00, 0x64))).toBe('utf-16be');
  });

  it('leaves plain 8-bit text undecided', () => {
    expect(sniffEncoding(utf8('ID;Izid'))).toBeNull();
  });
});

describe('detectEncoding', () => {
  it('follows the BOM', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0xc4, 0x8d))).toBe('utf-8');
    expect(detectEncoding(bytes(0xff, 0xfe, 0x0d, 0x01))).toBe('utf-16le');
  });

  it('keeps valid UTF-8 without BOM as UTF-8', () => {
    expect(detectEncoding(utf8('Naročilo;Reklamacija;Sprememba'))).toBe('utf-8');
  });

  it('falls back to Windows-1250 when any byte is not UTF-8', () => {
    // "Naročilo" in cp1250: č is the single byte 0xE8, an invalid UTF-8 sequence here.
    expect(detectEncoding(bytes(0x4e, 0x61, 0x72, 0x6f, 0xe8, 0x69, 0x6c, 0x6f))).toBe('windows-1250');
  });

  it('treats a multi-byte sequence cut off at the end as not UTF-8', () => {
    expect(isValidUtf8(bytes(0x61, 0xc4))).toBe(false);
    expect(isValidUtf8(bytes(0x61, 0xc4, 0x8d))).toBe(true);
  });
});
