import { DateTime } from 'luxon';
import type { NameTime } from '../presets/recording/types.js';

/**
 * When the call started, from named groups of the call-ID pattern (a preset's `startedAt`).
 * Null when the pattern did not capture every group or the value is not a real time.
 */
export function timeFromName(
  relativePath: string,
  pattern: RegExp,
  spec: NameTime,
  timezone: string,
): string | null {
  pattern.lastIndex = 0;
  const groups = pattern.exec(relativePath)?.groups;
  return groups ? timeFromGroups(groups, spec, timezone) : null;
}

/** `timeFromName` for a match already made (the scan matches each name once). */
export function timeFromGroups(
  groups: Readonly<Record<string, string | undefined>>,
  spec: NameTime,
  timezone: string,
): string | null {
  const parts = spec.groups.map((g) => groups[g]);
  if (parts.some((p) => p === undefined || p === '')) return null;
  const dt = DateTime.fromFormat(parts.join(' '), spec.format, {
    zone: spec.zone === 'UTC' ? 'UTC' : timezone,
  });
  return dt.isValid ? dt.toUTC().toISO() : null;
}
