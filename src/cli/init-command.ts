import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { withOptions } from '../options/commander.js';
import { CallauditError } from '../errors.js';
import { callLogPreset } from '../presets/calllog/index.js';
import { recordingPreset } from '../presets/recording/index.js';
import type { CommandIo } from './audit-command.js';

const SCHEMA_REF = './node_modules/callaudit/schema/callaudit.config.schema.json';

/**
 * A starter config for one recording preset. JSON has no comments, so `$comment` keys (which
 * the schema allows everywhere) explain each part.
 */
export function starterConfig(presetName: string, crmPresetName = 'generic'): Record<string, unknown> {
  const preset = recordingPreset(presetName);
  const crm = callLogPreset(crmPresetName);
  const callLogs: Record<string, unknown>[] = [
    {
      $comment: `CRM export with one row per call and its business outcome (${crm.description}).`,
      file: 'exports/crm-calls.csv',
      preset: crm.name,
      ...(crm.name === 'generic' ? { idColumn: 'call_id', outcomeColumn: 'outcome' } : {}),
      encoding: 'auto',
      delimiter: 'auto',
    },
  ];
  if (preset.name === 'freepbx') {
    callLogs.unshift({
      $comment:
        'FreePBX CDR export: links each recording (recordingfile/uniqueid/linkedid) to its call. It has no business outcome.',
      file: 'exports/cdr.csv',
      preset: 'freepbx-cdr',
    });
  }
  return {
    $schema: SCHEMA_REF,
    $comment: [
      `Starter config for ${preset.name}: ${preset.description}`,
      'Paths are relative to this file. Run: callaudit audit (it finds this file), or callaudit audit -c <file>.',
      'Every setting of a preset can be overridden here or by a flag; "callaudit presets ' +
        preset.name +
        '" shows them.',
    ],
    archives: [
      {
        $comment: `Usually ${preset.typicalRoot}; e.g. ${preset.example}`,
        root: 'recordings',
        preset: preset.name,
        ...(preset.idMap ? { recordingMap: 'exports/recordings.csv' } : {}),
        ...(preset.startedAt?.zone === 'local' ? { timezone: 'Europe/Ljubljana' } : {}),
      },
    ],
    callLogs,
    timezone: 'Europe/Ljubljana',
    policy: 'si-ip-akos',
    out: 'callaudit-report',
    failOn: 'violation',
  };
}

export function initCommand(io: CommandIo): Command {
  return withOptions(
    new Command('init').description(
      'Write a starter callaudit.config.json for a recording preset (never overwrites).',
    ),
    'init',
  ).action((options: { preset: string; crmPreset: string; config: string }) => {
    const target = path.resolve(options.config);
    const config = starterConfig(options.preset, options.crmPreset);
    if (existsSync(target)) {
      throw new CallauditError(
        'CONFIG_EXISTS',
        `${options.config} already exists; init never overwrites a config`,
        'edit it, delete it first, or write elsewhere with -c <file>',
        options.config,
      );
    }
    writeFileSync(target, `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
    io.stdout(
      `wrote ${options.config} for the ${options.preset} preset; edit the paths, then run: callaudit audit\n`,
    );
  });
}
