/** What each character XML text must not carry as it is becomes. */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Parsers turn a raw tab or line break in an attribute into a space, and CR LF in text into LF:
  // as character references they survive, so a file name with a line break reads as it is.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

// Every character xmlText replaces: those above, and those XML 1.0 cannot carry at all, even
// escaped (a hostile file name may contain them), which become U+FFFD.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPING = /[\u0000-\u001F\uFFFE\uFFFF&<>"']/;
const ESCAPED = new RegExp(NEEDS_ESCAPING.source, 'g');

/**
 * Escapes text for XML content and double-quoted attribute values. One pass, character by
 * character: JUnit evidence always holds quotes, and a pass per character kind cost five more scans.
 * Most texts need nothing and are returned as they are.
 */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text.replace(ESCAPED, (c) => ESCAPES[c] ?? '\uFFFD');
}
