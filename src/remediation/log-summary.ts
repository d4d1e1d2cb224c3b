import { DateTime } from 'luxon';
import type { LogEntry } from './log-entry.js';

export interface SummaryRow {
  /** Calendar day in the given zone, YYYY-MM-DD. */
  day: string;
  action: LogEntry['action'];
  /** The manifest's reason code for deletions; the skip code for skipped rows. */
  reason: string;
  files: number;
  bytes: number;
}

/**
 * Totals per day, action and reason: what the DPO reports to the authority (the AKOS order asked
 * for the measures taken). Sorted by day, action, reason.
 */
export function summariseLog(entries: readonly LogEntry[], zone: string): SummaryRow[] {
  const rows = new Map<string, SummaryRow>();
  for (const entry of entries) {
    const day =
      DateTime.fromISO(entry.at, { zone: 'utc' }).setZone(zone).toISODate() ?? entry.at.slice(0, 10);
    const reason = entry.action === 'skipped' ? `${entry.skip?.code ?? 'UNKNOWN'}` : entry.reason;
    const key = `${day}\0${entry.action}\0${reason}`;
    const row = rows.get(key) ?? { day, action: entry.action, reason, files: 0, bytes: 0 };
    row.files += 1;
    row.bytes += entry.action === 'skipped' ? 0 : (entry.size ?? 0);
    rows.set(key, row);
  }
  return [...rows.keys()].sort().map((key) => rows.get(key)!);
}
