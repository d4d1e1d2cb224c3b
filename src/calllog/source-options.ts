import type { CallLogSource } from '../config/settings.js';
import { DEFAULTS } from '../config/settings.js';
import { callLogPreset, ID_TRANSFORMS } from '../presets/calllog/index.js';
import type { CallLogOptions } from './types.js';

/**
 * CallLogOptions for one source: its own settings first, then its preset, then the defaults.
 * A column named explicitly replaces the preset's candidates for that column entirely.
 */
export function callLogOptionsFor(source: CallLogSource, timezone: string): CallLogOptions {
  const preset = source.preset ? callLogPreset(source.preset) : null;
  const options: CallLogOptions = {
    idColumn: source.idColumn ?? preset?.columns.id[0] ?? DEFAULTS.idColumn,
    outcomeColumn: source.outcomeColumn ?? preset?.columns.outcome[0] ?? DEFAULTS.outcomeColumn,
    encoding: source.encoding,
    delimiter: source.delimiter,
    timezone: source.timezone ?? timezone,
  };
  if (source.timeColumn !== null) options.timeColumn = source.timeColumn;
  if (source.dateFormat !== null) options.dateFormat = source.dateFormat;
  if (source.sheet !== undefined || source.headerRow !== undefined) {
    options.workbook = {
      ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
      ...(source.headerRow !== undefined ? { headerRow: source.headerRow } : {}),
    };
  }
  if (source.records !== undefined) options.records = source.records;
  const table = source.table ?? preset?.table;
  if (source.query !== undefined) options.sql = { query: source.query };
  else if (table !== undefined) options.sql = { table };
  if (preset) {
    options.preset = {
      idFallbacks: source.idColumn === null ? preset.columns.id.slice(1) : [],
      outcomeAlternatives: source.outcomeColumn === null ? preset.columns.outcome.slice(1) : [],
      timeAlternatives: source.timeColumn === null ? preset.columns.time : [],
      idTransform: ID_TRANSFORMS[preset.idTransform],
      outcomeLabels: preset.outcomeLabels,
      linkColumns: preset.linkColumns,
      telephony: preset.kind === 'telephony',
      ...(preset.headerless ? { headerless: preset.headerless } : {}),
    };
  }
  return options;
}
