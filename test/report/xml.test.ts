import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xmlText } from '../../src/report/xml.js';

/**
 * xmlText as it was, one replacement after another, plus tab and line breaks as character
 * references (issue 13: a file name with a line break must survive attribute normalisation).
 */
function referenceXmlText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      .replace(/\t/g, '&#9;')
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
  );
}

describe('xmlText', () => {
  it('escapes exactly as one replacement after another did', () => {
    const risky = fc.constantFrom('&', '<', '>', '"', "'", '&amp;', '\u0000', '\u0008', '\t', '\n', '\r');
    const more = fc.constantFrom('\u000B', '\u001F', ' ', '\uFFFE', '\uFFFF', '\uFFFD', '•', 'č', 'a', '😀');
    const text = fc.array(fc.oneof(risky, more, fc.string({ maxLength: 4 })), { maxLength: 20 });
    fc.assert(
      fc.property(text, (pieces) => {
        const t = pieces.join('');
        expect(xmlText(t)).toBe(referenceXmlText(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('writes tab, line feed and carriage return as character references', () => {
    expect(xmlText('a\tb\nc\r\nd')).toBe('a&#9;b&#10;c&#13;&#10;d');
  });

  it('escapes text in pieces as it escapes the whole (JUnit evidence is escaped piece by piece)', () => {
    const piece = fc.oneof(fc.constantFrom('&', '"', '\u0000', '\uFFFF', '\uD83D', '\uDE00'), fc.string());
    fc.assert(
      fc.property(piece, piece, (a, b) => {
        expect(`${xmlText(a)}${xmlText(b)}`).toBe(xmlText(`${a}${b}`));
      }),
      { numRuns: 2000 },
    );
  });
});
