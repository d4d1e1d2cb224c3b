/** The report's findings array as report.json writes it: the last key, at two spaces' indentation. */
const FINDINGS_KEY = Buffer.from('\n  "recordings": [', 'utf8');
const [QUOTE, BACKSLASH, OPEN, CLOSE, END] = ['"', '\\', '{', '}', ']'].map((c) => c.charCodeAt(0)) as [
  number,
  number,
  number,
  number,
  number,
];
const isBlank = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/**
 * Splits report.json into everything but the findings and the findings one by one, so a report
 * of a million recordings (beyond the longest string V8 can make) can be read: each finding is
 * parsed from its own bytes. A report in another layout is parsed whole. Throws SyntaxError on
 * anything that is not JSON.
 */
export function reportParts(bytes: Buffer): { head: unknown; findings: Iterable<unknown> } {
  const at = bytes.indexOf(FINDINGS_KEY);
  if (at < 0) {
    const whole = JSON.parse(bytes.toString('utf8')) as { recordings?: unknown };
    return { head: whole, findings: Array.isArray(whole?.recordings) ? whole.recordings : [] };
  }
  // A raw newline cannot occur inside a JSON string, so this is the top-level key; the key
  // before it ends with a comma.
  const before = bytes.subarray(0, at).toString('utf8').trimEnd();
  if (!before.endsWith(',')) throw new SyntaxError('report.json is not in the layout callaudit writes');
  const head = JSON.parse(`${before.slice(0, -1)}\n}`) as unknown;
  return { head, findings: findingsFrom(bytes, at + FINDINGS_KEY.length) };
}

function* findingsFrom(bytes: Buffer, from: number): Generator<unknown> {
  let position = from;
  for (;;) {
    while (position < bytes.length && (isBlank(bytes[position]!) || bytes[position] === 0x2c)) position += 1;
    if (bytes[position] === END) break;
    if (bytes[position] !== OPEN) throw new SyntaxError(`a finding does not start at byte ${position}`);
    const end = objectEnd(bytes, position);
    yield JSON.parse(bytes.subarray(position, end).toString('utf8'));
    position = end;
  }
  if (
    bytes
      .subarray(position + 1)
      .toString('utf8')
      .trim() !== '}'
  )
    throw new SyntaxError('report.json does not end after its findings');
}

/** The index just past the object that starts at `start`, skipping braces inside strings. */
function objectEnd(bytes: Buffer, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN) depth += 1;
    else if (byte === CLOSE && --depth === 0) return i + 1;
  }
  throw new SyntaxError('a finding is cut off');
}
