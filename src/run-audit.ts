import { readFileSync } from 'node:fs';
import { compileIdPattern } from './archive/call-id.js';
import { scanArchive } from './archive/scan.js';
import { eventsForCall, indexEventsByCallId } from './audit/join.js';
import { buildEngineReport } from './audit/engine-report.js';
import { judge, type JudgePolicy } from './audit/judge.js';
import { withRecordingTime } from './audit/recording-time.js';
import {
  REPORT_SCHEMA_VERSION,
  type AuditResult,
  type CallLogInput,
  type InputProblem,
} from './audit/result.js';
import { sortFindings, summarise } from './audit/summarise.js';
import type { CallEvent, Recording } from './audit/types.js';
import { readCallLog } from './calllog/read-call-log.js';
import type { AuditPlan } from './config/settings.js';
import { CallauditError } from './errors.js';
import { DEFAULT_ENGINE_PLAN, engineInputWarnings, loadHolds, resolveCoverage } from './engine-inputs.js';
import { expandCallLogs, sha256File } from './inputs.js';
import { createClassifier } from './policy/classify.js';
import { withRetentionOverrides } from './policy/extend-pack.js';
import { packSha256 } from './policy/load-pack.js';
import { loadPolicy } from './policy/load-pack-file.js';
import { parseOutcomeMap } from './policy/outcome-map.js';
import { TOOL } from './version.js';

export interface AuditHooks {
  /** Called for warnings a DPO should see (encoding guessed, rows skipped); never for errors. */
  warn?: (message: string) => void;
  /** Called for every recording as judged, with its events and the policy; `explain` traces from it. */
  onJudged?: (recording: Recording, events: readonly CallEvent[], policy: JudgePolicy) => void;
}

function loadOutcomeMap(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CallauditError(
      'OUTCOME_MAP_UNREADABLE',
      `cannot read the outcome map (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'check the --outcome-map path',
      file,
    );
  }
  return parseOutcomeMap(text.replace(/^\uFEFF/, ''), file);
}

/** Runs one audit: reads the archive and the call logs, judges every recording. Writes nothing. */
export async function runAudit(plan: AuditPlan, hooks: AuditHooks = {}): Promise<AuditResult> {
  const warn = hooks.warn ?? (() => {});
  const engine = plan.engine ?? DEFAULT_ENGINE_PLAN;
  const pack = withRetentionOverrides(loadPolicy(plan.policy), engine.retention, plan.configFile ?? 'config');
  const holds = engine.holds === null ? null : loadHolds(engine.holds, plan.timezone);
  const outcomeMap = plan.outcomeMap ? loadOutcomeMap(plan.outcomeMap) : undefined;
  const classify = createClassifier(pack, outcomeMap);
  const idPattern = plan.idPattern === null ? null : compileIdPattern(plan.idPattern);
  const callLogFiles = await expandCallLogs(plan.crm);

  const [scan, callLogs] = await Promise.all([
    scanArchive(plan.roots, { idPattern, concurrency: plan.concurrency }),
    Promise.all(
      callLogFiles.map((file) =>
        readCallLog(file, file, {
          idColumn: plan.idColumn,
          outcomeColumn: plan.outcomeColumn,
          timeColumn: plan.timeColumn ?? undefined,
          encoding: plan.encoding,
          delimiter: plan.delimiter,
          timezone: plan.timezone,
          customerColumn: engine.customerColumn,
          noticeColumn: engine.noticeColumn ?? undefined,
          purposeColumn: engine.purposeColumn ?? undefined,
        }),
      ),
    ),
  ]);

  const problems: InputProblem[] = [];
  const events: CallEvent[] = [];
  const callLogInputs: CallLogInput[] = [];
  for (const log of callLogs) {
    if (log.encodingDetected && log.encoding !== 'utf-8')
      warn(`${log.file}: not UTF-8; read as ${log.encoding}`);
    if (log.problems.length > 0)
      warn(`${log.file}: ${log.problems.length} row problem(s); see "problems" in report.json`);
    for (const p of log.problems)
      problems.push({ file: p.file, line: p.line, code: p.code, message: p.message });
    for (const e of log.events) events.push(e);
    callLogInputs.push({
      file: log.file,
      sha256: log.sha256,
      encoding: log.encoding,
      encodingDetected: log.encodingDetected,
      delimiter: log.delimiter,
      rows: log.rows,
      events: log.events.length,
      skippedRows: log.problems.filter((p) => p.code !== 'UNREADABLE_TIME').length,
      firstAt: log.firstAt,
      lastAt: log.lastAt,
    });
  }

  for (const warning of engineInputWarnings(events, holds?.list ?? [], engine)) warn(warning);
  const index = indexEventsByCallId(events);
  const coverage = resolveCoverage(engine, callLogInputs, plan.timezone);
  const policy: JudgePolicy = {
    pack,
    classify,
    engine: {
      now: plan.now,
      zone: plan.timezone,
      holds: holds?.list ?? [],
      maxEventLagHours: engine.maxEventLagHours,
      coverage,
    },
  };
  const recordings = scan.recordings.map(withRecordingTime);
  const findings = sortFindings(
    recordings.map((r) => {
      const joined = eventsForCall(index, r.callId);
      hooks.onJudged?.(r, joined, policy);
      return judge(r, joined, policy);
    }),
  );
  const engineReport = buildEngineReport({
    findings,
    pack,
    now: plan.now,
    noticeColumn: engine.noticeColumn,
    maxEventLagHours: engine.maxEventLagHours,
    coverage,
    dueWithinDays: engine.dueWithinDays,
    holds: holds && {
      ...holds,
      subjects: recordings.map((r) => ({
        callId: r.callId,
        customerIds: eventsForCall(index, r.callId).flatMap((e) => (e.customerId ? [e.customerId] : [])),
        path: r.path,
        callAt: r.startedAt,
      })),
    },
  });

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: TOOL,
    generatedAt: plan.now,
    policy: { id: pack.id, version: pack.version, sha256: packSha256(pack) },
    settings: {
      idPattern: plan.idPattern,
      idColumn: plan.idColumn,
      outcomeColumn: plan.outcomeColumn,
      timeColumn: plan.timeColumn,
      encoding: plan.encoding,
      delimiter: plan.delimiter,
      timezone: plan.timezone,
      now: plan.now,
      holds: engine.holds,
      customerColumn: engine.customerColumn,
      noticeColumn: engine.noticeColumn,
      purposeColumn: engine.purposeColumn,
      maxEventLagHours: engine.maxEventLagHours,
      logPeriod: engine.logPeriod,
      dueWithinDays: engine.dueWithinDays,
      retention: engine.retention,
    },
    inputs: {
      roots: scan.roots,
      callLogs: callLogInputs,
      outcomeMap:
        plan.outcomeMap && outcomeMap
          ? { file: plan.outcomeMap, sha256: sha256File(plan.outcomeMap), entries: outcomeMap.size }
          : null,
    },
    problems,
    summary: summarise(findings),
    engine: engineReport,
    recordings: findings,
  };
}
