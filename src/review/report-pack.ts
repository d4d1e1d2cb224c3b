import { DEFAULT_PACK_ID } from '../policy/load-pack.js';
import { loadPolicy } from '../policy/load-pack-file.js';
import type { PolicyPack } from '../policy/types.js';

/** The pack a report names; a report of a pack file names its id only, so the built-in pack stands in. */
export function packOfReport(policyId: string): PolicyPack {
  try {
    return loadPolicy(policyId);
  } catch {
    return loadPolicy(DEFAULT_PACK_ID);
  }
}

/** Categories whose events keep a recording (qualifies yes). */
export const qualifyingCategories = (pack: PolicyPack): ReadonlySet<string> =>
  new Set(pack.categories.filter((c) => c.qualifies === 'yes').map((c) => c.code));

/** Categories a reviewer may keep a recording for (everything the pack does not rule out). */
export const keepableCategories = (pack: PolicyPack): string[] =>
  pack.categories.filter((c) => c.qualifies !== 'no' && c.code !== 'unknown').map((c) => c.code);
