import type { CallLogDelimiter } from './types.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Picks the delimiter of a header line by counting `,` `;` and tab outside double quotes, so a
 * quoted header such as `"Opomba, interna"` does not vote for the comma. Scanning stops at the
 * first line break outside quotes, so a whole chunk of text may be passed. Ties go to `;` then
 * tab: Slovenian Excel writes `;`, and a comma is the likelier stray inside header text.
 * With no delimiter at all (a one-column header) it answers `,`.
 */
export function sniffDelimiter(headerLine: string): CallLogDelimiter {
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let quoted = false;
  let content = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 44) comma++;
    else if (c === 59) semicolon++;
    else if (c === 9) tab++;
    else if (c === LF || c === CR) {
      // Blank lines before the header are skipped, as the parser skips them too.
      if (content) break;
      continue;
    }
    content = true;
  }
  if (semicolon > 0 && semicolon >= comma && semicolon >= tab) return ';';
  if (tab > 0 && tab >= comma) return '\t';
  return ',';
}

/**
 * Index just past the first line that holds something other than blank space, counting line
 * breaks only outside quotes; -1 when `text` does not yet hold a complete such line.
 */
export function headerLineEnd(text: string): number {
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      quoted = !quoted;
      content = true;
    } else if (!quoted && (c === LF || c === CR)) {
      if (content) return i + 1;
    } else if (c !== 32 && c !== 9) {
      content = true;
    }
  }
  return -1;
}

/**
 * Excel's `sep=;` first line, which names the delimiter and is not part of the data. Returns the
 * delimiter and the length of that line including its line break, or null when absent.
 */
export function excelSepLine(text: string): { delimiter: CallLogDelimiter; length: number } | null {
  if (text.length < 5 || text.slice(0, 4).toLowerCase() !== 'sep=') return null;
  const delimiter = text[4];
  if (delimiter !== ',' && delimiter !== ';' && delimiter !== '\t') return null;
  const rest = text.slice(5, 7);
  if (rest.startsWith('\n')) return { delimiter, length: 6 };
  if (rest === '') return { delimiter, length: 5 };
  return null;
}
