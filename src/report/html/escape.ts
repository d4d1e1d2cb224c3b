/** Escapes text for HTML content and double-quoted attributes; every string from data passes here. */
export function h(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON safe inside a <script type="application/json"> block: no `</script>`, no `<!--`, and the
 * two line separators old parsers choke on.
 */
const SCRIPT_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** Escapes JSON text character by character, so pieces of one JSON text can be escaped apart. */
export function scriptSafe(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c]!);
}

/** A whole value as JSON for a <script type="application/json"> block. */
export function jsonForScript(value: unknown): string {
  return scriptSafe(JSON.stringify(value));
}
