import { holdMatches, type Hold, type HoldSubject } from '../policy/holds.js';
import type { PolicyPack } from '../policy/types.js';
import { placeInCoverage, type Coverage } from './coverage.js';
import type { JoinRate } from './join-rate.js';
import { normaliseCallId } from './join.js';
import { compareStrings } from './summarise.js';
import type { DecisionsReport } from './decisions-report.js';
import type { ReviewDeadlines } from './review-deadlines.js';
import type { Finding } from './types.js';

export const NOTICE_NOT_VERIFIED =
  'prior notice not verified: the call logs were read without a notice column (--notice-column), so no recording was checked for the announcement required before recording';

/** What report.json says about the policy engine beyond the per-recording findings. */
export interface EngineReport {
  priorNotice: {
    /** Whether a notice column was read at all; per recording, see `unverifiedRecordings`. */
    verified: boolean;
    column: string | null;
    statement: string;
    /** Verdict of a recording whose log says notice was not given. */
    noticeMissing: 'review' | 'violation';
    /** Notice values the tool did not recognise, with their row counts, sorted by value. */
    unrecognised: Array<{ value: string; rows: number }>;
    /** Recordings joined only to unrecognised (or "not given") values: notice not verified for them. */
    unverifiedRecordings: number;
  };
  timeWindow: { maxEventLagHours: number; leadHours: number };
  coverage: Coverage & {
    /** Recordings without a call-log event whose place in the logs' coverage is not known (COVERAGE_UNKNOWN). */
    coverageUnknown: number;
    recordingsOfUnknownTime: number;
  };
  /** Null when the audit did not measure it (library callers judging their own findings). */
  join: JoinRate | null;
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
  /** Defaults: review, none unrecognised, no join measured (callers that only judge). */
  noticeMissing?: 'review' | 'violation';
  unrecognisedNotices?: Array<{ value: string; rows: number }>;
  unverifiedNoticeRecordings?: number;
  join?: JoinRate;
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
  let coverageUnknown = 0;
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
      const where = placeInCoverage(f, input.coverage);
      if (where !== 'inside' && where !== 'outside') coverageUnknown++;
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
      statement: noticeStatement(input),
      noticeMissing: input.noticeMissing ?? 'review',
      unrecognised: input.unrecognisedNotices ?? [],
      unverifiedRecordings: input.unverifiedNoticeRecordings ?? 0,
    },
    timeWindow: { maxEventLagHours: input.maxEventLagHours, leadHours: 1 },
    coverage: { ...input.coverage, coverageUnknown, recordingsOfUnknownTime },
    join: input.join ?? null,
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

/** Never says "verified" of recordings whose notice value the tool could not read. */
function noticeStatement(input: EngineReportInput): string {
  if (input.noticeColumn === null) return NOTICE_NOT_VERIFIED;
  const checked = `prior notice checked against the call-log column "${input.noticeColumn}"`;
  const unrecognised = input.unrecognisedNotices ?? [];
  if (unrecognised.length === 0) return checked;
  const values = unrecognised.map((v) => `"${v.value}" (${v.rows})`).join(', ');
  return `${checked}, but not verified for ${input.unverifiedNoticeRecordings ?? 0} recording(s) whose rows hold values the tool does not recognise: ${values}`;
}

/** Holds that match no recording: a mistyped call ID or a glob that no longer fits the archive. */
export function staleHolds(holds: readonly Hold[], subjects: readonly HoldSubject[]): Hold[] {
  // Call and customer IDs are looked up in sets, so only path globs meet every recording.
  const callIds = new Set(subjects.flatMap((s) => (s.callId === null ? [] : [normaliseCallId(s.callId)])));
  const customerIds = new Set(subjects.flatMap((s) => s.customerIds.map((id) => id.trim())));
  return holds.filter((hold) => {
    if (hold.scope === 'call_id') return !callIds.has(normaliseCallId(hold.value));
    if (hold.scope === 'customer_id') return !customerIds.has(hold.value);
    return !subjects.some((subject) => holdMatches(hold, subject));
  });
}
