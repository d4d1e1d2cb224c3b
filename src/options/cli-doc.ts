import { optionsOf } from './commander.js';
import { OPTIONS } from './options.js';
import { COMMAND_NAMES, helpText, type OptionSpec } from './spec.js';

const cell = (text: string) => text.replace(/\|/g, '\\|');

function optionTable(specs: readonly OptionSpec[], key: (spec: OptionSpec) => string): string[] {
  return [
    '| option | meaning | default | config key |',
    '| --- | --- | --- | --- |',
    ...specs.map(
      (spec) =>
        `| \`${cell(spec.flags!)}\`${spec.required ? ' (required)' : ''} | ${cell(spec.help)}${
          spec.choices ? `: one of ${spec.choices.map((c) => `\`${c}\``).join(', ')}` : ''
        } | ${cell(spec.default ?? spec.commanderDefault ?? '')} | ${key(spec)} |`,
    ),
  ];
}

/**
 * docs/cli.md: every command's options and every config key, generated from the options model
 * (`npm run docs`); a test fails when the committed file is stale.
 */
export function renderCliDoc(): string {
  const configKeyOf = new Map(
    Object.entries(OPTIONS as Record<string, OptionSpec>).map(([key, spec]) => [spec, key]),
  );
  const key = (spec: OptionSpec) => (spec.config ? `\`${configKeyOf.get(spec)}\`` : '');
  const lines = [
    '# Command-line reference',
    '',
    '<!-- Generated from src/options/options.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'A config file (`callaudit.config.json`, or `-c <file>`) holds the same settings as the flags, under the config key shown; a flag wins over the config file.',
  ];
  for (const command of COMMAND_NAMES) {
    const specs = optionsOf(command);
    if (specs.length === 0) continue;
    lines.push('', `## \`${command === 'callaudit' ? 'callaudit' : `callaudit ${command}`}\``, '');
    lines.push(...optionTable(specs, key));
  }
  const configOnly = Object.entries(OPTIONS as Record<string, OptionSpec>).filter(
    ([, spec]) => spec.flags === undefined,
  );
  const keyTable = (entries: typeof configOnly) => [
    '| config key | meaning |',
    '| --- | --- |',
    ...entries.map(([name, spec]) => `| \`${name}\` | ${cell(helpText(spec))} |`),
  ];
  lines.push('', '## Config-file keys without a flag', '');
  lines.push(...keyTable(configOnly.filter(([, spec]) => !spec.sourceOnly)));
  for (const [kind, entry, first] of [
    ['archive', 'archives[]', '`root` (required)'],
    ['callLog', 'callLogs[]', '`file` (or `"type": "sql"` with `url`: see below)'],
  ] as const) {
    // A key named otherwise in the entry (`preset` of a call log is the top-level `crmPreset`) says so.
    const keys = Object.entries(OPTIONS as Record<string, OptionSpec>).flatMap(([top, spec]) => {
      const name = spec.sources?.[kind];
      if (!name || spec.sourceOnly) return [];
      return [name === top ? `\`${name}\`` : `\`${name}\` (top-level \`${top}\`)`];
    });
    lines.push(
      '',
      `An entry of \`${entry}\` takes ${first}, \`$comment\` and ${keys.join(', ')}; the meaning is that of the top-level key, for this source only.`,
    );
  }
  lines.push('', 'Keys of a `callLogs[]` entry only:', '');
  lines.push(...keyTable(configOnly.filter(([, spec]) => spec.sourceOnly)));
  return `${lines.join('\n')}\n`;
}
