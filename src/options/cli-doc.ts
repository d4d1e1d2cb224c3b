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
  lines.push('', '## Config-file keys without a flag', '', '| config key | meaning |', '| --- | --- |');
  for (const [name, spec] of configOnly) lines.push(`| \`${name}\` | ${cell(helpText(spec))} |`);
  for (const [kind, entry, first] of [
    ['archive', 'archives[]', '`root` (required)'],
    ['callLog', 'callLogs[]', '`file` (required)'],
  ] as const) {
    const keys = Object.values(OPTIONS as Record<string, OptionSpec>).flatMap((spec) =>
      spec.sources?.[kind] ? [`\`${spec.sources[kind]}\``] : [],
    );
    lines.push(
      '',
      `An entry of \`${entry}\` takes ${first}, \`$comment\` and ${keys.join(', ')}; the meaning is that of the top-level key, for this source only.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
