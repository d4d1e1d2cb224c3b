import { holdMatches, type Hold, type HoldSubject } from '../policy/holds.js';
import type { PolicyPack } from '../policy/types.js';
import { coverageOf, type Coverage } from './coverage.js';
import { compareStrings } from './summarise.js';
import type { DecisionsReport } from './decisions-report.js';
import type { ReviewDeadlines } from './review-deadlines.js';
import type { Finding } from './types.js';

export const NOTICE_NOT_VERIFIED =
  'prior notice not verified: the call logs were read without a notice column (--notice-column), so no recording was checked for the announcement required before recording';

/** What report.json says about the policy engine beyond the per-recording findings. */
export interface EngineReport {
  priorNotice: { verified: boolean; column: string | null; statement: string };
  timeWindow: { maxEventLagHours: number; leadHours: number };
  coverage: Coverage & {
    /** Recordings without a call-log event that counted as covered because their time, or the logs' span, is unknown. */
    treatedAsCovered: number;
    recordingsOfUnknownTime: number;
  };
  recordingTime: Record<string, number>;
  retention: {
    status: PolicyPack['retention']['status'];
    periods: PolicyPack['retention']['periods'];
    graceDays: number;
    dueWithinDays: number;
    /** Compliant recordings whose deadline falls within `dueWithinDays` of the audit, earliest first. */
    dueSoon: Array<{ root: string; path: string; callId: string | null; deleteBy: string }>;
  };
  holds: { file: string; sha256: string; count: number; stale: Hold[] } | null;
  /** Only with --decisions: the decisions file, and its decisions that matched nothing or are void. */
  decisions?: DecisionsReport;
  /** Reviews open longer than --review-within days (their clock kept through --baseline), oldest first. */
  reviews?: ReviewDeadlines;
  /** Cited citations whose article or period is not confirmed; reports must show them as such. */
  unconfirmedCitations: Array<{ id: string; textEn: string; source: string }>;
}

export interface EngineReportInput {
  findings: readonly Finding[];
  pack: PolicyPack;
  now: string;
  noticeColumn: string | null;
  maxEventLagHours: number;
  coverage: Coverage;
  dueWithinDays: number;
  holds: { file: string; sha256: string; list: readonly Hold[]; subjects: readonly HoldSubject[] } | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function buildEngineReport(input: EngineReportInput): EngineReport {
  const { findings, pack } = input;
  const horizon = Date.parse(input.now) + input.dueWithinDays * DAY_MS;
  const dueSoon: EngineReport['retention']['dueSoon'] = [];
  let treatedAsCovered = 0;
  let recordingsOfUnknownTime = 0;
  const recordingTime = new Map<string, number>();
  const cited = new Set<string>();
  // Findings share their citation lists (see shared-parts.ts): each distinct list is read once.
  const citationLists = new Set<readonly string[]>();
  for (const f of findings) {
    if (f.verdict === 'compliant' && f.deleteBy && Date.parse(f.deleteBy) <= horizon)
      dueSoon.push({ root: f.root, path: f.path, callId: f.callId, deleteBy: f.deleteBy });
    const source = f.timeSource ?? 'unknown';
    recordingTime.set(source, (recordingTime.get(source) ?? 0) + 1);
    if (f.startedAt === null) recordingsOfUnknownTime++;
    if (f.events.length === 0 && f.callId !== null) {
      const where = coverageOf(f.startedAt, input.coverage);
      if (where === 'unknown-time' || where === 'no-coverage-data') treatedAsCovered++;
    }
    if (!citationLists.has(f.legalBasis)) {
      citationLists.add(f.legalBasis);
      for (const id of f.legalBasis) cited.add(id);
    }
  }
  dueSoon.sort((a, b) => compareStrings(a.deleteBy, b.deleteBy) || compareStrings(a.path, b.path));

  const unconfirmedCitations = [...cited]
    .sort(compareStrings)
    .map((id) => pack.citations[id])
    .filter((c) => c !== undefined && c.status === 'unconfirmed')
    .map((c) => ({ id: c!.id, textEn: c!.textEn, source: c!.source }));

  return {
    priorNotice: {
      verified: input.noticeColumn !== null,
      column: input.noticeColumn,
      statement:
        input.noticeColumn === null
          ? NOTICE_NOT_VERIFIED
          : `prior notice checked against the call-log column "${input.noticeColumn}"`,
    },
    timeWindow: { maxEventLagHours: input.maxEventLagHours, leadHours: 1 },
    coverage: { ...input.coverage, treatedAsCovered, recordingsOfUnknownTime },
    recordingTime: Object.fromEntries([...recordingTime].sort(([a], [b]) => compareStrings(a, b))),
    retention: {
      status: pack.retention.status,
      periods: pack.retention.periods,
      graceDays: pack.retention.graceDays,
      dueWithinDays: input.dueWithinDays,
      dueSoon,
    },
    holds: input.holds && {
      file: input.holds.file,
      sha256: input.holds.sha256,
      count: input.holds.list.length,
      stale: staleHolds(input.holds.list, input.holds.subjects),
    },
    unconfirmedCitations,
  };
}

/** Holds that match no recording: a mistyped call ID or a glob that no longer fits the archive. */
export function staleHolds(holds: readonly Hold[], subjects: readonly HoldSubject[]): Hold[] {
  // Call and customer IDs are looked up in sets, so only path globs meet every recording.
  const callIds = new Set(
    subjects.flatMap((s) => (s.callId === null ? [] : [s.callId.trim().toLowerCase()])),
  );
  const customerIds = new Set(subjects.flatMap((s) => s.customerIds.map((id) => id.trim())));
  return holds.filter((hold) => {
    if (hold.scope === 'call_id') return !callIds.has(hold.value.toLowerCase());
    if (hold.scope === 'customer_id') return !customerIds.has(hold.value);
    return !subjects.some((subject) => holdMatches(hold, subject));
  });
}
