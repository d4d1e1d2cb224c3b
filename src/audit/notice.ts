export type NoticeReading = 'given' | 'not-given' | 'unknown';

// Only unambiguous spellings. A one-letter `N` or `Y`, `ni` (Slovenian "is not", also an
// abbreviation) or `played` (of what?) could mean something else in a given CRM: they stay unknown.
const GIVEN = new Set(['yes', 'true', '1', 'da', 'given', 'obveščen', 'obvescen']);
const NOT_GIVEN = new Set(['no', 'false', '0', 'ne', 'not given', 'ni obveščen', 'ni obvescen']);

/** The recognised spellings as a user reads them, for help texts and warnings. */
export const RECOGNISED_NOTICE = {
  given: [...GIVEN].join('/'),
  notGiven: [...NOT_GIVEN].join('/'),
};

/** Reads a notice-column value (e.g. the IVR's "announcement played" flag); anything else is unknown. */
export function readNotice(value: string | null | undefined): NoticeReading {
  const text = (value ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (GIVEN.has(text)) return 'given';
  if (NOT_GIVEN.has(text)) return 'not-given';
  return 'unknown';
}

/** How an empty notice cell is listed among the values the tool did not recognise. */
export const EMPTY_NOTICE = '(empty)';

/**
 * The notice values of the call-log rows that the tool did not recognise, with how many rows
 * carry each, sorted by value: the DPO sees what the column holds instead of a silent "unknown".
 * `notice === undefined` means the log has no notice column; `null` is an empty cell.
 */
export function unrecognisedNotices(
  events: Iterable<{ notice?: string | null }>,
): Array<{ value: string; rows: number }> {
  const counts = new Map<string, number>();
  for (const event of events) {
    if (event.notice === undefined || readNotice(event.notice) !== 'unknown') continue;
    const value = event.notice === null ? EMPTY_NOTICE : event.notice;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([value, rows]) => ({ value, rows }));
}

/**
 * Recordings joined to a notice value the tool did not recognise and to none that reads as given:
 * for these, notice was not verified, whatever the column's name suggests.
 */
export function countUnverifiedNotice(
  findings: ReadonlyArray<{ callId: string | null }>,
  eventsOf: (callId: string | null) => ReadonlyArray<{ notice?: string | null }>,
): number {
  let unverified = 0;
  for (const finding of findings) {
    const readings = eventsOf(finding.callId)
      .filter((e) => e.notice !== undefined)
      .map((e) => readNotice(e.notice));
    if (readings.includes('unknown') && !readings.includes('given')) unverified++;
  }
  return unverified;
}
