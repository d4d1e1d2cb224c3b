import { HOLDS_FILE, readInputFile } from '../inputs.js';
import { CallauditError } from '../errors.js';
import { holdIsActive, holdMatches, parseHolds, type Hold, type HoldSubject } from '../policy/holds.js';
import type { ManifestRow } from './manifest.js';
import type { Skip } from './skip-reasons.js';

/**
 * Safety rule 3: holds re-checked at purge time (ZVOP-2 art. 21: no deletion under a pending
 * request). The manifest carries no customer ID and no call time, so:
 * - an active `customer_id` hold cannot be checked and refuses the whole run (exit 2) rather
 *   than risk deleting a held call; turn it into call_id or path holds, or audit with it;
 * - a `period` hold counts as active (the call time is unknown): when in doubt, keep.
 */
export function loadPurgeHolds(file: string, zone: string, now: string): Hold[] {
  const content = readInputFile(file, HOLDS_FILE).toString('utf8');
  const holds = parseHolds(content, file, zone);
  const uncheckable = holds.filter(
    (hold) => hold.scope === 'customer_id' && holdIsActive(hold, subjectOf(null), now),
  );
  if (uncheckable.length > 0) {
    throw new CallauditError(
      'HOLDS_UNCHECKABLE',
      `active customer_id hold(s) ${uncheckable.map((h) => h.id).join(', ')} cannot be checked: the deletion manifest has no customer IDs`,
      'express the hold by call_id or path (the calls it covers), then purge again; nothing was touched',
      file,
    );
  }
  return holds;
}

function subjectOf(row: ManifestRow | null): HoldSubject {
  return { callId: row?.callId ?? null, customerIds: [], path: row?.path ?? '', callAt: null };
}

/**
 * The first active hold that covers the row, as a Skip, or null. The row's call ID and path are
 * the report's: manifest-binding.ts refuses a manifest whose rows differ from its report.
 */
export function heldBy(holds: readonly Hold[], row: ManifestRow, now: string): Skip | null {
  const subject = subjectOf(row);
  const hold = holds.find((h) => holdMatches(h, subject) && holdIsActive(h, subject, now));
  return hold ? { code: 'HELD', detail: `${hold.type} hold ${hold.reference} (${hold.id})` } : null;
}
