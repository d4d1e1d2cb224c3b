import { join } from 'node:path';
import type { Finding } from '../audit/types.js';
import { mapWithConcurrency } from './pool.js';
import { sha256OfFile } from './sha256-file.js';

/**
 * Adds the SHA-256 of every violation's file (`audit --hash`), so `purge` can prove it deletes
 * exactly the audited bytes. A file that cannot be read, or that changed size or mtime since it
 * was probed, gets no hash: purge then re-verifies by size and mtime, which will catch the change.
 */
export async function hashViolations(findings: Finding[], concurrency: number): Promise<void> {
  const violations = findings.filter((f) => f.verdict === 'violation');
  await mapWithConcurrency(violations, concurrency, async (finding) => {
    try {
      const digest = await sha256OfFile(join(finding.root, finding.path));
      if (digest.size === finding.size && digest.mtime === finding.mtime) finding.sha256 = digest.sha256;
    } catch {
      // Unreadable now: leave the hash out rather than fail the audit; purge re-checks the file.
    }
  });
}
