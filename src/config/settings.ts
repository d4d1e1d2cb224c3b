import { z } from 'zod';
import type { Shard } from '../archive/shard.js';

export const ENCODINGS = ['auto', 'utf-8', 'windows-1250', 'utf-16le'] as const;
export const DELIMITERS = ['auto', ',', ';', 'tab'] as const;
export const FAIL_ON = ['violation', 'review', 'never'] as const;

const stringOrList = z.union([z.string(), z.array(z.string())]);

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
    out: z.string().optional(),
    format: stringOrList.optional(),
    failOn: z.enum(FAIL_ON).optional(),
    concurrency: z.number().int().min(1).max(256).optional(),
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
  configFile: string | null;
  /** Probe cache file; null with --no-cache. */
  cache: string | null;
  /** `--shard i/n`: audit only this part and write a partial report. */
  shard: Shard | null;
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
  /** Inside the output folder, so each report folder keeps the cache of its archive. */
  cacheFileName: 'probe-cache.jsonl',
} as const;
