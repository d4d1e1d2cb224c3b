import { Command } from 'commander';
import { withOptions } from '../options/commander.js';
import { CALL_LOG_PRESETS, callLogPreset } from '../presets/calllog/index.js';
import { RECORDING_PRESETS, recordingPreset } from '../presets/recording/index.js';
import type { CommandIo } from './audit-command.js';

/** `callaudit presets [name]`: the list with one line each, or one preset's full settings. */
export function presetsCommand(io: CommandIo): Command {
  return withOptions(
    new Command('presets')
      .description('List the recording and call-log presets, or print the full settings of one.')
      .argument('[name]', 'a preset name'),
    'presets',
  ).action((name: string | undefined, options: { json?: boolean }) => {
    if (name === undefined) {
      const pad = Math.max(...[...RECORDING_PRESETS, ...CALL_LOG_PRESETS].map((p) => p.name.length)) + 2;
      const lines = [
        'Recording presets (--preset):',
        ...RECORDING_PRESETS.map((p) => `  ${p.name.padEnd(pad)}${p.description}`),
        '',
        'Call-log presets (--crm-preset, --cdr-preset):',
        ...CALL_LOG_PRESETS.map((p) => `  ${p.name.padEnd(pad)}${p.description}`),
        '',
        'Show one in full: callaudit presets <name>',
      ];
      io.stdout(options.json ? `${JSON.stringify(allPresets(), null, 2)}\n` : `${lines.join('\n')}\n`);
      return;
    }
    const details = presetDetails(name);
    io.stdout(options.json ? `${JSON.stringify(details, null, 2)}\n` : render(details));
  });
}

function allPresets() {
  return {
    recording: RECORDING_PRESETS.map((p) => ({ name: p.name, description: p.description })),
    callLog: CALL_LOG_PRESETS.map((p) => ({ name: p.name, description: p.description })),
  };
}

/** Everything a preset sets, as data; a name that is both kinds shows the recording one first. */
function presetDetails(name: string): Record<string, unknown> {
  const recording = RECORDING_PRESETS.find((p) => p.name === name.toLowerCase());
  if (recording) {
    return {
      kind: 'recording preset (--preset)',
      name: recording.name,
      description: recording.description,
      typicalRoot: recording.typicalRoot,
      include: recording.include,
      idPattern: recording.idPattern ?? '(none: the file name without its extension)',
      startedAt: recording.startedAt
        ? `${recording.startedAt.groups.join(' + ')} read as "${recording.startedAt.format}", ${
            recording.startedAt.zone === 'UTC' ? 'UTC' : 'PBX local time (--timezone)'
          }`
        : '(not in the name)',
      recordingMap: recording.idMap
        ? `required: ${recording.idMap.fromColumns[0]} → ${recording.idMap.toColumns[0]} (--recording-map)`
        : '(none)',
      sidecars: recording.sidecars.length ? recording.sidecars : '(none)',
      example: recording.example,
      command: recording.command,
    };
  }
  const log = CALL_LOG_PRESETS.find((p) => p.name === name.toLowerCase());
  if (!log) recordingPreset(name); // throws with a did-you-mean over recording names
  const preset = log ?? callLogPreset(name);
  return {
    kind: `call-log preset (--crm-preset${preset.kind === 'telephony' ? ' or --cdr-preset' : ''})`,
    name: preset.name,
    description: preset.description,
    outcomes:
      preset.kind === 'telephony'
        ? 'none: a CDR disposition is not a business outcome; combine with a CRM log (--crm)'
        : 'business outcomes from the CRM',
    idColumns: preset.columns.id,
    outcomeColumns: preset.columns.outcome,
    timeColumns: preset.columns.time.length ? preset.columns.time : '(none)',
    linkColumns: preset.linkColumns.length ? preset.linkColumns : '(none)',
    header: preset.headerless ? 'none: the column layout is detected from the field count' : 'first row',
    timezone: "times without an offset are read in --timezone (or the call log's timezone)",
    outcomeLabels: Object.keys(preset.outcomeLabels).length ? preset.outcomeLabels : '(labels as written)',
    command: preset.command,
  };
}

function render(details: Record<string, unknown>): string {
  const width = Math.max(...Object.keys(details).map((k) => k.length)) + 2;
  return (
    Object.entries(details)
      .map(([key, value]) => {
        const text =
          typeof value === 'string'
            ? value
            : Array.isArray(value)
              ? value.join(', ')
              : Object.entries(value as Record<string, string>)
                  .map(([k, v]) => `\n${' '.repeat(width + 2)}${k} → ${v}`)
                  .join('');
        return `${`${key}:`.padEnd(width)}${text}`;
      })
      .join('\n') + '\n'
  );
}
