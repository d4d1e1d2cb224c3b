import type { z } from 'zod';

/** Every command (and sub-command, space-separated) whose options come from the model. */
export const COMMAND_NAMES = [
  'callaudit',
  'audit',
  'explain',
  'labels',
  'render',
  'policy',
  'presets',
  'init',
  'purge',
  'restore',
  'log verify',
  'log summary',
  'merge',
  'review',
  'sample',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * One option, declared once. Its key in the model is its config-file key when `config` is set;
 * options of the same attribute but another meaning per command (`--format` of `labels`) get
 * keys of their own.
 */
export interface OptionSpec {
  /** commander's flag syntax, e.g. `--crm <file-or-glob...>` or `-c, --config <file>`; absent: config file only. */
  flags?: string;
  help: string;
  /** The commands that accept the flag. */
  commands: readonly CommandName[];
  choices?: readonly string[];
  /** Shown in help and docs; the resolver applies it, so a config file can still set the value. */
  default?: string;
  /** A value commander fills in itself (commands that read no config file). */
  commanderDefault?: string;
  required?: boolean;
  /** Its type in the config file; absent: no config key. */
  config?: z.ZodType;
  /** Also a key of `archives[]` / `callLogs[]` entries, under this name. */
  sources?: { archive?: string; callLog?: string };
  /** A key of source entries only, not of the config file's top level. */
  sourceOnly?: true;
}

export type OptionModel = Record<string, OptionSpec>;

/** The help text as commander and the docs show it. */
export function helpText(spec: OptionSpec): string {
  return spec.default === undefined ? spec.help : `${spec.help} (default: ${spec.default})`;
}

/** `--no-hash` → `--no-hash`, `-c, --config <file>` → `--config`. */
export function longFlag(spec: OptionSpec): string | undefined {
  return spec.flags?.match(/--[a-z0-9-]+/)?.[0];
}
