import path from 'node:path';
import { defaultCacheFile } from '../archive/cache-location.js';
import { defaultThreads } from '../archive/default-threads.js';
import { DateTime } from 'luxon';
import { parseShard } from '../archive/shard.js';
import { requireTimezone } from './timezone.js';
import { CallauditError } from '../errors.js';
import type { LoadedConfig } from './config-file.js';
import { policyFromConfig, resolveBusinessColumns, resolveEnginePlan } from './engine-plan.js';
import { DEFAULTS, type AuditPlan } from './settings.js';
import { checkDistinctRoots, resolveArchives, resolveCallLogs } from './sources.js';
import { asList } from './flag-values.js';
import { choiceOf } from '../options/choice-of.js';
import type { FlagsOf } from '../options/flag-types.js';
import { pathOrigins } from './origins.js';

/** `--format json, csv` → ['json', 'csv']. */
export function parseFormatList(list: string): string[] {
  return list
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
}

/** Flags as commander hands them over, from the options model; every one optional so the config file can fill it. */
export type AuditFlags = FlagsOf<'audit'>;

export function resolvePlan(
  rootArgs: string[],
  flags: AuditFlags,
  loaded: LoadedConfig | null,
  clock: () => Date = () => new Date(),
): AuditPlan {
  const config = loaded?.config ?? {};
  // Paths from the config file are relative to the file, so a committed config works from any cwd.
  const fromConfig = (p: string) =>
    loaded ? path.relative(process.cwd(), path.resolve(loaded.dir, p)) || '.' : p;

  const timezoneForSources = flags.timezone ?? config.timezone ?? DEFAULTS.timezone;
  const archives = resolveArchives(rootArgs, flags, config, fromConfig, timezoneForSources);
  const callLogs = resolveCallLogs(flags, config, fromConfig, resolveBusinessColumns(flags, config));
  const roots = archives.map((a) => a.root);
  if (roots.length === 0) {
    throw new CallauditError(
      'NO_ARCHIVE',
      'no archive root was given',
      'name the recordings folder: callaudit audit ./recordings --crm ./calls.csv',
    );
  }
  checkDistinctRoots(archives);
  const crm = callLogs.flatMap((c) => c.files);
  if (crm.length === 0) {
    throw new CallauditError(
      'NO_CALL_LOG',
      'no call log was given: outcomes come from the CRM export',
      'add --crm <file.csv> (several files or globs allowed)',
    );
  }

  const timezone = requireTimezone(flags.timezone ?? config.timezone ?? DEFAULTS.timezone);

  let now: string;
  if (flags.now !== undefined) {
    const parsed = DateTime.fromISO(flags.now, { zone: timezone });
    if (!parsed.isValid) {
      throw new CallauditError(
        'BAD_FLAG',
        `--now "${flags.now}" is not an ISO 8601 date`,
        'e.g. --now 2026-11-28 or --now 2026-11-28T12:00:00Z',
      );
    }
    now = parsed.toUTC().toISO()!;
  } else {
    now = clock().toISOString();
  }

  const formats = parseFormatList(flags.format ?? asList(config.format)?.join(',') ?? DEFAULTS.format);

  const delimiter = choiceOf('delimiter', flags.delimiter ?? config.delimiter ?? DEFAULTS.delimiter);
  const concurrency =
    wholeNumber('--concurrency', flags.concurrency ?? config.concurrency, 1, 256) ?? DEFAULTS.concurrency;
  const threads = wholeNumber('--threads', flags.threads ?? config.threads, 0, 64) ?? defaultThreads();
  const outcomeMap = flags.outcomeMap ?? (config.outcomeMap ? fromConfig(config.outcomeMap) : undefined);
  const out = flags.out ?? (config.out ? fromConfig(config.out) : DEFAULTS.out);

  return {
    archives,
    callLogs,
    topLevel: {
      idPattern: flags.idPattern ?? config.idPattern ?? null,
      idColumn: flags.idColumn ?? config.idColumn ?? DEFAULTS.idColumn,
      outcomeColumn: flags.outcomeColumn ?? config.outcomeColumn ?? DEFAULTS.outcomeColumn,
      timeColumn: flags.timeColumn ?? config.timeColumn ?? null,
      encoding: choiceOf('encoding', flags.encoding ?? config.encoding ?? DEFAULTS.encoding),
      delimiter: delimiter === 'tab' ? '\t' : delimiter,
    },
    timezone,
    outcomeMap: outcomeMap ?? null,
    policy: flags.policy ?? (config.policy ? policyFromConfig(config.policy, fromConfig) : DEFAULTS.policy),
    now,
    out,
    formats,
    failOn: choiceOf('failOn', flags.failOn ?? config.failOn ?? DEFAULTS.failOn),
    concurrency,
    threads,
    s3: {
      endpoint: flags.s3Endpoint ?? config.s3Endpoint ?? null,
      region: flags.s3Region ?? config.s3Region ?? null,
      forcePathStyle: flags.s3ForcePathStyle ?? config.s3ForcePathStyle ?? false,
      profile: flags.profile ?? config.profile ?? null,
    },
    // On by default: without a hash, purge cannot tell a rewritten file of the same size and mtime.
    hash: flags.hash ?? config.hash ?? DEFAULTS.hash,
    configFile: loaded?.file ?? null,
    engine: resolveEnginePlan(flags, config, fromConfig, timezone),
    cache:
      flags.cache === false ? null : typeof flags.cache === 'string' ? flags.cache : defaultCacheFile(roots),
    shard: flags.shard === undefined ? null : parseShard(flags.shard),
    origins: pathOrigins(flags, config, fromConfig, loaded?.file ?? null),
  };
}

/** A whole-number setting from its flag or the config file, checked against its range; undefined when unset. */
function wholeNumber(
  flag: string,
  raw: string | number | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CallauditError(
      'BAD_FLAG',
      `${flag} must be a whole number from ${min} to ${max}, not "${raw}"`,
    );
  }
  return value;
}
