import { join } from 'node:path';
import type { Finding } from '../audit/types.js';
import { sha256OfFileSync } from './sha256-file.js';

/**
 * Adds the SHA-256 of every violation's file (`audit --hash`), so `purge` can prove it deletes
 * exactly the audited bytes. A file that cannot be read, or that changed size or mtime since it
 * was probed, gets no hash: purge then re-verifies by size and mtime, which will catch the change.
 * One file after another with blocking reads: nothing else runs at this point of the audit, and
 * recordings are small (see sha256OfFileSync).
 */
export function hashViolations(findings: Finding[]): void {
  for (const finding of findings) {
    if (finding.verdict !== 'violation') continue;
    try {
      const digest = sha256OfFileSync(join(finding.root, finding.path));
      if (digest.size === finding.size && digest.mtime === finding.mtime) finding.sha256 = digest.sha256;
    } catch {
      // Unreadable now: leave the hash out rather than fail the audit; purge re-checks the file.
    }
  }
}
