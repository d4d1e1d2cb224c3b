import { readInputText } from '../inputs.js';
import { parse } from 'csv-parse/sync';
import { normaliseCallId } from '../audit/join.js';
import { CallauditError } from '../errors.js';
import type { IdMapSpec } from '../presets/recording/types.js';
import { sniffDelimiter } from '../calllog/sniff-delimiter.js';

/**
 * Loads a CSV that maps the ID in recording names to the call ID (Twilio's Recordings list:
 * Sid → CallSid). Keys compare lower-cased. A small file read at once: one row per recording.
 */
export function loadIdMap(file: string, spec: IdMapSpec): Map<string, string> {
  const text = readInputText(file, {
    code: 'RECORDING_MAP_UNREADABLE',
    what: 'the recording map',
    hint: 'check the --recording-map path',
    csv: true,
  });
  const rows = parse(text, {
    delimiter: sniffDelimiter(text),
    bom: true,
    relax_column_count: true,
  }) as string[][];
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const column = (names: string[]) => {
    for (const name of names) {
      const index = header.indexOf(name.toLowerCase());
      if (index >= 0) return index;
    }
    return -1;
  };
  const from = column(spec.fromColumns);
  const to = column(spec.toColumns);
  if (from < 0 || to < 0) {
    throw new CallauditError(
      'RECORDING_MAP_COLUMNS',
      `the recording map needs columns ${spec.fromColumns[0]} and ${spec.toColumns[0]}; found ${rows[0]?.join(', ') ?? 'nothing'}`,
      `export the Recordings list with its ${spec.fromColumns.join('/')} and ${spec.toColumns.join('/')} columns`,
      file,
      1,
    );
  }
  const map = new Map<string, string>();
  for (const row of rows.slice(1)) {
    const key = row[from]?.trim();
    const value = row[to]?.trim();
    if (key && value) map.set(normaliseCallId(key), value);
  }
  return map;
}
