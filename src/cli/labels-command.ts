import { existsSync } from 'node:fs';
import path from 'node:path';
import chalk from 'chalk';
import { Command } from 'commander';
import { isSqlUrl } from '../calllog/sql-url.js';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../config/config-file.js';
import { resolveLabelsPlan, type LabelsFlags } from '../config/labels-plan.js';
import { expandCallLogs } from '../inputs.js';
import { BUILTIN_PACK_IDS } from '../policy/load-pack.js';
import type { LabelsPlan } from '../labels/run-labels.js';
import { withOptions } from '../options/commander.js';
import { CallauditError } from '../errors.js';
import {
  renderDraftMap,
  renderLabelsCsv,
  renderLabelsJson,
  renderLabelsText,
  type LabelFormat,
} from '../labels/render-labels.js';
import { runLabels } from '../labels/run-labels.js';
import type { CommandIo } from './audit-command.js';
import { checkNotOverInputs } from './output-locations.js';
import { writeFileAtomically } from './write-atomically.js';

type LabelsOptions = LabelsFlags & {
  config?: string;
  format?: LabelFormat;
  writeMap?: string;
  force?: boolean;
};

export function labelsCommand(io: CommandIo): Command {
  return withOptions(
    new Command('labels').description(
      'List every distinct outcome label of the call logs with its count and how the policy reads it; write a draft outcome map for the DPO.',
    ),
    'labels',
  ).action(async (options: LabelsOptions) => {
    const configFile = findConfigFile(options.config, process.cwd());
    const loaded = configFile ? loadConfigFile(configFile) : null;
    const plan = resolveLabelsPlan(options, loaded);
    // Checked before the call logs are read, so a refusal costs nothing.
    if (options.writeMap) {
      const inputs = await labelsInputFiles(plan, configFile, loaded);
      checkNotOverInputs(options.writeMap, inputs, 'the draft outcome map');
    }
    if (options.writeMap && !options.force && existsSync(options.writeMap)) {
      throw new CallauditError(
        'FILE_EXISTS',
        `"${options.writeMap}" already exists; it may be an outcome map someone has signed`,
        'choose another file, or add --force to replace it',
        options.writeMap,
      );
    }
    const { labels, rows } = await runLabels(plan, (message) =>
      io.stderr(`${chalk.yellow('warning')} ${message}\n`),
    );
    const format = options.format ?? 'text';
    io.stdout(
      format === 'json'
        ? renderLabelsJson(labels, rows)
        : format === 'csv'
          ? renderLabelsCsv(labels)
          : renderLabelsText(labels, rows),
    );
    if (options.writeMap) {
      try {
        writeFileAtomically(options.writeMap, [renderDraftMap(labels)]);
      } catch (error) {
        throw new CallauditError(
          'CANNOT_WRITE',
          `cannot write the draft outcome map (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
          'check that the folder exists and is writable',
          options.writeMap,
        );
      }
      io.stderr(`Draft outcome map written to ${options.writeMap} (${labels.length} label(s)).\n`);
    }
  });
}

/**
 * Every file `labels` reads, and the holds file its config names (which it does not read, but a
 * draft written over it would still destroy it).
 */
async function labelsInputFiles(
  plan: LabelsPlan,
  configFile: string | null,
  loaded: LoadedConfig | null,
): Promise<string[]> {
  const callLogs = await Promise.all(plan.callLogs.map((source) => expandCallLogs(source.files)));
  const holds = loaded?.config.holds ? path.resolve(loaded.dir, loaded.config.holds) : null;
  const policy = BUILTIN_PACK_IDS.includes(plan.policy) ? null : plan.policy;
  return [
    ...callLogs.flat().filter((file) => !isSqlUrl(file)),
    ...[configFile, plan.outcomeMap, policy, holds].filter((file) => typeof file === 'string'),
  ];
}
