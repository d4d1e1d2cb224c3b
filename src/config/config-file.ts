import { existsSync } from 'node:fs';
import { readInputText } from '../inputs.js';
import path from 'node:path';
import type { z } from 'zod';
import { CallauditError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import { ARCHIVE_KEYS, CALL_LOG_KEYS, CONFIG_KEYS, configFileSchema, type ConfigFile } from './settings.js';

/** The keys allowed where an unknown key sits: top level, an `archives[]` or a `callLogs[]` entry. */
function keysAt(path: readonly PropertyKey[]): readonly string[] {
  if (path[0] === 'archives') return ARCHIVE_KEYS;
  if (path[0] === 'callLogs') return CALL_LOG_KEYS;
  return CONFIG_KEYS;
}

const CONFIG_FILE_NAMES = ['callaudit.config.json', '.callauditrc.json'];

export interface LoadedConfig {
  file: string;
  dir: string;
  config: ConfigFile;
}

/** `-c <file>` wins; otherwise the first discovery name present in the working directory. */
export function findConfigFile(explicit: string | undefined, cwd: string): string | null {
  if (explicit) return explicit;
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(cwd, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function describeIssues(issues: readonly z.core.$ZodIssue[], file: string): string {
  return issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys
          .map((key) => {
            const suggestion = didYouMean(key, keysAt(issue.path));
            return `  ${[...issue.path, key].join('.') || key}: unknown key${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
          })
          .join('\n');
      }
      return `  ${issue.path.join('.') || '(root)'}: ${issue.message}`;
    })
    .join('\n')
    .concat(`\n  in ${file}`);
}

export function parseConfigText(text: string, file: string): ConfigFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CallauditError(
      'CONFIG_INVALID_JSON',
      `the config file is not valid JSON (${(error as Error).message})`,
      'fix the JSON syntax, or pass another file with -c',
      file,
    );
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new CallauditError(
      'CONFIG_INVALID',
      `the config file has invalid settings:\n${describeIssues(parsed.error.issues, file)}`,
      `the keys are the audit flags in camelCase: ${CONFIG_KEYS.filter((k) => k !== '$schema').join(', ')}`,
      file,
    );
  }
  return parsed.data;
}

export function loadConfigFile(file: string): LoadedConfig {
  const text = readInputText(file, {
    code: 'CONFIG_UNREADABLE',
    what: 'the config file',
    hint: 'check the path given with -c/--config',
  });
  return {
    file,
    dir: path.dirname(path.resolve(file)),
    config: parseConfigText(text.replace(/^\uFEFF/, ''), file),
  };
}
