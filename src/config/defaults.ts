/** Built-in defaults of the audit's settings; the options model shows them in help and docs. */
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
} as const;

/** Built-in defaults of the policy engine's settings. */
export const ENGINE_DEFAULTS = {
  customerColumn: 'customer_id',
  maxEventLagHours: 72,
  dueWithinDays: 30,
  minJoinRate: 0.5,
  reviewWithinDays: 30,
} as const;

/** The deletion log `purge` appends to and `restore` reads, in the working directory. */
export const DEFAULT_LOG = 'deletion-log.ndjson';
