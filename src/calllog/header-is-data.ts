import { CallauditError, isCallauditError } from '../errors.js';

const DATA_LIKE =
  /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}\.\s*\d{1,2}\.\s*\d{4}|\d+(?:[.,]\d+)?|ANSWERED|NO ANSWER|BUSY|FAILED)$/;

/** True when a "header" row holds values, not names: a file exported without a header row. */
function looksLikeData(headers: readonly string[]): boolean {
  return headers.filter((h) => DATA_LIKE.test(h.trim())).length >= 2;
}

/** Re-throws a missing-column error on a header that is really data with an explanation. */
export function explainHeaderless(
  error: unknown,
  headers: readonly string[],
  file: string,
  line: number,
): unknown {
  if (!isCallauditError(error) || error.code !== 'CSV_MISSING_COLUMN' || !looksLikeData(headers))
    return error;
  return new CallauditError(
    'CSV_NO_HEADER',
    `the first line of ${file} holds values (${headers
      .slice(0, 4)
      .map((h) => `"${h}"`)
      .join(', ')}, …), not column names: the file has no header row, so its columns cannot be found by name`,
    `An Asterisk Master.csv has no header: add --crm-preset asterisk-cdr. For another export, add a header row ` +
      `naming the columns, or export again with headers.`,
    file,
    line,
  );
}
