import { mkdirSync, realpathSync } from 'node:fs';
import { nodeFs } from './file-actions.js';
import { checkQuarantineLocation } from './locations.js';
import { actOnRows } from './purge-act.js';
import { loadPurgeInputs, type PurgeInputs } from './purge-inputs.js';
import { planRows } from './purge-plan.js';
import { PurgeSession } from './purge-session.js';
import type { PurgeHooks, PurgeOptions, PurgeReport } from './purge-types.js';

export {
  InjectedFault,
  type FaultPoint,
  type PurgeHooks,
  type PurgeOptions,
  type PurgePlan,
  type PurgeReport,
  type RowResult,
} from './purge-types.js';

/**
 * Deletes (or quarantines) the recordings a deletion manifest lists, in four steps: load and
 * verify the plan (purge-inputs.ts), check each row (purge-plan.ts), and with --execute act on
 * each row or roll it back (purge-act.ts), writing the deletion log and journal as it goes
 * (purge-session.ts). Without --execute it stops after the plan.
 */
export async function purge(options: PurgeOptions, hooks: PurgeHooks = {}): Promise<PurgeReport> {
  const now = () => (hooks.now ?? (() => new Date()))().toISOString();
  const inputs = loadPurgeInputs(options, now, hooks.s3Client);
  try {
    return await purgeWith(inputs, options, hooks, now);
  } finally {
    // Its sockets would keep the process alive.
    inputs.s3?.client.destroy();
  }
}

async function purgeWith(
  inputs: PurgeInputs,
  options: PurgeOptions,
  hooks: PurgeHooks,
  now: () => string,
): Promise<PurgeReport> {
  const fault = hooks.fault ?? (() => {});
  const { mode, resumed, realQuarantine } = inputs;
  const planned = await planRows(inputs);
  const report: PurgeReport = {
    mode,
    executed: false,
    aborted: false,
    manifest: options.manifestFile,
    report: inputs.reportFile,
    instruction: inputs.instruction,
    results: planned,
    log: null,
    warnings: inputs.warnings,
  };
  if (!options.execute) {
    resumed?.journal.close();
    return report;
  }

  // Rows an interrupted run already finished are not asked about again.
  const toAct = planned.filter((r, index) => r.kind === 'planned' && !resumed?.state.done.has(index));
  if (hooks.confirm) {
    const bytes = toAct.reduce((sum, r) => sum + (r.kind === 'planned' ? r.size : 0), 0);
    const rows = toAct.map((r) => ({
      path: r.row.path,
      reason: r.row.reason,
      size: r.row.size,
      ...(r.kind === 'planned' && r.otherVersions !== undefined ? { otherVersions: r.otherVersions } : {}),
    }));
    if (!(await hooks.confirm({ files: toAct.length, bytes, mode, rows }))) {
      resumed?.journal.close();
      return { ...report, aborted: true };
    }
  }

  if (realQuarantine && inputs.s3 === null) {
    mkdirSync(realQuarantine, { recursive: true });
    // Checked again now that it exists: nothing may have been swapped in on the way.
    checkQuarantineLocation(realpathSync(realQuarantine), inputs.realRoots);
  }
  const session = PurgeSession.open(inputs, now, fault);
  const results = await actOnRows({ inputs, session, fs: hooks.fs ?? nodeFs, fault });
  const log = session.finish();
  return { ...report, executed: true, results, log: { file: options.logFile, ...log } };
}
