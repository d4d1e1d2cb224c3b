import { openProbeCache, scanWithCache, sumRows, type ScanStats } from './archive/scan-with-cache.js';
import { indexEventsByCallId } from './audit/join.js';
import { buildEngineReport } from './audit/engine-report.js';
import { judge, type JudgePolicy } from './audit/judge.js';
import { cdrAloneError, linkedEvents, splitTelephony } from './audit/link.js';
import { joinFailed, measureJoin } from './audit/join-rate.js';
import { countUnverifiedNotice, unrecognisedNotices } from './audit/notice.js';
import { joinFailedError } from './join-failure.js';
import { hashViolations } from './archive/hash-violations.js';
import { rootIdentity } from './archive/root-identity.js';
import {
  REPORT_SCHEMA_VERSION,
  type UnnamedResult,
  type CallLogInput,
  type InputProblem,
} from './audit/result.js';
import { sortFindings, summarise } from './audit/summarise.js';
import type { CallEvent, Recording } from './audit/types.js';
import { callLogWarnings } from './calllog/log-warnings.js';
import { readAnyCallLog } from './calllog/read-any-call-log.js';
import { readsTableForPeriod, WHOLE_TABLE_WARNING } from './calllog/sql-period.js';
import type { CallLogOptions, CallLogResult } from './calllog/types.js';
import { recordingsPeriod, type Period } from './audit/query-period.js';
import { callLogOptionsFor } from './calllog/source-options.js';
import type { AuditPlan } from './config/settings.js';
import { hashDecidedFiles, loadDecisions } from './decision-inputs.js';
import { decisionsReport } from './audit/decisions-report.js';
import { reviewDeadlines, startReviewClocks } from './audit/review-deadlines.js';
import { ENGINE_DEFAULTS } from './config/defaults.js';
import { engineInputWarnings, loadHolds, resolveCoverage } from './engine-inputs.js';
import { expandCallLogs } from './inputs.js';
import { judgeAll } from './audit/judge-all.js';
import { createClassifier } from './policy/classify.js';
import { withRetentionOverrides } from './policy/extend-pack.js';
import { packSha256 } from './policy/load-pack.js';
import { loadPolicy } from './policy/load-pack-file.js';
import { loadOutcomeMap } from './policy/load-outcome-map-file.js';
import { holdSubject } from './policy/holds.js';
import { labelsOfFindings } from './audit/label-inventory.js';
import { TOOL } from './version.js';

export interface AuditHooks {
  /** Called for warnings a DPO should see (encoding guessed, rows skipped); never for errors. */
  warn?: (message: string) => void;
  /** Called for every recording as judged, with its events and the policy; `explain` traces from it. */
  onJudged?: (recording: Recording, events: readonly CallEvent[], policy: JudgePolicy) => void;
  /** Ctrl-C: stop probing, keep the cache, write no report (runAudit throws INTERRUPTED). */
  signal?: AbortSignal;
  onScanProgress?: (done: number, total: number) => void;
  /** Call-log rows read so far, over all call logs. */
  onRows?: (rows: number) => void;
  /** Told at the end how the recordings were read. */
  onScanStats?: (stats: ScanStats) => void;
  /**
   * Told when a phase ends; `garbage` says most of what it allocated is garbage now, so a CLI
   * that watches its memory may collect it there (the library itself never forces a collection).
   */
  onPhaseDone?: (phase: string, garbage: boolean) => void;
}

/** Runs one audit: reads the archive and the call logs, judges every recording. Writes nothing. */
export async function runAudit(plan: AuditPlan, hooks: AuditHooks = {}): Promise<UnnamedResult> {
  const warn = hooks.warn ?? (() => {});
  const engine = plan.engine;
  const pack = withRetentionOverrides(loadPolicy(plan.policy), engine.retention, plan.configFile ?? 'config');
  const holds = engine.holds === null ? null : loadHolds(engine.holds, plan.timezone);
  const decisions = engine.decisions ? loadDecisions(engine.decisions, pack) : null;
  const outcomeMap = plan.outcomeMap ? loadOutcomeMap(plan.outcomeMap) : undefined;
  const classify = createClassifier(pack, outcomeMap?.categories, outcomeMap?.unconfirmed);
  const { archives, callLogs: sources } = plan;
  const callLogJobs = (
    await Promise.all(
      sources.map(async (source) =>
        (await expandCallLogs(source.files, plan.origins)).map((file) => ({ file, source })),
      ),
    )
  ).flat();

  const rowsPerLog = new Map<string, number>();
  const optionsOf = (file: string, source: (typeof sources)[number]) => {
    const options = callLogOptionsFor(source, plan.timezone);
    options.now = plan.now;
    if (hooks.onRows) options.onRows = (rows) => hooks.onRows?.(sumRows(rowsPerLog.set(file, rows)));
    return options;
  };
  const jobs = callLogJobs.map(({ file, source }) => ({ file, options: optionsOf(file, source) }));
  const readJob = (file: string, options: CallLogOptions, period: Period | null) =>
    readAnyCallLog(
      file,
      file,
      options.sql && period ? { ...options, sql: { ...options.sql, period } } : options,
    );
  // A database table without --log-period is read for the recordings' span, known after the scan.
  const afterScan = ({ file, options }: (typeof jobs)[number]) =>
    !engine.logPeriod && readsTableForPeriod(file, options);
  const callLogs: CallLogResult[] = new Array<CallLogResult>(callLogJobs.length);
  // Both run at once; when both fail, the archive's error is reported, as it is the first input.
  const [scanned, read] = await Promise.allSettled([
    // The cache is not held here: once saved after the scan, its maps can be collected.
    scanWithCache(
      plan,
      archives,
      await openProbeCache(plan, archives, { warn, onPhaseDone: hooks.onPhaseDone }),
      hooks,
    ),
    Promise.all(
      jobs.map(async (job, i) => {
        if (!afterScan(job)) callLogs[i] = await readJob(job.file, job.options, engine.logPeriod);
      }),
    ),
  ]);
  if (scanned.status === 'rejected') throw scanned.reason;
  if (read.status === 'rejected') throw read.reason;
  const scan = scanned.value;
  if (jobs.some(afterScan)) {
    const period = recordingsPeriod(scan.recordings, engine.maxEventLagHours);
    if (period === null && scan.recordings.length > 0) warn(WHOLE_TABLE_WARNING);
    await Promise.all(
      jobs.map(async (job, i) => {
        if (afterScan(job)) callLogs[i] = await readJob(job.file, job.options, period);
      }),
    );
  }
  hooks.onPhaseDone?.('scan + call logs', true);

  const problems: InputProblem[] = [];
  const events: CallEvent[] = [];
  const callLogInputs: CallLogInput[] = [];
  for (const log of callLogs) {
    for (const warning of callLogWarnings(log)) warn(warning);
    for (const p of log.problems)
      problems.push({ file: p.file, line: p.line, code: p.code, message: p.message });
    for (const e of log.events) events.push(e);
    callLogInputs.push({
      file: log.file,
      sha256: log.sha256,
      encoding: log.encoding,
      encodingDetected: log.encodingDetected,
      delimiter: log.delimiter,
      ...(log.format ? { format: log.format } : {}),
      ...(log.source ? { source: log.source } : {}),
      rows: log.rows,
      events: log.events.length,
      skippedRows: log.problems.filter((p) => p.code !== 'UNREADABLE_TIME').length,
      firstAt: log.firstAt,
      lastAt: log.lastAt,
      ...(log.period ? { period: log.period } : {}),
      ...(log.layout ? { layout: log.layout } : {}),
    });
  }

  const { business, links, telephonyRows } = splitTelephony(events);
  if (telephonyRows > 0 && business.length === 0) throw cdrAloneError(callLogs.map((l) => l.file));
  const notices = engine.noticeColumn === null ? [] : unrecognisedNotices(business);
  for (const warning of engineInputWarnings(business, notices, holds?.list ?? [], engine)) warn(warning);
  const index = indexEventsByCallId(business);
  const eventsOf = (callId: string | null) => linkedEvents(index, links, callId);
  const coverage = resolveCoverage(engine, callLogInputs, plan.timezone);
  // Before anything is judged: a join that failed would send every recording to deletion.
  const join = measureJoin(scan.recordings, index, links, coverage, engine.minJoinRate);
  if (joinFailed(join.rate)) throw joinFailedError(join.rate, join.samples, archives, sources);
  const decisionHashes = decisions
    ? await hashDecidedFiles(scan.recordings, decisions.book, plan.concurrency)
    : new Map<string, string>();
  const policy: JudgePolicy = {
    pack,
    classify,
    engine: {
      now: plan.now,
      zone: plan.timezone,
      holds: holds?.list ?? [],
      maxEventLagHours: engine.maxEventLagHours,
      coverage,
      labels: engine.labels ?? 'any',
      ...(engine.noticeMissing !== null ? { noticeMissing: engine.noticeMissing } : {}),
      ...(decisions ? { decisions: decisions.book, decisionHashes } : {}),
    },
  };
  hooks.onPhaseDone?.('index events', false);
  const findings = sortFindings(
    // Judged from the scan's own array, which judgeAll empties as it goes (a mapped copy would
    // keep every probed recording alive until the end).
    judgeAll(scan.recordings, (recording) => {
      const joined = eventsOf(recording.callId);
      hooks.onJudged?.(recording, joined, policy);
      return judge(recording, joined, policy);
    }),
  );
  hooks.onPhaseDone?.('judge + sort', true);
  const engineReport = buildEngineReport({
    findings,
    pack,
    now: plan.now,
    noticeColumn: engine.noticeColumn,
    noticeMissing: engine.noticeMissing ?? pack.noticeMissing ?? 'review',
    unrecognisedNotices: notices,
    unverifiedNoticeRecordings: engine.noticeColumn === null ? 0 : countUnverifiedNotice(findings, eventsOf),
    join: join.rate,
    maxEventLagHours: engine.maxEventLagHours,
    coverage,
    dueWithinDays: engine.dueWithinDays,
    holds: holds && {
      ...holds,
      // From the findings: judgeAll has released the probed recordings by now.
      subjects: findings.map((f) => holdSubject(f, eventsOf(f.callId))),
    },
  });
  startReviewClocks(findings, plan.now);
  engineReport.reviews = reviewDeadlines(
    findings,
    plan.now,
    engine.reviewWithinDays ?? ENGINE_DEFAULTS.reviewWithinDays,
  );
  if (decisions) engineReport.decisions = decisionsReport(decisions, decisionHashes, findings);
  hooks.onPhaseDone?.('engine report', false);
  if (plan.hash) {
    await hashViolations(findings, hooks.signal);
    hooks.onPhaseDone?.('hash violations', false);
  }

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: TOOL,
    generatedAt: plan.now,
    policy: { id: pack.id, version: pack.version, sha256: packSha256(pack) },
    settings: {
      ...plan.topLevel,
      timezone: plan.timezone,
      now: plan.now,
      policy: plan.policy,
      holds: engine.holds,
      customerColumn: engine.customerColumn,
      noticeColumn: engine.noticeColumn,
      purposeColumn: engine.purposeColumn,
      maxEventLagHours: engine.maxEventLagHours,
      labels: engine.labels ?? 'any',
      ...(decisions ? { decisions: decisions.file } : {}),
      reviewWithinDays: engine.reviewWithinDays ?? ENGINE_DEFAULTS.reviewWithinDays,
      logPeriod: engine.logPeriod,
      dueWithinDays: engine.dueWithinDays,
      minJoinRate: engine.minJoinRate,
      noticeMissing: engine.noticeMissing,
      retention: engine.retention,
      archives,
      // The settings as given; the column mapping derived from them is not a setting.
      callLogs: sources.map(({ columns, ...given }) => (void columns, given)),
    },
    inputs: {
      roots: scan.roots.map(({ path, ...counts }) => ({ path, ...rootIdentity(path), ...counts })),
      callLogs: callLogInputs,
      outcomeMap:
        plan.outcomeMap && outcomeMap
          ? { file: plan.outcomeMap, sha256: outcomeMap.sha256, entries: outcomeMap.categories.size }
          : null,
    },
    problems,
    labels: labelsOfFindings(findings),
    summary: summarise(findings),
    engine: engineReport,
    recordings: findings,
  };
}
