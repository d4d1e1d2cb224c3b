import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Finding } from '../audit/types.js';
import { CallauditError } from '../errors.js';
import { sha256OfFileSync } from './sha256-file.js';

/** After this many files or bytes the event loop gets a turn, so Ctrl-C is heard within a moment. */
const FILES_PER_TURN = 100;
const BYTES_PER_TURN = 64 * 1024 * 1024;

/**
 * Adds the SHA-256 of every violation's file (`audit --hash`), so `purge` can prove it deletes
 * exactly the audited bytes. A file that cannot be read, or that changed size or mtime since it
 * was probed, gets no hash: purge then re-verifies by size and mtime, which will catch the change.
 * One file after another with blocking reads (recordings are small, see sha256OfFileSync), giving
 * the event loop a turn now and then: an aborted `signal` (Ctrl-C) stops it with INTERRUPTED.
 */
export async function hashViolations(findings: Finding[], signal?: AbortSignal): Promise<void> {
  const violations = findings.filter((f) => f.verdict === 'violation');
  let files = 0;
  let bytes = 0;
  for (const [done, finding] of violations.entries()) {
    if (files >= FILES_PER_TURN || bytes >= BYTES_PER_TURN) {
      [files, bytes] = [0, 0];
      await nextTurn();
    }
    if (signal?.aborted) throw interrupted(done, violations.length);
    try {
      const digest = sha256OfFileSync(join(finding.root, finding.path));
      if (digest.size === finding.size && digest.mtime === finding.mtime) finding.sha256 = digest.sha256;
      bytes += digest.size;
    } catch {
      // Unreadable now: leave the hash out rather than fail the audit; purge re-checks the file.
    }
    files++;
  }
}

function interrupted(done: number, total: number): CallauditError {
  return new CallauditError(
    'INTERRUPTED',
    `stopped after hashing ${done} of ${total} violations; no report was written`,
    'run the audit again (a probe cache spares probing the recordings again)',
  );
}
