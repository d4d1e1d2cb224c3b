import type { S3Settings } from '../archive/s3/client.js';
import { z } from 'zod';
import { configShape, sourceShape } from '../options/config-shape.js';
import { OPTIONS } from '../options/options.js';
import type { ENCODINGS, FAIL_ON, IdFrom } from '../options/choices.js';
import type { Shard } from '../archive/shard.js';
import type { EnginePlan } from './engine-plan.js';
import type { ColumnMapping } from './column-mapping.js';
import type { PathOrigins } from './origins.js';

export { DELIMITERS, ENCODINGS, FAIL_ON, ID_SOURCES, type IdFrom } from '../options/choices.js';
export { DEFAULTS } from './defaults.js';

/** Settings of one archive root (config `archives[]`); unset ones come from the top level. */
export const archiveSourceSchema = z
  .object({
    $comment: configShape(OPTIONS).$comment,
    root: z.string().describe('Folder of recordings, relative to the config file.'),
    ...sourceShape(OPTIONS, 'archive'),
  })
  .strict();

/** Settings of one call-log source (config `callLogs[]`); unset ones come from the top level. */
export const callLogSourceSchema = z
  .object({
    $comment: configShape(OPTIONS).$comment,
    ...sourceShape(OPTIONS, 'callLog'),
  })
  .strict();

export type ArchiveSourceConfig = z.infer<typeof archiveSourceSchema>;
export type CallLogSourceConfig = z.infer<typeof callLogSourceSchema>;
export const ARCHIVE_KEYS = Object.keys(archiveSourceSchema.shape);
export const CALL_LOG_KEYS = Object.keys(callLogSourceSchema.shape);

/**
 * The settings a config file may hold: the same names as the command-line flags, in camelCase,
 * generated from the options model (src/options/options.ts). Paths are relative to the config
 * file's folder.
 */
export const configFileSchema = z
  .object({
    ...configShape(OPTIONS),
    archives: z.array(archiveSourceSchema).optional().describe(OPTIONS.archives.help),
    callLogs: z.array(callLogSourceSchema).optional().describe(OPTIONS.callLogs.help),
  })
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;
export const CONFIG_KEYS = Object.keys(configFileSchema.shape);

/**
 * The top-level ID and call-log settings as given (flag, else config, else built-in default).
 * report.json records them under `settings` for its reader; the audit itself reads only the
 * resolved `archives` and `callLogs`, where each source carries the values in effect for it.
 */
export interface TopLevelSourceSettings {
  idPattern: string | null;
  idColumn: string;
  outcomeColumn: string;
  timeColumn: string | null;
  encoding: (typeof ENCODINGS)[number];
  delimiter: 'auto' | ',' | ';' | '\t';
}

/** Everything an audit needs, resolved from flags, the config file and defaults. */
export interface AuditPlan {
  /** Each archive root with its own settings (from flags, `archives[]`, presets). */
  archives: ArchiveSource[];
  /** Each call-log source with its own settings (from flags, `callLogs[]`, presets). */
  callLogs: CallLogSource[];
  topLevel: TopLevelSourceSettings;
  timezone: string;
  outcomeMap: string | null;
  policy: string;
  now: string;
  out: string;
  formats: string[];
  failOn: (typeof FAIL_ON)[number];
  concurrency: number;
  /** Worker threads that probe recordings; 0 probes on the main thread. */
  threads: number;
  /** SHA-256 of each violation's file into the manifest (a full read of those files). */
  hash: boolean;
  configFile: string | null;
  /** Holds, notice, purpose, time window, coverage and retention. */
  engine: EnginePlan;
  /** Probe cache file; null with --no-cache. */
  cache: string | null;
  /** `--shard i/n`: audit only this part and write a partial report. */
  shard: Shard | null;
  /** The flag or config key each path came from, for errors; absent in plans built by hand. */
  origins?: PathOrigins;
  /** How to reach the object storage of s3:// roots (credentials come from the AWS chain). */
  s3: S3Settings;
}

export interface ArchiveSource {
  root: string;
  preset: string | null;
  idPattern: string | null;
  /** `--name-time`: luxon format of the pattern's time groups; absent: the preset's, else none. */
  nameTime?: string;
  include: string[] | null;
  idFrom: IdFrom[];
  idTag: string | null;
  sidecarField: string | null;
  recordingMap: string | null;
  timezone: string;
}

export interface CallLogSource {
  files: string[];
  preset: string | null;
  idColumn: string | null;
  outcomeColumn: string | null;
  timeColumn: string | null;
  encoding: (typeof ENCODINGS)[number];
  delimiter: 'auto' | ',' | ';' | '\t';
  dateFormat: string | null;
  /** Excel: sheet name or 1-based position. */
  sheet?: string;
  /** Excel: 1-based header row. */
  headerRow?: number;
  /** JSON: dotted path of the records array. */
  records?: string;
  /** A database source: the table, or the query, to read. */
  table?: string;
  query?: string;
  timezone: string | null;
  /** The columns read, with the preset and defaults applied; the readers take them from here. */
  columns: ColumnMapping;
}
