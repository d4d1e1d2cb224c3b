import path from 'node:path';
import type { AuditFlags } from './resolve-plan.js';
import type { ConfigFile } from './settings.js';

/**
 * Where each path of an audit came from, keyed by the path as resolved: `--crm`, or
 * `callaudit.config.json: callLogs[0].file`. An error about a missing file then names the flag or
 * config key to fix, not a flag the user never typed.
 */
export type PathOrigins = ReadonlyMap<string, string>;

const FLAG_PATHS = {
  crm: '--crm',
  cdr: '--cdr',
  holds: '--holds',
  outcomeMap: '--outcome-map',
  decisions: '--decisions',
  recordingMap: '--recording-map',
  policy: '--policy',
} as const;

/** `key` for a single value, `key[i]` for one of a list. */
function eachOf(value: string | string[] | undefined, key: string): Array<[string, string]> {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map((v, i) => [v, `${key}[${i}]`]) : [[value, key]];
}

export function pathOrigins(
  flags: AuditFlags,
  config: ConfigFile,
  fromConfig: (p: string) => string,
  configFile: string | null,
): PathOrigins {
  const origins = new Map<string, string>();
  const name = configFile ? path.basename(configFile) : 'the config file';
  const fromFile = (entries: Array<[string, string]>) => {
    for (const [value, key] of entries) origins.set(fromConfig(value), `${name}: ${key}`);
  };
  fromFile(eachOf(config.roots, 'roots'));
  fromFile(eachOf(config.crm, 'crm'));
  fromFile(eachOf(config.holds, 'holds'));
  fromFile(eachOf(config.outcomeMap, 'outcomeMap'));
  fromFile(eachOf(config.decisions, 'decisions'));
  fromFile(eachOf(config.recordingMap, 'recordingMap'));
  fromFile(eachOf(config.policy, 'policy'));
  (config.callLogs ?? []).forEach((entry, i) => fromFile(eachOf(entry.file, `callLogs[${i}].file`)));
  (config.archives ?? []).forEach((entry, i) => {
    fromFile(eachOf(entry.root, `archives[${i}].root`));
    fromFile(eachOf(entry.recordingMap, `archives[${i}].recordingMap`));
  });
  // A flag replaces the config's value, so it is the origin of the path it names: as typed (a call
  // log's pattern is looked up so) and normalised, as the plan keeps holds and decisions files.
  for (const [key, flag] of Object.entries(FLAG_PATHS)) {
    const value = flags[key as keyof typeof FLAG_PATHS];
    for (const file of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      origins.set(file, flag);
      origins.set(path.normalize(file), flag);
    }
  }
  return origins;
}

/** The hint for a missing file: fix the flag, or the config key (whose paths are relative to the file). */
export function fixOriginHint(origin: string | undefined, fallback: string): string {
  if (origin === undefined || origin.startsWith('--')) return fallback;
  const [file, key] = origin.split(': ');
  return `fix ${key} in ${file}: its paths are relative to the folder of ${file}`;
}
