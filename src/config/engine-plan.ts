import path from 'node:path';
import { DateTime, Duration } from 'luxon';
import { CallauditError } from '../errors.js';
import type { NoticeMissing } from '../options/choices.js';
import type { ConfigFile } from './settings.js';
import type { BusinessColumns } from './column-mapping.js';
import { ENGINE_DEFAULTS } from './defaults.js';
import { choiceOf } from '../options/choice-of.js';
import type { LabelTrust } from '../audit/engine-settings.js';
import type { FlagsOf } from '../options/flag-types.js';

/** The flags the engine reads its settings from: the audit's, from the options model. */
export type EngineFlags = FlagsOf<'audit'>;

/** The config file's engine keys: the config file itself, whose schema comes from the options model. */
export type EngineConfig = ConfigFile;

/** The policy-engine part of an AuditPlan. */
export interface EnginePlan {
  holds: string | null;
  customerColumn: string;
  noticeColumn: string | null;
  purposeColumn: string | null;
  maxEventLagHours: number;
  /** Declared coverage of the call logs, ISO UTC, both ends included. */
  logPeriod: { from: string; to: string } | null;
  dueWithinDays: number;
  retention: Record<string, string>;
  /** Share of the recordings with a call ID (inside the logs' coverage) that must join; 0 disables. */
  minJoinRate: number;
  /** null: the policy pack decides (review unless the pack says violation). */
  noticeMissing: NoticeMissing | null;
  /** Optional so plans built by hand stay valid; absent means any. */
  labels?: LabelTrust;
  /** Decisions file (--decisions); absent or null means none. */
  decisions?: string | null;
  /** Days a review may stay open before it is overdue; absent means the default. */
  reviewWithinDays?: number;
}

function badFlag(message: string, hint: string): never {
  throw new CallauditError('BAD_FLAG', message, hint);
}

export function parseMaxEventLag(value: number | string): number {
  const text = String(value).trim();
  const hours = /^\d+(\.\d+)?h?$/i.test(text)
    ? Number(text.replace(/h$/i, ''))
    : Duration.fromISO(text).isValid
      ? Duration.fromISO(text).as('hours')
      : NaN;
  if (!Number.isFinite(hours) || hours <= 0)
    badFlag(
      `--max-event-lag "${text}" is not a positive number of hours`,
      'e.g. --max-event-lag 72 or PT72H',
    );
  return hours;
}

/** `from..to`: dates cover whole local days in `zone`; date-times are taken as given. */
export function parseLogPeriod(value: string, zone: string): { from: string; to: string } {
  const parts = value.split('..');
  const hint = 'e.g. --log-period 2026-10-01..2026-10-31';
  if (parts.length !== 2) badFlag(`--log-period "${value}" is not of the form from..to`, hint);
  const [fromText, toText] = parts.map((p) => p.trim()) as [string, string];
  const read = (text: string, end: boolean): string => {
    const parsed = DateTime.fromISO(text, { zone });
    if (!parsed.isValid) badFlag(`--log-period: "${text}" is not an ISO 8601 date`, hint);
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
    return (dateOnly ? (end ? parsed.endOf('day') : parsed.startOf('day')) : parsed).toUTC().toISO()!;
  };
  const from = read(fromText, false);
  const to = read(toText, true);
  if (Date.parse(from) > Date.parse(to)) badFlag(`--log-period "${value}" ends before it starts`, hint);
  return { from, to };
}

export function parseMinJoinRate(value: number | string): number {
  const text = String(value).trim();
  const rate = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (text === '' || !Number.isFinite(rate) || rate < 0 || rate > 1)
    badFlag(
      `--min-join-rate must be a share between 0 and 1, not "${text}"`,
      'e.g. --min-join-rate 0.5 (or 50%); 0 audits whatever the join rate',
    );
  return rate;
}

function parseDays(flag: string, value: number | string): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 0)
    badFlag(`${flag} must be a whole number of days, not "${value}"`, `e.g. ${flag} 30`);
  return days;
}

/** The business log's customer, notice and purpose columns (flag, else config, else default). */
export function resolveBusinessColumns(flags: EngineFlags, config: EngineConfig): BusinessColumns {
  return {
    customerColumn: flags.customerColumn ?? config.customerColumn ?? ENGINE_DEFAULTS.customerColumn,
    noticeColumn: flags.noticeColumn ?? config.noticeColumn ?? null,
    purposeColumn: flags.purposeColumn ?? config.purposeColumn ?? null,
  };
}

export function resolveEnginePlan(
  flags: EngineFlags,
  config: EngineConfig,
  fromConfig: (p: string) => string,
  zone: string,
): EnginePlan {
  const holds = flags.holds ?? (config.holds ? fromConfig(config.holds) : null);
  const logPeriod = flags.logPeriod ?? config.logPeriod;
  const decisions = flags.decisions ?? (config.decisions ? fromConfig(config.decisions) : null);
  const noticeMissing = flags.noticeMissing ?? config.noticeMissing;
  return {
    holds: holds === null ? null : path.normalize(holds),
    ...resolveBusinessColumns(flags, config),
    maxEventLagHours: parseMaxEventLag(
      flags.maxEventLag ?? config.maxEventLag ?? ENGINE_DEFAULTS.maxEventLagHours,
    ),
    logPeriod: logPeriod === undefined ? null : parseLogPeriod(logPeriod, zone),
    dueWithinDays: parseDays(
      '--due-within',
      flags.dueWithin ?? config.dueWithin ?? ENGINE_DEFAULTS.dueWithinDays,
    ),
    retention: config.retention ?? {},
    minJoinRate: parseMinJoinRate(flags.minJoinRate ?? config.minJoinRate ?? ENGINE_DEFAULTS.minJoinRate),
    noticeMissing:
      noticeMissing === undefined ? null : choiceOf('noticeMissing', noticeMissing, NOTICE_MISSING_HINT),
    labels: choiceOf('labels', flags.labels ?? config.labels ?? 'any', LABELS_HINT),
    decisions: decisions === null ? null : path.normalize(decisions),
    reviewWithinDays: parseDays(
      '--review-within',
      flags.reviewWithin ?? config.reviewWithin ?? ENGINE_DEFAULTS.reviewWithinDays,
    ),
  };
}

const NOTICE_MISSING_HINT =
  'violation deletes recordings whose call log says the caller was not told; choose it only after checking how the column is filled';
const LABELS_HINT = 'e.g. --labels confirmed with an outcome map whose confirmed column says yes';

/**
 * A `policy` from the config file: a built-in id stays as it is, a file path is relative to the
 * config file like every other path in it.
 */
export function policyFromConfig(value: string, fromConfig: (p: string) => string): string {
  return /\.json$/i.test(value) || value.includes('/') || value.includes('\\') ? fromConfig(value) : value;
}
