import { z } from 'zod';
import { engineConfigShape, type EnginePlan } from './engine-plan.js';
import { CALL_LOG_PRESET_NAMES } from '../presets/calllog/index.js';
import { RECORDING_PRESET_NAMES } from '../presets/recording/index.js';
import type { Shard } from '../archive/shard.js';

export const ENCODINGS = ['auto', 'utf-8', 'windows-1250', 'utf-16le'] as const;
export const DELIMITERS = ['auto', ',', ';', 'tab'] as const;
export const FAIL_ON = ['violation', 'review', 'review-overdue', 'never'] as const;

const stringOrList = z.union([z.string(), z.array(z.string())], {
  error: 'expected a string or a list of strings',
});

const recordingPresetName = z.enum(RECORDING_PRESET_NAMES as [string, ...string[]]);
const callLogPresetName = z.enum(CALL_LOG_PRESET_NAMES as [string, ...string[]]);

export const ID_SOURCES = ['filename', 'path', 'tag', 'sidecar'] as const;
export type IdFrom = (typeof ID_SOURCES)[number];

/** Settings of one archive root (config `archives[]`); unset ones come from the top level. */
export const archiveSourceSchema = z
  .object({
    $comment: stringOrList.optional(),
    root: z.string().describe('Folder of recordings, relative to the config file.'),
    preset: recordingPresetName
      .optional()
      .describe('Recording preset: freepbx, amazon-connect, genesys-cloud, twilio, 3cx, generic.'),
    idPattern: z
      .string()
      .optional()
      .describe('Regex with a named group `id`, matched against the relative path.'),
    include: stringOrList.optional().describe('Globs of the files to audit, relative to the root.'),
    idFrom: z
      .array(z.enum(ID_SOURCES))
      .optional()
      .describe('Where call IDs come from, in order of preference.'),
    idTag: z
      .string()
      .optional()
      .describe('Tag holding the call ID, e.g. CALL_ID, TXXX:CALL_ID, ICMT, bext.originatorReference.'),
    sidecarField: z.string().optional().describe('Dotted path of the call-ID field in JSON/XML sidecars.'),
    recordingMap: z
      .string()
      .optional()
      .describe('CSV mapping recording IDs to call IDs (Twilio RecordingSid → CallSid).'),
    timezone: z
      .string()
      .optional()
      .describe('IANA zone of times in file names (FreePBX: server local time).'),
  })
  .strict();

/** Where the rows of a workbook or JSON call log are. */
const workbookShape = {
  sheet: z
    .union([z.string(), z.number().int().min(1)])
    .optional()
    .describe(
      'Excel: the sheet to read, by name or position (1 = first); default: the first with the ID column.',
    ),
  headerRow: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Excel: the row of the header; default: the first row that names the ID column.'),
  records: z
    .string()
    .optional()
    .describe('JSON: dotted path of the array of records, when the file holds several arrays.'),
};

/** Settings of one call-log source (config `callLogs[]`); unset ones come from the top level. */
export const callLogSourceSchema = z
  .object({
    $comment: stringOrList.optional(),
    file: stringOrList
      .optional()
      .describe('Call-log files (CSV, Excel, JSON, NDJSON) or globs, relative to the config file.'),
    type: z.enum(['file', 'sql']).optional().describe('"sql" for a database source given by url.'),
    url: z
      .string()
      .optional()
      .describe(
        'Database URL without a password: mysql://user@host:3306/asteriskcdrdb or postgres://user@host/db.',
      ),
    table: z
      .string()
      .optional()
      .describe('Database: the table to read (presets freepbx-cdr/asterisk-cdr: cdr).'),
    query: z.string().optional().describe("Database: a SELECT of one's own instead of a table."),
    preset: callLogPresetName
      .optional()
      .describe('Call-log preset: asterisk-cdr, freepbx-cdr, salesforce-task, hubspot-calls, generic.'),
    idColumn: z.string().optional(),
    outcomeColumn: z.string().optional(),
    timeColumn: z.string().optional(),
    encoding: z.enum(ENCODINGS).optional(),
    delimiter: z.enum(DELIMITERS).optional(),
    dateFormat: z.string().optional().describe('luxon format tokens, e.g. dd.MM.yyyy HH:mm.'),
    timezone: z.string().optional(),
    ...workbookShape,
  })
  .strict();

export type ArchiveSourceConfig = z.infer<typeof archiveSourceSchema>;
export type CallLogSourceConfig = z.infer<typeof callLogSourceSchema>;
export const ARCHIVE_KEYS = Object.keys(archiveSourceSchema.shape);
export const CALL_LOG_KEYS = Object.keys(callLogSourceSchema.shape);

/**
 * The settings a config file may hold: the same names as the command-line flags, in camelCase.
 * Paths are relative to the config file's folder.
 */
export const configFileSchema = z
  .object({
    $schema: z.string().optional(),
    roots: stringOrList.optional().describe('Archive roots to audit.'),
    crm: stringOrList.optional().describe('Call-log CSV files or globs.'),
    idPattern: z
      .string()
      .optional()
      .describe('Regex with a named group `id`, matched against the relative path.'),
    idColumn: z.string().optional(),
    outcomeColumn: z.string().optional(),
    timeColumn: z.string().optional(),
    encoding: z.enum(ENCODINGS).optional(),
    delimiter: z.enum(DELIMITERS).optional(),
    timezone: z.string().optional(),
    outcomeMap: z.string().optional(),
    policy: z.string().optional(),
    lang: z.enum(['en', 'sl']).optional().describe('Language of the HTML, Markdown and JUnit reports.'),
    out: z.string().optional(),
    format: stringOrList.optional(),
    failOn: z.enum(FAIL_ON).optional(),
    concurrency: z.number().int().min(1).max(256).optional(),
    threads: z
      .number()
      .int()
      .min(0)
      .max(64)
      .optional()
      .describe(
        'Worker threads that read recordings; 0 reads on the main thread (default: one per core, up to 8).',
      ),
    ...engineConfigShape,
    $comment: stringOrList.optional(),
    preset: recordingPresetName.optional().describe('Recording preset for every archive root.'),
    crmPreset: callLogPresetName.optional().describe('Call-log preset for every call log.'),
    include: stringOrList.optional(),
    idFrom: z.array(z.enum(ID_SOURCES)).optional(),
    idTag: z.string().optional(),
    sidecarField: z.string().optional(),
    recordingMap: z.string().optional(),
    dateFormat: z.string().optional(),
    ...workbookShape,
    archives: z
      .array(archiveSourceSchema)
      .optional()
      .describe('Several archive roots, each with its own settings.'),
    callLogs: z
      .array(callLogSourceSchema)
      .optional()
      .describe('Several call-log sources, each with its own settings.'),
    hash: z
      .boolean()
      .optional()
      .describe(
        'Record the SHA-256 of each violation in the deletion manifest (default true; false: purge --execute needs --allow-unhashed).',
      ),
  })
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;
export const CONFIG_KEYS = Object.keys(configFileSchema.shape);

/** Everything an audit needs, resolved from flags, the config file and defaults. */
export interface AuditPlan {
  roots: string[];
  crm: string[];
  idPattern: string | null;
  idColumn: string;
  outcomeColumn: string;
  timeColumn: string | null;
  encoding: (typeof ENCODINGS)[number];
  delimiter: 'auto' | ',' | ';' | '\t';
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
  /** Holds, notice, purpose, time window, coverage and retention; defaults when absent. */
  engine?: EnginePlan;
  /** Each archive root with its own settings (from flags, `archives[]`, presets). */
  archives?: ArchiveSource[];
  /** Each call-log source with its own settings (from flags, `callLogs[]`, presets). */
  callLogs?: CallLogSource[];
  /** Probe cache file; null with --no-cache. */
  cache: string | null;
  /** `--shard i/n`: audit only this part and write a partial report. */
  shard: Shard | null;
}

export interface ArchiveSource {
  root: string;
  preset: string | null;
  idPattern: string | null;
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
}

export const DEFAULTS = {
  idColumn: 'call_id',
  outcomeColumn: 'outcome',
  encoding: 'auto',
  delimiter: 'auto',
  timezone: 'Europe/Ljubljana',
  policy: 'si-ip-akos',
  out: './callaudit-report',
  format: 'json,csv,manifest',
  failOn: 'violation',
  concurrency: 32,
  hash: true,
  /** Inside the output folder, so each report folder keeps the cache of its archive. */
  cacheFileName: 'probe-cache.jsonl',
} as const;
