import { CallauditError } from '../errors.js';
import { decisionKey, type AuditDecision } from './audit-report.js';
import { refuseManifest, type Instruction, type Manifest } from './manifest.js';

/**
 * Proves a manifest is the audit's decision, or refuses the whole run: its bytes are the ones
 * the report records, its policy is the report's, and every row is a `violation` finding of the
 * report with the same root (and the root's identity), path, call ID, reason, size, mtime,
 * hash and, in a bucket, object version ID and ETag. A CSV anyone can edit is executed only where it says what the report says.
 */
export function bindManifest(manifest: Manifest, decision: AuditDecision): Instruction {
  const refuse: (message: string, line?: number) => never = (message, line) =>
    refuseManifest(manifest.file, message, line);
  if (manifest.sha256 !== decision.manifestSha256)
    throw new CallauditError(
      'MANIFEST_NOT_AUDITED',
      `the manifest's SHA-256 ${manifest.sha256} is not the one its report records (${decision.manifestSha256}); the whole manifest is refused and nothing was touched`,
      `give the deletion-manifest.csv and report.json of the same audit run, unedited (--report ${decision.file})`,
      manifest.file,
    );
  if (manifest.rows.length !== decision.manifestRows)
    refuse(`it has ${manifest.rows.length} rows, the report records ${decision.manifestRows}`);
  if (
    manifest.rows.length > 0 &&
    (manifest.policyId !== decision.policy.id || manifest.policyVersion !== decision.policy.version)
  )
    refuse(`its policy ${manifest.policyId} ${manifest.policyVersion} is not the report's`);
  const roots = new Map(decision.roots.map((r) => [r.path, r]));
  for (const row of manifest.rows) {
    const root = roots.get(row.root);
    if (
      !root ||
      root.realPath !== row.rootRealPath ||
      root.device !== row.rootDevice ||
      root.inode !== row.rootInode
    )
      refuse(`the root of ${row.path} is not an archive root of the report`, row.line);
    const finding = decision.violations.get(decisionKey(row.root, row.path));
    if (!finding) refuse(`${row.path} is not a violation of the report`, row.line);
    const differs = (
      [
        ['call ID', finding.callId, row.callId],
        ['reason', finding.reason, row.reason],
        ['size', finding.size, row.size],
        ['mtime', finding.mtime, row.mtime],
        ['SHA-256', finding.sha256 ?? null, row.sha256],
        ['object version ID', finding.object?.versionId ?? null, row.object?.versionId ?? null],
        ['object ETag', finding.object?.etag ?? null, row.object?.etag ?? null],
      ] as const
    ).find(([, audited, listed]) => audited !== listed);
    if (differs)
      refuse(`the ${differs[0]} of ${row.path} is not the report's (${String(differs[1])})`, row.line);
  }
  return {
    runId: decision.runId,
    manifestSha256: manifest.sha256,
    policyId: decision.policy.id,
    policyVersion: decision.policy.version,
  };
}
