import path from 'node:path';
import { PARTIAL_FILE_NAME } from '../audit/merge-partials.js';
import { fixOriginHint } from '../config/origins.js';
import type { AuditPlan } from '../config/settings.js';
import { CallauditError } from '../errors.js';
import { refuseIrregular, statIfExists } from '../input-file.js';
import { expandCallLogs } from '../inputs.js';
import { BUILTIN_PACK_IDS } from '../policy/load-pack.js';
import { checkOutputLocations } from './output-locations.js';
import { reportPath } from './write-reports.js';
import { isS3Root } from '../archive/s3/location.js';

interface InputFile {
  file: string;
  /** The flag or setting that named it, for the message. */
  what: string;
}

/**
 * Every file an audit reads besides the recordings (which lie inside the roots): call logs and
 * CDRs, config, policy pack, holds, outcome map, recording maps and the baseline.
 */
async function auditInputFiles(plan: AuditPlan, baseline: string | undefined): Promise<InputFile[]> {
  const callLogs = await Promise.all(
    (plan.callLogs ?? []).map((source) => expandCallLogs(source.files, plan.origins)),
  );
  const named = (what: string, file: string | null | undefined) => (file ? [{ file, what }] : []);
  return [
    ...callLogs.flat().map((file) => ({ file, what: 'the call log' })),
    ...named('the config file', plan.configFile),
    ...named('the policy pack', BUILTIN_PACK_IDS.includes(plan.policy) ? null : plan.policy),
    ...named('the legal holds file', plan.engine?.holds),
    ...named('the outcome map', plan.outcomeMap),
    ...(plan.archives ?? []).flatMap((archive) => named('the recording map', archive.recordingMap)),
    ...named('the baseline', baseline),
  ];
}

/**
 * A missing file or root named by where it came from: "exports/holds.csv
 * (callaudit.config.json: holds) does not exist". Left to the reader when the origin is unknown.
 */
function refuseMissing(file: string, what: string, origin: string | undefined): void {
  if (origin === undefined) return;
  throw new CallauditError(
    'INPUT_NOT_FOUND',
    `${file} (${origin}) does not exist`,
    fixOriginHint(origin, `check the ${origin} path: it names ${what}`),
  );
}

/** Refuses, before the audit reads or writes anything, outputs that would land in an archive or on an input. */
export async function checkAuditLocations(plan: AuditPlan, baseline: string | undefined): Promise<void> {
  const inputs = await auditInputFiles(plan, baseline);
  // Each is read later, some only after the scan has begun: a FIFO or a device is refused now.
  for (const { file, what } of inputs) {
    const stats = statIfExists(file);
    if (stats) refuseIrregular(file, stats, what, 'give a regular file');
    // Call logs were found by expandCallLogs, and a database URL is no file.
    else if (what !== 'the call log') refuseMissing(file, what, plan.origins?.get(file));
  }
  for (const { root } of plan.archives ?? [])
    if (!statIfExists(root)) refuseMissing(root, 'the archive root', plan.origins?.get(root));
  checkOutputLocations({
    outDir: plan.out,
    files: plan.shard
      ? [path.join(plan.out, PARTIAL_FILE_NAME)]
      : plan.formats.map((format) => reportPath(plan.out, format)),
    cache: plan.cache,
    // Nothing is written to object storage, and an s3:// URL is no folder to be inside of.
    roots: plan.archives.map((a) => a.root).filter((root) => !isS3Root(root)),
    inputs: inputs.map((input) => input.file),
  });
}
