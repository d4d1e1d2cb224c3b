/**
 * The objects of a JSON array file (holds, decisions), each with the location an error names
 * (`file#index`); null when the text is not a JSON array at all, so the caller reads it as CSV.
 */
export function jsonRowsOf(
  body: string,
  file: string,
  noun: string,
  fail: (where: string, message: string) => never,
): Array<{ row: object; where: string }> | null {
  if (!/^\s*\[/.test(body)) return null;
  let rows: unknown;
  try {
    rows = JSON.parse(body);
  } catch (error) {
    fail(file, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(rows)) fail(file, `a JSON ${noun}s file must be an array of objects`);
  return rows.map((row: unknown, index) => {
    const where = `${file}#${index}`;
    if (typeof row !== 'object' || row === null) fail(where, `each ${noun} must be an object`);
    return { row, where };
  });
}
