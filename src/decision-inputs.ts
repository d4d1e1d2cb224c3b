import { join } from 'node:path';
import { mapWithConcurrency } from './archive/pool.js';
import { sha256OfFile } from './archive/sha256-file.js';
import { DecisionBook, fileKey } from './audit/decisions.js';
import { parseDecisions } from './policy/decisions-file.js';
import { CallauditError } from './errors.js';
import { readInputFile, sha256Of, type InputFileRole } from './inputs.js';
import type { PolicyPack } from './policy/types.js';

export const DECISIONS_FILE: InputFileRole = {
  code: 'DECISIONS_UNREADABLE',
  what: 'the decisions file',
  hint: 'check the --decisions path',
  csv: true,
};

export interface LoadedDecisions {
  file: string;
  sha256: string;
  book: DecisionBook;
}

/** Reads the decisions file; a keep decision must name a category the pack lets a recording be kept for. */
export function loadDecisions(file: string, pack: PolicyPack): LoadedDecisions {
  const bytes = readInputFile(file, DECISIONS_FILE);
  const list = parseDecisions(bytes.toString('utf8'), file);
  const keepable = pack.categories.filter((c) => c.qualifies !== 'no').map((c) => c.code);
  for (const d of list) {
    if (d.decision === 'keep' && d.category !== null && !keepable.includes(d.category))
      throw new CallauditError(
        'DECISIONS_INVALID',
        `a recording cannot be kept for the category "${d.category}": the policy says it does not qualify`,
        `keep for one of ${keepable.join(', ')}, or decide delete`,
        d.id,
      );
  }
  return { file, sha256: sha256Of(bytes), book: new DecisionBook(list) };
}

/**
 * The SHA-256 of every recording whose decision carries one, and only of those: a decision is
 * for the bytes the reviewer heard. An unreadable file gets no hash, which voids its decision.
 */
export async function hashDecidedFiles(
  recordings: ReadonlyArray<{ root: string; path: string; callId: string | null }>,
  book: DecisionBook,
  concurrency: number,
): Promise<Map<string, string>> {
  const decided = recordings.filter((r) => book.find(r)?.recordingSha256);
  const hashes = new Map<string, string>();
  await mapWithConcurrency(decided, concurrency, async (r) => {
    try {
      hashes.set(fileKey(r.root, r.path), (await sha256OfFile(join(r.root, r.path))).sha256);
    } catch {
      // No hash: the decision cannot be shown to be about these bytes, so it is void.
    }
  });
  return hashes;
}
