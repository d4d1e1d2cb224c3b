import { constants } from 'node:buffer';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CallauditError } from '../errors.js';
import { readInputFile } from '../inputs.js';
import { RUN_ID_PLACEHOLDER } from '../report/run-id.js';
import { reportParts } from './report-parts.js';

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);
const DECIMAL = z.string().regex(/^\d+$/);

const findingSchema = z.object({
  root: z.string(),
  path: z.string(),
  callId: z.string().nullable(),
  verdict: z.string(),
  reason: z.string(),
  size: z.number().int().nonnegative(),
  mtime: z.string(),
  sha256: SHA256.optional(),
  /** Under an s3:// root: the object version the audit judged. */
  object: z.object({ versionId: z.string().nullable(), etag: z.string() }).optional(),
});

/** The parts of report.json that purge relies on; anything else in it is not read. */
const headSchema = z.object({
  schemaVersion: z.literal(1),
  runId: z.string().regex(/^[0-9a-f]{32}$/),
  deletionManifest: z.object({ sha256: SHA256, rows: z.number().int().nonnegative() }),
  policy: z.object({ id: z.string().min(1), version: z.string().min(1) }),
  inputs: z.object({
    roots: z.array(
      z.union([
        z.object({ path: z.string(), realPath: z.string().min(1), device: DECIMAL, inode: DECIMAL }),
        // An s3:// root: a bucket has no device or inode; its objects are proved by version ID and ETag.
        z.object({
          path: z.string(),
          realPath: z.string().min(1),
          device: z.literal('s3'),
          inode: z.literal(''),
        }),
      ]),
    ),
  }),
});

type ReportFinding = z.infer<typeof findingSchema>;
type ReportRoot = z.infer<typeof headSchema>['inputs']['roots'][number];

/** A report.json whose run ID matches its bytes: the audit decision purge may execute. */
export interface AuditDecision {
  file: string;
  runId: string;
  manifestSha256: string;
  manifestRows: number;
  policy: { id: string; version: string };
  roots: ReportRoot[];
  /** The report's violations, keyed by decisionKey(root, path). */
  violations: Map<string, ReportFinding>;
}

export const decisionKey = (root: string, relativePath: string): string => `${root}\0${relativePath}`;

/**
 * A report is read in parts (report-parts.ts), so it may be as large as a Buffer can be: an
 * archive of a million recordings writes more than 1 GB. (`maxBytes` raises the size limit of
 * readInputFile, which is made for hand-written settings files.)
 */
const REPORT_ROLE = {
  code: 'REPORT_UNREADABLE',
  what: 'the audit report',
  hint: 'purge needs the report.json written with the manifest (--report; default: next to the manifest)',
  maxBytes: constants.MAX_LENGTH,
};

function refuse(file: string, message: string): never {
  throw new CallauditError(
    'REPORT_REFUSED',
    `${message}; nothing was touched`,
    'give --report the report.json that the same `callaudit audit` run wrote with the manifest, unedited',
    file,
  );
}

/**
 * Reads the report an audit wrote with its manifest and proves it is intact: its run ID is the
 * hash of its own bytes with the ID zeroed (report/run-id.ts). The ID is a content hash, not a
 * signature: it shows the report is the one a deletion log cites, not who wrote it.
 */
export function loadAuditDecision(file: string): AuditDecision {
  const bytes = readInputFile(file, REPORT_ROLE);
  const invalid = (error: unknown): never =>
    refuse(file, `the audit report is not valid JSON (${(error as Error).message})`);
  const valid = <T>(schema: z.ZodType<T>, value: unknown, where: string): T => {
    const checked = schema.safeParse(value);
    if (checked.success) return checked.data;
    const issue = checked.error.issues[0]!;
    return refuse(
      file,
      `not a report.json of this version that purge can rely on (${[where, ...issue.path].join('.')}: ${issue.message})`,
    );
  };
  let parts: ReturnType<typeof reportParts>;
  try {
    parts = reportParts(bytes);
  } catch (error) {
    invalid(error);
  }
  const report = valid(headSchema, parts!.head, 'report');
  if (runIdOfBytes(bytes, report.runId) !== report.runId)
    refuse(file, `the report's content does not match its run ID ${report.runId} (edited after the audit?)`);
  // Only the violations are kept, and only what purge compares: a million findings fit in memory.
  const violations = new Map<string, ReportFinding>();
  let index = 0;
  try {
    for (const value of parts!.findings) {
      const finding = valid(findingSchema, value, `recordings.${index++}`);
      if (finding.verdict === 'violation') violations.set(decisionKey(finding.root, finding.path), finding);
    }
  } catch (error) {
    if (error instanceof CallauditError) throw error;
    invalid(error);
  }
  return {
    file,
    runId: report.runId,
    manifestSha256: report.deletionManifest.sha256,
    manifestRows: report.deletionManifest.rows,
    policy: report.policy,
    roots: report.inputs.roots,
    violations,
  };
}

/** The run ID the report's bytes give with the ID's value put back to the placeholder. */
function runIdOfBytes(bytes: Buffer, runId: string): string {
  const field = Buffer.from(`"runId": "${runId}"`, 'utf8');
  // A key inside a string value would be escaped (\"), so the first match is the report's own.
  const at = bytes.indexOf(field);
  if (at < 0) return '';
  return createHash('sha256')
    .update(bytes.subarray(0, at))
    .update(`"runId": "${RUN_ID_PLACEHOLDER}"`, 'utf8')
    .update(bytes.subarray(at + field.length))
    .digest('hex')
    .slice(0, 32);
}
