import path from 'node:path';
import { PARTIAL_FILE_NAME } from '../audit/merge-partials.js';
import type { AuditPlan } from '../config/settings.js';
import { expandCallLogs } from '../inputs.js';
import { BUILTIN_PACK_IDS } from '../policy/load-pack.js';
import { REPORTERS } from '../report/index.js';
import { checkOutputLocations } from './output-locations.js';

/**
 * Every file an audit reads besides the recordings (which lie inside the roots): call logs and
 * CDRs, config, policy pack, holds, outcome map, recording maps and the baseline.
 */
export async function auditInputFiles(plan: AuditPlan, baseline: string | undefined): Promise<string[]> {
  const callLogs = await Promise.all((plan.callLogs ?? []).map((source) => expandCallLogs(source.files)));
  return [
    ...callLogs.flat(),
    plan.configFile,
    BUILTIN_PACK_IDS.includes(plan.policy) ? null : plan.policy,
    plan.engine?.holds ?? null,
    plan.outcomeMap,
    ...(plan.archives ?? []).map((archive) => archive.recordingMap),
    baseline ?? null,
  ].filter((file): file is string => file !== null);
}

/** Refuses, before the audit reads or writes anything, outputs that would land in an archive or on an input. */
export async function checkAuditLocations(plan: AuditPlan, baseline: string | undefined): Promise<void> {
  const names = plan.shard ? [PARTIAL_FILE_NAME] : plan.formats.map((f) => REPORTERS[f]!.fileName);
  checkOutputLocations({
    outDir: plan.out,
    files: names.map((name) => path.join(plan.out, name)),
    cache: plan.cache,
    roots: plan.roots,
    inputs: await auditInputFiles(plan, baseline),
  });
}
