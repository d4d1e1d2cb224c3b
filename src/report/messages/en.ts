import type { DecisionRef, HoldRef } from '../../audit/messages.js';
import type { Catalogue, MessageFormat } from './catalogue.js';

const UI = {
  title: 'Call-recording audit',
  subtitle: 'Which recordings may be kept, which must be deleted, and which need a human decision',
  generatedAt: 'Generated',
  tool: 'Tool',
  policy: 'Policy pack',
  period: 'Period covered',
  inputs: 'What was audited',
  archiveRoots: 'Archive roots',
  callLogs: 'Call logs',
  outcomeMap: 'Outcome map',
  path: 'Path',
  file: 'File',
  recordings: 'Recordings',
  ignoredFiles: 'Ignored files',
  rows: 'Rows',
  events: 'Events',
  skippedRows: 'Skipped rows',
  encoding: 'Encoding',
  entries: 'Entries',
  totalsByVerdict: 'Recordings by verdict',
  totalsByReason: 'Recordings by reason',
  perDay: 'Recordings per day, by verdict',
  verdict: 'Verdict',
  reason: 'Reason',
  category: 'Category',
  count: 'Count',
  total: 'Total',
  callId: 'Call ID',
  date: 'Date',
  deleteBy: 'Delete by',
  size: 'Size',
  duration: 'Duration (s)',
  dueSoon: 'Retention deadlines due soon',
  staleHolds: 'Holds that match no recording',
  endedHolds: 'Holds that have ended',
  overdueReviews: 'Reviews open past their deadline',
  openDays: 'Days open',
  unconfirmedCitations: 'Citations not yet confirmed',
  joinRecordings: 'Recordings with a call ID that found a call-log row',
  joinCallLogIds: 'Call-log IDs that found a recording',
  unrecognisedNotices: 'Prior-notice values not recognised (notice not verified for these recordings)',
  unverifiedNotice: 'Recordings whose prior notice is not verified',
  priorNoticeValue: 'Notice value',
  inputProblems: 'Input problems',
  problemCode: 'Problem',
  unreadableFiles: 'Unreadable recordings',
  findings: 'Findings',
  filterAll: 'all',
  search: 'Search call ID or path',
  shown: 'shown',
  of: 'of',
  previous: 'Previous',
  next: 'Next',
  page: 'Page',
  evidence: 'Evidence',
  howRead: 'How the outcome was classified',
  rulesApplied: 'Rule applied',
  legalText: 'Legal basis',
  confirmed: 'confirmed',
  secondary: 'secondary source only',
  unconfirmed: 'not yet confirmed',
  labels: 'Outcome labels',
  label: 'Label',
  labelConfirmed: 'Confirmed in the outcome map',
  yes: 'yes',
  no: 'no',
  noEvidence: 'No call-log event carries this call ID.',
  fileProblems: 'File problems',
  baseline: 'Compared with baseline',
  baselineNew: 'new',
  baselinePersisting: 'persisting',
  baselineResolved: 'resolved since the baseline',
  status: 'Status',
  redacted: 'Phone numbers and e-mail addresses in this report are masked.',
  notRedacted:
    'NOT REDACTED: this report was made with --no-redact and shows phone numbers and e-mail addresses in full.',
  personalData:
    'This report contains personal data (recording paths, call IDs). Store and share it like the recordings themselves.',
  notLegalAdvice: 'This report is not legal advice; the DPO signs off the policy.',
  legalTextMissing: 'The text of this citation is not in the report.',
  none: 'none',
  noScript: 'The findings table needs JavaScript; the totals above are complete without it.',
  holdId: 'Hold',
  holdType: 'Type',
  holdScope: 'Scope',
  holdValue: 'Value',
  holdReference: 'Reference',
  holdReason: 'Reason',
  holdUntil: 'Until',
  // The HTML front page: the result first, the print view, the time axis.
  result: 'Result of the audit',
  recordingOne: 'recording',
  recordingTwo: 'recordings',
  recordingFew: 'recordings',
  recordingOther: 'recordings',
  countToDelete: 'to delete',
  countToReview: 'to review by hand',
  countToKeep: 'to keep',
  countOnHold: 'with deletion on hold',
  deletionDeadline: 'Deletion deadline',
  deleteNow: 'now',
  deleteNowNote: 'the deadline for recordings to delete is the date of this audit',
  nextRetentionDeadline: 'next retention deadline of a kept recording',
  reviewDeadline: 'Review deadline',
  reviewDeadlineNote: 'each review within',
  days: 'days',
  overdue: 'overdue',
  manifestToActOn: 'Manifest to act on',
  manifestRows: 'rows',
  manifestNotWritten: 'not written with this report: add manifest to --format',
  purgeDryRun: 'is a dry run until --execute',
  caveats: 'Caveats',
  details: 'Details',
  runId: 'Run ID',
  preparedBy: 'Prepared by',
  approvedBy: 'Approved by',
  signature: 'Signature',
  perWeek: 'Recordings per week (from Monday), by verdict',
  perMonth: 'Recordings per month, by verdict',
  notPlotted: 'Not plotted, far outside the bulk of the recordings',
  earlier: 'earlier',
  later: 'later',
  line: 'Line',
  otherLanguage: 'Slovenska različica tega poročila:',
  sortBy: 'Sort by',
  showEvidence: 'Show or hide the evidence',
} as const;

export type UiKey = keyof typeof UI;

const quote = (text: string) => `"${text}"`;

const holdList = (holds: readonly HoldRef[]) =>
  holds.map((h) => `${h.type} ${h.reference} (${h.reason}; ${h.id})`).join('; ');

/** "keep (order) by Ana Novak on 2026-11-02: "listened 00:45–01:30" (evidence: …); decisions.csv:3" */
function decisionText(d: DecisionRef, f: MessageFormat): string {
  const what = d.category ? `${d.decision} (${d.category})` : d.decision;
  return `${what} by ${d.reviewer} on ${d.decidedAt}: ${f.quote(d.reason)}${d.evidence ? ` (evidence: ${d.evidence})` : ''}; ${d.id}`;
}

const NO_ROW = 'No call-log event carries this call ID, but';

export const EN: Catalogue<UiKey> = {
  ui: UI,
  verdicts: {
    compliant: 'compliant (keep)',
    violation: 'violation (delete)',
    review: 'review',
    hold: 'hold',
  },
  reasons: {
    QUALIFYING_EVENT: 'a business transaction is logged',
    NON_QUALIFYING_ONLY: 'only non-qualifying outcomes',
    NO_CALL_LOG_ENTRY: 'no call-log entry',
    UNKNOWN_OUTCOME: 'outcome label not recognised',
    AMBIGUOUS_CATEGORY: 'outcome needs a human decision',
    NO_CALL_ID: 'no call ID in the path',
    UNREADABLE_FILE: 'unreadable audio file',
    CONFLICTING_CALL_ID: 'conflicting call IDs',
    RETENTION_EXPIRED: 'retention period expired',
    LEGAL_HOLD: 'legal hold',
    HOLD_EXPIRED: 'hold expired',
    NO_PRIOR_NOTICE: 'no prior notice to the caller',
    EVENT_TIME_MISMATCH: 'event time does not match',
    OUTSIDE_LOG_COVERAGE: 'outside the call log period',
    COVERAGE_UNKNOWN: 'call-log coverage of its time unknown',
    UNLAWFUL_STATED_PURPOSE: 'unlawful stated purpose',
    UNREADABLE_SIDECAR: 'unreadable sidecar file',
    UNCONFIRMED_LABEL: 'outcome label not confirmed in the outcome map',
    REVIEWED_KEEP: "kept by a reviewer's decision",
    REVIEWED_DELETE: "deleted by a reviewer's decision",
  },
  categories: {
    order: 'order',
    order_change: 'order change',
    cancellation: 'cancellation',
    complaint: 'complaint',
    objection: 'objection',
    relationship_change: 'other change to the relationship',
    support: 'support',
    information: 'information',
    no_sale: 'no sale',
    staff_monitoring: 'staff monitoring',
    abuse_prevention: 'abusive call',
    other_non_qualifying: 'other call without a transaction',
    technical_interruption: 'technical interruption',
    data_protection_request: 'data-protection request',
    legal_dispute: 'legal dispute',
    unknown: 'not recognised',
  },
  findings: {
    LEGAL_HOLD: ({ holds }) => `Kept under an active legal hold: ${holdList(holds)}.`,
    UNREADABLE_FILE: ({ problems }) =>
      `The file could not be read as audio (${problems.map((p) => p.message).join('; ')}); a human must check it before anything is deleted.`,
    CONFLICTING_CALL_ID: ({ detail }) =>
      `The sources of the call ID disagree (${detail}); a human must decide which call this recording belongs to.`,
    UNREADABLE_SIDECAR: ({ detail }) =>
      `${detail} Its call ID cannot be confirmed; fix or restore the sidecar, or review the recording.`,
    REVIEWED_DELETE: ({ decision }, f) =>
      `A reviewer decided to delete the recording: ${decisionText(decision, f)}.`,
    REVIEWED_KEEP_EXPIRED: ({ decision, category, deleteBy }, f) =>
      `A reviewer decided to keep the recording (${decisionText(decision, f)}), but the retention period of ${category} ended on ${f.time(deleteBy)}; the recording must be deleted.`,
    REVIEWED_KEEP: ({ decision, deleteBy }, f) =>
      `A reviewer decided to keep the recording: ${decisionText(decision, f)}; ${deleteBy === null ? 'no retention deadline could be computed (no period for the category or no time known)' : `kept until ${f.time(deleteBy)}`}.`,
    NO_CALL_ID: () =>
      'No call ID could be extracted from this recording, so it cannot be matched to a call log.',
    NO_PRIOR_NOTICE: ({ labels, deletes }, f) =>
      `The call log says the caller was not told of the recording beforehand (${f.quoted(labels)}); ${
        deletes
          ? 'without prior notice the recording is unlawful even if a transaction followed'
          : 'a human checks whether notice was given another way (e.g. read out by the agent) before the recording is deleted; noticeMissing "violation" makes this a deletion once the column is known to be reliable'
      }.`,
    UNLAWFUL_STATED_PURPOSE: ({ purposes }, f) =>
      `The stated recording purpose ${f.quoted(purposes)} is not a lawful purpose for recording calls; a human decides whether the qualifying event justifies keeping it.`,
    RETENTION_EXPIRED: ({ labels, deleteBy }, f) =>
      `The call log records a business transaction (${f.quoted(labels)}), but its retention period ended on ${f.time(deleteBy)}; the recording must be deleted.`,
    QUALIFYING_EVENT: ({ labels, deleteBy }, f) =>
      `The call log records a business transaction (${f.quoted(labels)}); the recording may be kept as evidence${deleteBy === null ? ' (no time known, so no deadline could be computed)' : ` until ${f.time(deleteBy)}`}.`,
    EVENT_TIME_MISMATCH: (
      { labels, qualifying = true, byMtime, startedAt, timeSource, maxEventLagHours },
      f,
    ) =>
      `The ${qualifying ? 'qualifying' : 'non-qualifying'} event ${f.quoted(labels)} lies ${
        byMtime
          ? `more than ${maxEventLagHours} hours after the file's modification time (${f.time(startedAt)}); the call started at or before that time, as copies and conversions only move it later`
          : `outside the window from 1 hour before to ${maxEventLagHours} hours after the recording (${f.time(startedAt)}, from ${timeSource})`
      }; a human checks that it belongs to this call.`,
    UNKNOWN_OUTCOME: ({ labels }, f) =>
      `The outcome label ${f.quoted(labels)} is not in the policy vocabulary; map it with --outcome-map or review the call.`,
    AMBIGUOUS_CATEGORY: ({ labels, topicOnly, holdSuggestions }, f) =>
      `The outcome ${f.quoted(labels)} may or may not change the business relationship${
        topicOnly
          ? ' (a qualifying word is only the topic of the call: an open complaint or order may be behind it)'
          : ''
      }; a human decides.${holdSuggestions
        .map(
          (s) =>
            ` Consider a ${s.type} hold${s.citations.length > 0 ? ` (${s.citations.join(', ')})` : ''} before anything is deleted.`,
        )
        .join('')}`,
    UNCONFIRMED_LABEL: ({ labels }, f) =>
      `The outcome ${f.quoted(labels)} reads as non-qualifying, but no confirmed outcome-map row confirms the label (--labels confirmed); confirm it in the outcome map (callaudit labels --write-map) or review the call.`,
    NON_QUALIFYING_ONLY: ({ labels }, f) =>
      `Every call-log event is non-qualifying (${f.quoted(labels)}); the call led to no transaction, so the recording must be deleted.`,
    OUTSIDE_LOG_COVERAGE: ({ startedAt, timeSource, spans }, f) =>
      `No call-log event carries this call ID, but the recording (${f.time(startedAt)}, from ${timeSource}) lies outside the period the call logs cover (${spans.join(', ')}); give the call log of that period.`,
    COVERAGE_NO_DATA: () =>
      `${NO_ROW} nothing says which period the call logs cover (no --time-column, no --log-period), so its absence proves nothing: a log of another month would look the same. Give --time-column or --log-period to decide it.`,
    COVERAGE_UNKNOWN_TIME: ({ spans }) =>
      `${NO_ROW} the recording's time is unknown, so it cannot be shown to lie inside the period the call logs cover (${spans.join(', ')}); a human checks when the call took place.`,
    COVERAGE_MTIME_ONLY: ({ startedAt, spans }, f) =>
      `${NO_ROW} the recording is dated only by its file modification time (${f.time(startedAt)}); the call started at or before it, possibly before the period the call logs cover (${spans.join(', ')}), so its absence proves nothing. A preset, tag or sidecar that gives the call time decides it.`,
    NO_CALL_LOG_ENTRY: () =>
      'No call-log event carries this call ID, so nothing shows that the call led to a transaction.',
    HOLD_EXPIRED: ({ wouldBe, holds }, f) =>
      `Would be a violation (${wouldBe.reason}: ${f.message(wouldBe.message)}) but was under a legal hold that has ended: ${holdList(holds)}; a human confirms before deletion.`,
    TEXT: ({ text }) => text,
  },
  rules: {
    'legal-hold': 'An active legal hold keeps the recording whatever else is true.',
    'readable-file': 'The recording must be a readable audio file.',
    'trusted-call-id':
      'The call ID must not be contradicted by another source, and its sidecar must be readable.',
    'review-decision': 'A human decision from the decisions file keeps or deletes the recording.',
    'call-id': 'The recording must carry a call ID that joins it to the call logs.',
    'prior-notice': 'The caller must have been told of the recording beforehand.',
    'stated-purpose': 'A recording kept for quality, monitoring or abuse prevention has no lawful purpose.',
    'qualifying-event': 'A qualifying call-log event keeps the recording until its retention period ends.',
    'event-time': 'Qualifying events only outside the time window may belong to another call.',
    'unknown-outcome': 'Outcome labels the policy cannot read go to a human.',
    'ambiguous-category': 'Categories the policy marks for a human.',
    'confirmed-label': 'With --labels confirmed, only a confirmed label leads to deletion.',
    'non-qualifying-only':
      'Calls whose events are all non-qualifying may not be kept; when none lies inside the time window, a human checks.',
    'log-coverage': 'A missing call-log row counts only inside the known period of the call logs.',
    'no-call-log-entry': 'A recording without any call-log event has no documented transaction.',
    'expired-hold': 'A recording once under a legal hold never goes straight to deletion.',
  },
  matchedBy: {
    'outcome-map': 'outcome-map entry',
    vocabulary: 'vocabulary phrase',
    negation: 'negated qualifying phrase',
    tie: 'tie between phrases',
    topic: 'qualifying word only as the topic',
    none: 'nothing matched',
  },
  sources: {
    filename: 'file name',
    path: 'path',
    tag: 'audio tag',
    sidecar: 'sidecar file',
    mtime: 'file modification time',
    none: 'not found',
  },
  holdTypes: {
    dsar: 'data-subject request',
    litigation: 'litigation',
    regulatory: 'regulatory duty',
    authority_order: 'authority order',
  },
  problems: {
    EMPTY_FILE: 'empty file',
    TRUNCATED: 'truncated file',
    UNDECODABLE: 'not decodable as audio',
    UNREADABLE: 'unreadable file',
    NO_CALL_ID: 'no call ID',
    CONFLICTING_CALL_ID: 'conflicting call IDs',
    UNREADABLE_SIDECAR: 'unreadable sidecar file',
  },
  quotes: ['"', '"'],
  timeFormat: '{d} {MMM} {yyyy} {HH}:{mm}',
  dateFormat: '{d} {MMM} {yyyy}',
  timesIn: (zone) => `Times are in the ${zone} time zone.`,
  explain: {
    recording: 'Recording',
    callId: 'call ID',
    time: 'time',
    problems: 'problems',
    window: 'window',
    coverage: 'coverage',
    basis: 'basis',
    none: '(none)',
    unknown: 'unknown',
    sinceAudit: (at, file) => `Since the audit of ${at} (${file}):`,
    noInputChanged:
      'no input changed: call logs, outcome map, holds and policy have the SHA-256 the audit recorded',
    changed: 'CHANGED',
    changes: {
      callLog: 'the call log',
      outcomeMap: 'the outcome map',
      holdsFile: 'the holds file',
      notReadThen: (what, file) => `${what} ${file} was not read by the audit`,
      notReadNow: (what, file) => `${what} ${file} was read by the audit and is not read now`,
      fileChanged: (what, file, then, now) =>
        `${what} ${file} changed since the audit (SHA-256 ${then} then, ${now} now)`,
      policyChanged: (now, then, shaThen, shaNow) =>
        `the policy pack ${now} differs from the audit's ${then} (SHA-256 ${shaThen} then, ${shaNow} now)`,
      recordingNew: (name) => `the recording ${name} was not in the audit`,
      recordingChanged: (name, then, now) =>
        `the recording ${name} changed since the audit (SHA-256 ${then} then, ${now} now)`,
      recordingResized: (name, then, now) =>
        `the recording ${name} changed since the audit (${then.size} bytes, modified ${then.mtime} then; ${now.size} bytes, modified ${now.mtime} now)`,
      verdictMoved: (name, then, now) => `the audit judged ${name} ${then}; judged again now it is ${now}`,
    },
    idRules: {
      stem: 'the file name without its extension',
      preset: (name, pattern) => `the ${name} preset's pattern ${pattern}`,
      pattern: (origin, pattern) => `${origin} ${pattern}`,
      mapped: (map) => `, then mapped to the call ID by the recording map ${map}`,
      inName: (rule) => `found in the file name by ${rule}`,
      inPath: (rule) => `found in the folder path by ${rule}`,
      inTag: (tag, idFrom) => `found in the recording's tag ${tag} (--id-from ${idFrom})`,
      sidecarField: (field) => `found in the sidecar file's field ${field}`,
      sidecarAny: 'found in a sidecar file, under one of the usual call-ID field names',
      none: (idFrom, rule) => `none found: looked in ${idFrom}${rule === null ? '' : ` by ${rule}`}`,
    },
    timeFrom: (source) => `(from the ${source})`,
    noWindow: 'no call time: every event counts',
    windowMtime: (to, hours) =>
      `events up to ${to} count (${hours} h after the file's modification time; the call started at or before it, as a copy, restore or conversion only moves it later, so no event is too early)`,
    windowBoth: (from, to, hours) => `events from ${from} to ${to} count (1 h before, ${hours} h after)`,
    // English names the places and bases by their codes, as report.json does.
    coveragePlaces: {
      inside: 'inside',
      outside: 'outside',
      'no-coverage-data': 'no-coverage-data',
      'unknown-time': 'unknown-time',
      'mtime-only': 'mtime-only',
    },
    coverageBases: { none: 'none', declared: 'declared', 'event-times': 'event-times' },
    coverageNotes: {
      'no-coverage-data': ": the logs' period is unknown (give --time-column or --log-period)",
      'unknown-time': ": the recording's time is unknown",
      'mtime-only':
        ": dated only by its modification time, the call may have started before the logs' period, so its absence from them proves nothing",
    },
    candidates: (count) => `Candidate events (${count}):`,
    noCandidates: 'none: no call-log row carries this call ID',
    qualifies: { yes: 'yes', no: 'no', review: 'review' },
    qualifiesLabel: 'qualifies',
    eventAt: (at, window) => `at ${at}, ${window}`,
    windowPlaces: {
      inside: 'inside the window',
      before: 'before the window',
      after: 'after the window',
      'unknown-time': 'counts (time unknown)',
    },
    confirmedInMap: 'confirmed in the outcome map',
    priorNotice: 'prior notice',
    notices: { given: 'given', 'not-given': 'not given', unknown: 'unknown' },
    statedPurpose: 'stated purpose',
    activeHolds: 'Active holds',
    endedHolds: 'Ended holds',
    until: 'until',
    furtherNotice: 'further notice',
    rulesHeading: 'Rules, in order of precedence:',
    statuses: {
      'does not apply': 'does not apply',
      decides: 'decides',
      'not reached': 'not reached',
      softens: 'softens',
    },
    verdict: 'Verdict',
    deleteBy: 'delete by',
    legalBasis: (policy, sha) => `Legal basis (policy ${policy}, sha256 ${sha}…):`,
    citationStatus: { confirmed: '', secondary: 'SECONDARY', unconfirmed: 'UNCONFIRMED' },
  },
  notes: {
    noticeNotVerified:
      'Prior notice not verified: the call logs were read without a notice column (--notice-column), so no recording was checked for the announcement required before recording.',
    noticeChecked: (column) => `Prior notice checked against the call-log column ${quote(column)}.`,
    noticeUnverified: (column, recordings, values) =>
      `Prior notice checked against the call-log column ${quote(column)}, but not verified for ${recordings} recording(s) whose rows hold values the tool does not recognise: ${values}.`,
    join: (joined, withId, idsJoined, ids) =>
      `Join: ${joined} of ${withId} recording(s) with a call ID found a call-log row; ${idsJoined} of ${ids} call-log ID(s) found a recording.`,
    dueSoon: (count, days) => `${count} compliant recording(s) due for deletion within ${days} days.`,
    coverageUnknown: (count, noCoverageData) =>
      `${count} recording(s) without a call-log row could not be decided (COVERAGE_UNKNOWN): ${
        noCoverageData
          ? "give --time-column <column> (the call log's event time) or --log-period from..to (the period the export covers)"
          : 'their time is unknown or only the file modification time: use a preset or --id-from source that gives the call time'
      }.`,
    staleHolds: (count) => `${count} legal hold(s) match no recording; see report.json.`,
    mtimeTimes: (count) => `${count} recording time(s) taken from the file modification time.`,
    unconfirmedCitations: (ids) => `Unconfirmed citations in this report: ${ids} (see report.json).`,
    compliantSummaryHeading: 'Compliant recordings, summarised',
    compliantSummary: (n, limit) =>
      `${n} compliant recordings are not listed one by one in the findings table below: the audit has more than ${limit} findings, and the table lists every violation, review and hold. findings.csv and report.json list every recording.`,
    retentionUnconfirmed: 'Retention periods are unconfirmed: the DPO must confirm them (callaudit policy).',
  },
};
