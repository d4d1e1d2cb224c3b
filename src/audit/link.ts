import { CallauditError } from '../errors.js';
import { eventsForCall, normaliseCallId } from './join.js';
import type { CallEvent } from './types.js';

/**
 * A CDR (telephony) row links a recording's call ID to the other IDs of the same call (Asterisk
 * `linkedid`), but its disposition (ANSWERED, BUSY…) is no business outcome. This splits the
 * rows: CRM rows are judged, CDR rows only widen the IDs a recording is looked up under.
 */
export function splitTelephony(events: readonly CallEvent[]): {
  business: CallEvent[];
  links: Map<string, Set<string>>;
  telephonyRows: number;
} {
  const business: CallEvent[] = [];
  const links = new Map<string, Set<string>>();
  let telephonyRows = 0;
  for (const event of events) {
    if (!event.telephony) {
      business.push(event);
      continue;
    }
    telephonyRows++;
    for (const other of event.linkedIds ?? []) {
      const key = normaliseCallId(event.callId);
      let set = links.get(key);
      if (!set) links.set(key, (set = new Set()));
      set.add(other);
    }
  }
  return { business, links, telephonyRows };
}

/** The IDs a recording's events are looked up under: its own, then those a CDR links to it. */
export function linkedCallIds(callId: string | null, links: Map<string, Set<string>>): string[] {
  if (callId === null) return [];
  return [callId, ...(links.get(normaliseCallId(callId)) ?? [])];
}

/**
 * A recording's events: those of its own call ID, then those of the IDs a CDR links to it, each
 * event once. Without links (most audits, most calls) this is the index's own list, not a copy.
 */
export function linkedEvents(
  index: Map<string, CallEvent[]>,
  links: Map<string, Set<string>>,
  callId: string | null,
): readonly CallEvent[] {
  if (callId === null) return [];
  if (links.size === 0 || !links.has(normaliseCallId(callId))) return eventsForCall(index, callId);
  return [...new Set(linkedCallIds(callId, links).flatMap((id) => eventsForCall(index, id)))];
}

/** A CDR alone cannot tell a sale from a hang-up: say so instead of judging every call. */
export function cdrAloneError(files: readonly string[]): CallauditError {
  return new CallauditError(
    'CDR_WITHOUT_CRM',
    `only telephony CDRs were given (${files.join(', ')}); a CDR disposition such as ANSWERED says that a call ` +
      'was connected, not whether it led to an order, change, cancellation or complaint, so no recording can be judged from it',
    'Outcomes must come from a CRM log: add it with --crm <crm-export.csv> (e.g. --crm-preset salesforce-task or ' +
      'hubspot-calls) and pass the CDR with --cdr <cdr.csv> --cdr-preset freepbx-cdr|asterisk-cdr, so the CDR links ' +
      'recordings to calls and the CRM gives the outcome.',
  );
}
