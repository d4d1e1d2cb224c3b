import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { archiveSourceSchema, callLogSourceSchema, configFileSchema } from '../../src/config/settings.js';
import { optionsOf } from '../../src/options/commander.js';
import { OPTIONS } from '../../src/options/options.js';
import { COMMAND_NAMES, longFlag, type CommandName, type OptionSpec } from '../../src/options/spec.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const silent = { stdout: () => {}, stderr: () => {}, setExitCode: () => {} };
const MODEL = OPTIONS as Record<string, OptionSpec>;

/** Every command of the real program, by its path below `callaudit`. */
function commandsOf(command: Command, prefix = ''): Array<[string, Command]> {
  const name = prefix ? `${prefix} ${command.name()}`.trim() : command.name();
  const here: Array<[string, Command]> = [[name, command]];
  return [...here, ...command.commands.flatMap((sub) => commandsOf(sub, name === 'callaudit' ? '' : name))];
}

const program = buildProgram(silent);
const commands = new Map(commandsOf(program));

describe('the options model is the one place a flag is declared', () => {
  it('knows every command of the program, and the program every command of the model', () => {
    const withOptions = [...commands].filter(([, c]) => c.options.length > 0).map(([n]) => n);
    for (const name of withOptions) expect(COMMAND_NAMES).toContain(name);
    for (const name of COMMAND_NAMES) expect([...commands.keys()]).toContain(name);
  });

  it.each(COMMAND_NAMES)(
    'gives `%s` exactly the model options, and the model lists every option it has',
    (name) => {
      const command = commands.get(name)!;
      const fromProgram = command.options.filter((o) => o.long !== '--version').map((o) => o.flags);
      const fromModel = optionsOf(name as CommandName).map((spec) => spec.flags);
      expect([...fromProgram].sort()).toEqual([...fromModel].sort());
    },
  );

  it('declares each flag of a command once', () => {
    for (const name of COMMAND_NAMES) {
      const longs = optionsOf(name).map((spec) => longFlag(spec));
      expect(new Set(longs).size, name).toBe(longs.length);
    }
  });

  it('has no option declared by hand in src/cli', () => {
    const dir = path.join(REPO, 'src/cli');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/\.(option|requiredOption|addOption)\(/);
    }
  });

  it('has every config key of the schema in the model, and every model config key in the schema', () => {
    const schemaKeys = Object.keys(configFileSchema.shape).sort();
    for (const key of schemaKeys) expect(MODEL[key], key).toBeDefined();
    const modelConfigKeys = Object.entries(MODEL)
      .filter(([, spec]) => spec.config !== undefined && !spec.sourceOnly)
      .map(([key]) => key);
    for (const key of modelConfigKeys) expect(schemaKeys).toContain(key);
  });

  it('has every key of an archives[] or callLogs[] entry in the model', () => {
    const structural = ['$comment', 'root'];
    for (const [kind, schema] of [
      ['archive', archiveSourceSchema],
      ['callLog', callLogSourceSchema],
    ] as const) {
      const fromModel = Object.values(MODEL).flatMap((spec) => spec.sources?.[kind] ?? []);
      const keys = Object.keys(schema.shape).filter((k) => !structural.includes(k));
      expect(keys.sort()).toEqual([...fromModel].sort());
    }
  });

  it('gives every option a command or a config key, and every config option a flag-style help', () => {
    for (const [key, spec] of Object.entries(MODEL)) {
      expect(spec.commands.length > 0 || key in configFileSchema.shape || spec.sourceOnly, key).toBe(true);
      expect(spec.help.length, key).toBeGreaterThan(5);
    }
  });

  it('shows the model help, choices and defaults in the commander help', () => {
    const help = commands.get('audit')!.helpInformation().replace(/\s+/g, ' ');
    expect(help).toContain('--encoding <encoding>');
    expect(help).toContain('(choices: "auto", "utf-8", "windows-1250", "utf-16le")');
    expect(help).toContain('(default: Europe/Ljubljana)');
  });
});
