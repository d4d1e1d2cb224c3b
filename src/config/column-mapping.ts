import { callLogPreset } from '../presets/calllog/index.js';
import { DEFAULTS } from './defaults.js';

/**
 * Which columns of one call-log source the audit reads, resolved once from flags, the config
 * file, the source's preset and the defaults. The readers only match these names against the
 * header they find (src/calllog/columns.ts); nothing else decides a column.
 */
export interface ColumnMapping {
  /** Header of the call-ID column. */
  id: string;
  /**
   * The preset's further ID columns: tried per row in order when the ID cell is empty, and in
   * turn as the ID column when the header lacks `id`. Empty when the ID column was named.
   */
  idFallbacks: readonly string[];
  outcome: string;
  /** Header names tried when the header lacks `outcome` (a preset's other spellings). */
  outcomeAlternatives: readonly string[];
  time: string | null;
  timeAlternatives: readonly string[];
  /** Read when the header has it: a missing customer column is not an error. */
  customer: string | null;
  notice: string | null;
  purpose: string | null;
  /** Columns holding other IDs of the same call (Asterisk `linkedid`). */
  links: readonly string[];
}

/** The column settings of one source as given: null where neither flag nor config named one. */
export interface NamedColumns {
  preset: string | null;
  idColumn: string | null;
  outcomeColumn: string | null;
  timeColumn: string | null;
}

/** The business columns of the engine's settings; a telephony CDR never carries them. */
export interface BusinessColumns {
  customerColumn: string;
  noticeColumn: string | null;
  purposeColumn: string | null;
}

/**
 * A source's mapping: a column named explicitly replaces the preset's candidates for that
 * column entirely; otherwise the preset's first candidate, else the default.
 */
export function resolveColumnMapping(named: NamedColumns, business: BusinessColumns | null): ColumnMapping {
  const preset = named.preset ? callLogPreset(named.preset) : null;
  const businessColumns = business !== null && preset?.kind !== 'telephony';
  return {
    id: named.idColumn ?? preset?.columns.id[0] ?? DEFAULTS.idColumn,
    idFallbacks: named.idColumn === null ? (preset?.columns.id.slice(1) ?? []) : [],
    outcome: named.outcomeColumn ?? preset?.columns.outcome[0] ?? DEFAULTS.outcomeColumn,
    outcomeAlternatives: named.outcomeColumn === null ? (preset?.columns.outcome.slice(1) ?? []) : [],
    time: named.timeColumn,
    timeAlternatives: named.timeColumn === null ? (preset?.columns.time ?? []) : [],
    // An empty name reads as no column, as the flags always had it.
    customer: businessColumns ? business.customerColumn || null : null,
    notice: businessColumns ? business.noticeColumn || null : null,
    purpose: businessColumns ? business.purposeColumn || null : null,
    links: preset?.linkColumns ?? [],
  };
}
