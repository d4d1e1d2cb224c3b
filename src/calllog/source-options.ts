import type { CallLogSource } from '../config/settings.js';
import { callLogPreset, ID_TRANSFORMS } from '../presets/calllog/index.js';
import type { CallLogOptions } from './types.js';

/**
 * CallLogOptions for one source: its own settings first, then its preset. The columns were
 * resolved with the source and are taken as they are.
 */
export function callLogOptionsFor(source: CallLogSource, timezone: string): CallLogOptions {
  const preset = source.preset ? callLogPreset(source.preset) : null;
  const options: CallLogOptions = {
    columns: source.columns,
    encoding: source.encoding,
    delimiter: source.delimiter,
    timezone: source.timezone ?? timezone,
  };
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
      idTransform: ID_TRANSFORMS[preset.idTransform],
      outcomeLabels: preset.outcomeLabels,
      telephony: preset.kind === 'telephony',
      ...(preset.headerless ? { headerless: preset.headerless } : {}),
    };
  }
  return options;
}
