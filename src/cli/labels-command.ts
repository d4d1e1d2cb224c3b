import { existsSync } from 'node:fs';
import chalk from 'chalk';
import { Command, Option } from 'commander';
import { findConfigFile, loadConfigFile } from '../config/config-file.js';
import { resolveLabelsPlan, type LabelsFlags } from '../config/labels-plan.js';
import { DEFAULTS } from '../config/settings.js';
import { CallauditError } from '../errors.js';
import {
  LABEL_FORMATS,
  renderDraftMap,
  renderLabelsCsv,
  renderLabelsJson,
  renderLabelsText,
  type LabelFormat,
} from '../labels/render-labels.js';
import { runLabels } from '../labels/run-labels.js';
import type { CommandIo } from './audit-command.js';
import { writeFileAtomically } from './write-atomically.js';

type LabelsOptions = LabelsFlags & {
  config?: string;
  format?: LabelFormat;
  writeMap?: string;
  force?: boolean;
};

export function labelsCommand(io: CommandIo): Command {
  return new Command('labels')
    .description(
      'List every distinct outcome label of the call logs with its count and how the policy reads it; write a draft outcome map for the DPO.',
    )
    .option('--crm <file-or-glob...>', 'call-log CSV files or globs (several allowed)')
    .option(
      '--crm-preset <name>',
      'call-log preset: salesforce-task, hubspot-calls, asterisk-cdr, freepbx-cdr, generic',
    )
    .option('--id-column <name>', `call-ID column in the call log (default: ${DEFAULTS.idColumn})`)
    .option('--outcome-column <name>', `outcome-label column (default: ${DEFAULTS.outcomeColumn})`)
    .option('--time-column <name>', 'event-time column (optional)')
    .addOption(
      new Option('--encoding <encoding>', 'call-log encoding (default: auto)').choices([
        'auto',
        'utf-8',
        'windows-1250',
        'utf-16le',
      ]),
    )
    .addOption(
      new Option('--delimiter <delimiter>', 'call-log delimiter (default: auto)').choices([
        'auto',
        ',',
        ';',
        'tab',
      ]),
    )
    .option('--date-format <tokens>', 'how the call log writes times, in luxon tokens')
    .option('--timezone <zone>', `IANA zone for times without an offset (default: ${DEFAULTS.timezone})`)
    .option('--outcome-map <file>', 'CSV with columns label,category[,confirmed] for your CRM labels')
    .option(
      '--policy <id|file>',
      `policy pack: a built-in id or a JSON pack file (default: ${DEFAULTS.policy})`,
    )
    .addOption(new Option('--format <format>', 'output format (default: text)').choices([...LABEL_FORMATS]))
    .option(
      '--write-map <file>',
      'write a draft outcome map (label,category,count,confirmed=no) to this file',
    )
    .option('--force', 'let --write-map replace an existing file')
    .option('-c, --config <file>', 'JSON config file (default: ./callaudit.config.json when present)')
    .action(async (options: LabelsOptions) => {
      const configFile = findConfigFile(options.config, process.cwd());
      const loaded = configFile ? loadConfigFile(configFile) : null;
      const plan = resolveLabelsPlan(options, loaded);
      // Checked before the call logs are read, so a refusal costs nothing.
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
