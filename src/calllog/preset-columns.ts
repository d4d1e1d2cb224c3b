import { CallauditError, isCallauditError } from '../errors.js';
import { findColumn } from './columns.js';
import type { CallLogOptions } from './types.js';

/**
 * Applies a call-log preset's header alternatives: a column the options name but the header
 * lacks is replaced by the first alternative the header has (Salesforce report exports say
 * "Call Result" where Data Loader says CallDisposition). Explicit names are kept when present.
 */
export function adaptToHeader(headers: readonly string[], options: CallLogOptions): CallLogOptions {
  const preset = options.preset;
  if (!preset) return options;
  const pick = (name: string | undefined, alternatives: string[] | undefined) => {
    if (name !== undefined && name !== '' && findColumn(headers, name) >= 0) return name;
    return alternatives?.find((alt) => findColumn(headers, alt) >= 0) ?? name;
  };
  return {
    ...options,
    idColumn: pick(options.idColumn, [...(preset.idAlternatives ?? []), ...(preset.idFallbacks ?? [])]) ?? '',
    outcomeColumn: pick(options.outcomeColumn, preset.outcomeAlternatives) ?? '',
    timeColumn: pick(options.timeColumn, preset.timeAlternatives),
  };
}

/** Indexes of the preset's per-row ID fallbacks and link columns present in the header. */
export function presetIndexes(headers: readonly string[], options: CallLogOptions, idIndex: number) {
  const present = (names: string[] | undefined) =>
    (names ?? []).map((name) => findColumn(headers, name)).filter((i) => i >= 0 && i !== idIndex);
  return { fallbacks: present(options.preset?.idFallbacks), links: present(options.preset?.linkColumns) };
}

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
