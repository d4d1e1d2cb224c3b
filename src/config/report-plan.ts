import { resolveColumnMapping } from './column-mapping.js';
import { defaultThreads } from '../archive/default-threads.js';
import type { AuditResult } from '../audit/result.js';
import { CallauditError } from '../errors.js';
import { ENGINE_DEFAULTS } from './defaults.js';
import { DEFAULTS, type AuditPlan, type ArchiveSource, type CallLogSource } from './settings.js';
import type { EnginePlan } from './engine-plan.js';

/**
 * The plan of a saved audit, rebuilt from its report.json's `settings` block, so `explain
 * --report` judges with exactly what that audit used and nothing has to be typed again. Paths are
 * as the audit wrote them: relative ones are read from the current folder.
 */
export function planFromReport(report: AuditResult, reportFile: string): AuditPlan {
  const s = report.settings as Record<string, unknown> & Partial<EnginePlan>;
  const archives = s.archives as ArchiveSource[] | undefined;
  const callLogs = s.callLogs as CallLogSource[] | undefined;
  if (!Array.isArray(archives) || !Array.isArray(callLogs) || typeof s.now !== 'string') {
    throw new CallauditError(
      'REPORT_INVALID',
      'the report does not record the archives, call logs and time of its audit',
      'audit again with this callaudit, or give the archive roots and flags instead of --report',
      reportFile,
    );
  }
  const engine: EnginePlan = {
    holds: s.holds ?? null,
    customerColumn: s.customerColumn ?? ENGINE_DEFAULTS.customerColumn,
    noticeColumn: s.noticeColumn ?? null,
    purposeColumn: s.purposeColumn ?? null,
    maxEventLagHours: s.maxEventLagHours!,
    logPeriod: s.logPeriod ?? null,
    dueWithinDays: s.dueWithinDays!,
    retention: s.retention ?? {},
    minJoinRate: s.minJoinRate!,
    noticeMissing: s.noticeMissing ?? null,
    labels: s.labels ?? 'any',
    decisions: (s.decisions as string | undefined) ?? null,
    ...(typeof s.reviewWithinDays === 'number' ? { reviewWithinDays: s.reviewWithinDays } : {}),
  };
  // report.json keeps each source's columns as named; the mapping is resolved again, as for an audit.
  return {
    archives,
    callLogs: callLogs.map((log) => ({ ...log, columns: resolveColumnMapping(log, engine) })),
    // report.json does not record how to reach object storage: the default AWS chain and endpoint.
    s3: { endpoint: null, region: null, forcePathStyle: false, profile: null },
    topLevel: {
      idPattern: (s.idPattern as string | null) ?? null,
      idColumn: (s.idColumn as string | undefined) ?? DEFAULTS.idColumn,
      outcomeColumn: (s.outcomeColumn as string | undefined) ?? DEFAULTS.outcomeColumn,
      timeColumn: (s.timeColumn as string | null) ?? null,
      encoding: (s.encoding as AuditPlan['topLevel']['encoding']) ?? DEFAULTS.encoding,
      delimiter: (s.delimiter as AuditPlan['topLevel']['delimiter']) ?? DEFAULTS.delimiter,
    },
    timezone: (s.timezone as string | undefined) ?? DEFAULTS.timezone,
    outcomeMap: report.inputs.outcomeMap?.file ?? null,
    // Reports before the policy was recorded: its id names a built-in pack.
    policy: (s.policy as string | undefined) ?? report.policy.id,
    now: s.now,
    out: DEFAULTS.out,
    formats: [],
    failOn: DEFAULTS.failOn,
    concurrency: DEFAULTS.concurrency,
    threads: defaultThreads(),
    hash: false,
    configFile: null,
    engine,
    cache: null,
    shard: null,
  };
}
