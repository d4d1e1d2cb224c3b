import { checkRow } from './check-row.js';
import { foreignPartials, prepareTarget } from './file-actions.js';
import { isSkip, safeSegments } from './path-safety.js';
import { isS3Row, planS3Row } from './purge-s3-row.js';
import type { PurgeInputs } from './purge-inputs.js';
import type { RowResult } from './purge-types.js';

/**
 * Checks every rule for every row before anything is touched: what the run would do to each.
 * Rows an interrupted run left done or half done are planned as they are; --resume finishes them.
 * A partial file of another run in a quarantine folder is left alone, with a warning.
 */
export async function planRows(inputs: PurgeInputs): Promise<RowResult[]> {
  const { manifest, resumed, context, realQuarantine, warnings } = inputs;
  const planned: RowResult[] = [];
  for (const [index, row] of manifest.rows.entries()) {
    if (resumed && (resumed.state.done.has(index) || resumed.state.intents.has(index))) {
      planned.push({ kind: 'planned', row, size: row.size });
      continue;
    }
    if (isS3Row(row)) {
      planned.push(await planS3Row(row, inputs));
      continue;
    }
    const checked = await checkRow(row, context, false);
    if (isSkip(checked)) {
      planned.push({ kind: 'skipped', row, skip: checked });
      continue;
    }
    if (realQuarantine) {
      // The same checks the real run makes when it creates the folders, without creating them.
      const target = await prepareTarget(realQuarantine, safeSegments(row.path) as string[], false);
      if (isSkip(target)) {
        planned.push({ kind: 'skipped', row, skip: target });
        continue;
      }
      for (const partial of await foreignPartials(target.target, resumed?.state.header.session ?? null))
        warnings.push(`left alone: ${partial} (a partial file of another run)`);
    }
    planned.push({ kind: 'planned', row, size: checked.size });
  }
  return planned;
}
