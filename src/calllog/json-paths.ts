/**
 * Columns of JSON records are dotted paths (`Attributes.disposition`); `[]` after a name steps
 * into every element of an array (`participants[].sessions[].segments[].wrapUpCode`).
 */

/** Paths listed per record at most: a record with thousands of keys is not a call-log row. */
const MAX_PATHS = 2000;
const MAX_DEPTH = 12;

/** The leaf paths of a record, added to `into` in the order met. */
export function addLeafPaths(record: unknown, into: Set<string>): void {
  walk(record, '', into, 0);
}

function walk(value: unknown, path: string, into: Set<string>, depth: number): void {
  if (into.size >= MAX_PATHS || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const element of value) walk(element, `${path}[]`, into, depth + 1);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      walk(child, path === '' ? key : `${path}.${key}`, into, depth + 1);
    return;
  }
  if (path !== '') into.add(path);
}

/** Every value at `path` in document order, as text; missing values and nulls give none. */
function valuesAt(record: unknown, path: string): string[] {
  const out: string[] = [];
  collect(record, splitPath(path), 0, out);
  return out;
}

interface Step {
  key: string;
  each: boolean;
}

const parsedPaths = new Map<string, Step[]>();

function splitPath(path: string): Step[] {
  let steps = parsedPaths.get(path);
  if (steps === undefined) {
    steps = path.split('.').map((part) => {
      const each = part.endsWith('[]');
      return { key: each ? part.slice(0, -2) : part, each };
    });
    parsedPaths.set(path, steps);
  }
  return steps;
}

function collect(value: unknown, steps: Step[], at: number, out: string[]): void {
  if (at === steps.length) {
    const text = scalarText(value);
    if (text !== null) out.push(text);
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const step = steps[at]!;
  const child = step.key === '' ? value : findKey(value as Record<string, unknown>, step.key);
  if (step.each) {
    if (Array.isArray(child)) for (const element of child) collect(element, steps, at + 1, out);
    return;
  }
  collect(child, steps, at + 1, out);
}

/** The exact key, else one that differs only in case (as CSV headers match). */
function findKey(object: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(object, key)) return object[key];
  const lower = key.toLowerCase();
  for (const name of Object.keys(object)) if (name.toLowerCase() === lower) return object[name];
  return undefined;
}

function scalarText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * The cells of one record for the wanted columns, one row per element where a wanted `[]` column
 * has several values (several wrap-up codes → several events); single values repeat on every row.
 */
export function recordRows(
  record: unknown,
  headers: readonly string[],
  wanted: readonly boolean[],
): string[][] {
  const values = headers.map((path, i) => (wanted[i] ? valuesAt(record, path) : []));
  const count = Math.max(1, ...values.map((v) => v.length));
  const rows: string[][] = [];
  for (let r = 0; r < count; r++) rows.push(values.map((v) => (v.length > 1 ? (v[r] ?? '') : (v[0] ?? ''))));
  return rows;
}
