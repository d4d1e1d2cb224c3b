export type NoticeReading = 'given' | 'not-given' | 'unknown';

const GIVEN = new Set(['yes', 'true', '1', 'da']);
const NOT_GIVEN = new Set(['no', 'false', '0', 'ne']);

/** Reads a notice-column value (e.g. the IVR's "announcement played" flag); anything else is unknown. */
export function readNotice(value: string | null | undefined): NoticeReading {
  const text = (value ?? '').trim().toLowerCase();
  if (GIVEN.has(text)) return 'given';
  if (NOT_GIVEN.has(text)) return 'not-given';
  return 'unknown';
}
