import { readFileSync } from 'node:fs';
import { compileIdPattern } from './archive/call-id.js';
import { openProbeCache, scanWithCache, sumRows, type ScanStats } from './archive/scan-with-cache.js';
import { eventsForCall, indexEventsByCallId } from './audit/join.js';
import { judge } from './audit/judge.js';
import {
  REPORT_SCHEMA_VERSION,
  type AuditResult,
  type CallLogInput,
  type InputProblem,
} from './audit/result.js';
import { sortFindings, summarise } from './audit/summarise.js';
import type { CallEvent } from './audit/types.js';
import { readCallLog } from './calllog/read-call-log.js';
import type { AuditPlan } from './config/settings.js';
import { CallauditError } from './errors.js';
import { expandCallLogs, sha256File } from './inputs.js';
import { judgeAll } from './audit/judge-all.js';
import { createClassifier } from './policy/classify.js';
import { loadBuiltinPack, packSha256 } from './policy/load-pack.js';
import { parseOutcomeMap } from './policy/outcome-map.js';
import { TOOL } from './version.js';

export interface AuditHooks {
  /** Called for warnings a DPO should see (encoding guessed, rows skipped); never for errors. */
  warn?: (message: string) => void;
  /** Ctrl-C: stop probing, keep the cache, write no report (runAudit throws INTERRUPTED). */
  signal?: AbortSignal;
  onScanProgress?: (done: number, total: number) => void;
  /** Call-log rows read so far, over all call logs. */
  onRows?: (rows: number) => void;
  /** Told at the end how the recordings were read. */
  onScanStats?: (stats: ScanStats) => void;
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
  if (plan.policy !== 'si-ip-akos') {
    throw new CallauditError(
      'UNKNOWN_POLICY',
      `unknown policy pack "${plan.policy}"`,
      'the built-in pack is si-ip-akos',
    );
  }
  const pack = loadBuiltinPack(plan.policy);
  const outcomeMap = plan.outcomeMap ? loadOutcomeMap(plan.outcomeMap) : undefined;
  const classify = createClassifier(pack, outcomeMap);
  const idPattern = plan.idPattern === null ? null : compileIdPattern(plan.idPattern);
  const callLogFiles = await expandCallLogs(plan.crm);

  const cache = await openProbeCache(plan, warn);
  const rowsPerLog = new Map<string, number>();
  const [scan, callLogs] = await Promise.all([
    scanWithCache(plan, cache, hooks, { idPattern, concurrency: plan.concurrency }),
    Promise.all(
      callLogFiles.map((file) =>
        readCallLog(file, file, {
          onRows: hooks.onRows && ((rows) => hooks.onRows?.(sumRows(rowsPerLog.set(file, rows)))),
          idColumn: plan.idColumn,
          outcomeColumn: plan.outcomeColumn,
          timeColumn: plan.timeColumn ?? undefined,
          encoding: plan.encoding,
          delimiter: plan.delimiter,
          timezone: plan.timezone,
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

  const index = indexEventsByCallId(events);
  const policy = { pack, classify };
  const findings = sortFindings(
    judgeAll(scan.recordings, (r) => judge(r, eventsForCall(index, r.callId), policy)),
  );

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
    recordings: findings,
  };
}
