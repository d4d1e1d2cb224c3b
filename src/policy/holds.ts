import { locatedRecords, type LocatedRecord } from './csv-records.js';
import { jsonRowsOf } from './json-rows.js';
import { DateTime, Duration } from 'luxon';
import picomatch from 'picomatch';
import { normaliseCallId } from '../audit/join.js';
import { CallauditError } from '../errors.js';
import { slowGlobReason } from '../glob-safety.js';

export const HOLD_TYPES = ['dsar', 'litigation', 'regulatory', 'authority_order'] as const;
export type HoldType = (typeof HOLD_TYPES)[number];
const HOLD_SCOPES = ['call_id', 'customer_id', 'path'] as const;
const HOLD_COLUMNS = ['type', 'scope', 'value', 'reference', 'reason', 'until'] as const;

/** A documented exception that keeps recordings whatever else is true (ZVOP-2 art. 21, litigation, MiFID II). */
export interface Hold {
  /** `file:line` (CSV) or `file#index` (JSON): stable, and points the DPO at the source. */
  id: string;
  type: (typeof HOLD_TYPES)[number];
  scope: (typeof HOLD_SCOPES)[number];
  value: string;
  reference: string;
  reason: string;
  /** End of the hold, ISO UTC; null with no `period` means until further notice. */
  until: string | null;
  /** ISO 8601 duration counted from the call, instead of `until`. */
  period: string | null;
}

export interface HoldSubject {
  callId: string | null;
  customerIds: readonly string[];
  /** Path relative to its archive root, forward slashes. */
  path: string;
  /** When the call happened, ISO UTC, if known (for `period` holds). */
  callAt: string | null;
}

/** What holds are matched against, for a recording or a finding and the events joined to it. */
export function holdSubject(
  recording: { callId: string | null; path: string; startedAt: string | null },
  events: readonly { customerId?: string | null }[],
): HoldSubject {
  return {
    callId: recording.callId,
    customerIds: events.flatMap((e) => (e.customerId ? [e.customerId] : [])),
    path: recording.path,
    callAt: recording.startedAt,
  };
}

type RawHold = Partial<Record<(typeof HOLD_COLUMNS)[number] | 'period', unknown>>;

function fail(where: string, message: string): never {
  throw new CallauditError(
    'HOLDS_INVALID',
    message,
    `each hold needs type (${HOLD_TYPES.join('|')}), scope (${HOLD_SCOPES.join('|')}), value, reference and reason; until is a date or empty`,
    where,
  );
}

function text(raw: RawHold, key: keyof RawHold): string {
  const value = raw[key];
  return value === undefined || value === null ? '' : String(value).trim();
}

/** End of the named day in `zone`: a hold "until 2027-01-31" still protects on that day. */
function parseUntil(value: string, zone: string, where: string): string | null {
  if (value === '') return null;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid) fail(where, `until "${value}" is not an ISO 8601 date`);
  return (dateOnly ? parsed.endOf('day') : parsed).toUTC().toISO()!;
}

function toHold(raw: RawHold, id: string, zone: string): Hold {
  const type = text(raw, 'type');
  const scope = text(raw, 'scope');
  if (!(HOLD_TYPES as readonly string[]).includes(type)) fail(id, `unknown hold type "${type}"`);
  if (!(HOLD_SCOPES as readonly string[]).includes(scope)) fail(id, `unknown hold scope "${scope}"`);
  for (const key of ['value', 'reference', 'reason'] as const) {
    if (text(raw, key) === '') fail(id, `the hold has no ${key}`);
  }
  const period = text(raw, 'period');
  if (period !== '' && !Duration.fromISO(period).isValid)
    fail(id, `period "${period}" is not an ISO 8601 duration such as P5Y`);
  if (period !== '' && text(raw, 'until') !== '') fail(id, 'give either until or period, not both');
  if (scope === 'path') {
    try {
      picomatch(text(raw, 'value'));
    } catch {
      fail(id, `"${text(raw, 'value')}" is not a valid glob`);
    }
    // A path hold is matched against every recording: a slow glob would stall the audit.
    const slow = slowGlobReason(text(raw, 'value'));
    if (slow !== null) fail(id, `the path glob "${text(raw, 'value')}" is refused: ${slow}`);
  }
  return {
    id,
    type: type as Hold['type'],
    scope: scope as Hold['scope'],
    value: text(raw, 'value'),
    reference: text(raw, 'reference'),
    reason: text(raw, 'reason'),
    until: parseUntil(text(raw, 'until'), zone, id),
    period: period === '' ? null : period,
  };
}

/** Reads a holds file: CSV with the documented header, or a JSON array of the same objects. */
export function parseHolds(content: string, file: string, zone: string): Hold[] {
  const body = content.replace(/^\uFEFF/, '');
  const jsonRows = jsonRowsOf(body, file, 'hold', fail);
  if (jsonRows) return jsonRows.map(({ row, where }) => toHold(row as RawHold, where, zone));
  let records: LocatedRecord[];
  try {
    records = locatedRecords(body, { trim: true, relax_column_count: false });
  } catch (error) {
    fail(file, `cannot parse the holds CSV (${(error as Error).message})`);
  }
  const header = (records[0]?.cells ?? []).map((h) => h.toLowerCase());
  const missing = HOLD_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    fail(
      `${file}:${records[0]?.line ?? 1}`,
      `the header lacks ${missing.join(', ')} (found: ${header.join(', ') || 'nothing'})`,
    );
  return records.slice(1).map(({ cells, line }) => {
    const raw: RawHold = {};
    header.forEach((name, column) => {
      (raw as Record<string, unknown>)[name] = cells[column];
    });
    return toHold(raw, `${file}:${line}`, zone);
  });
}

// Every recording meets every hold, twice (judging and the stale-hold list): compile each glob once.
const globMatchers = new Map<string, (path: string) => boolean>();
function globMatcher(glob: string): (path: string) => boolean {
  let matcher = globMatchers.get(glob);
  if (!matcher) {
    matcher = picomatch(glob, { dot: true });
    globMatchers.set(glob, matcher);
  }
  return matcher;
}

export function holdMatches(hold: Hold, subject: HoldSubject): boolean {
  switch (hold.scope) {
    case 'call_id':
      return subject.callId !== null && normaliseCallId(subject.callId) === normaliseCallId(hold.value);
    case 'customer_id':
      return subject.customerIds.some((id) => id.trim() === hold.value);
    case 'path':
      return globMatcher(hold.value)(subject.path);
  }
}

/**
 * Whether a hold still protects a recording at `now`. A `period` hold whose call time is unknown
 * counts as active: when in doubt, keep.
 */
export function holdIsActive(hold: Hold, subject: HoldSubject, now: string): boolean {
  if (hold.until !== null) return now <= hold.until;
  if (hold.period === null) return true;
  if (subject.callAt === null) return true;
  const end = DateTime.fromISO(subject.callAt, { zone: 'utc' }).plus(Duration.fromISO(hold.period));
  return now <= end.toUTC().toISO()!;
}
