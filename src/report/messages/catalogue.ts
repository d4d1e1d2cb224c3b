import type { IdRulePhrases } from '../../archive/id-rule.js';
import type { Message, MessageArgs, MessageCode } from '../../audit/messages.js';
import type { Category, ReasonCode, Verdict } from '../../audit/types.js';

/** How a catalogue shows the values inside a message: times, quoted CRM labels, nested messages. */
export interface MessageFormat {
  /** An ISO UTC instant as the report shows it (local time in the audit's zone, or ISO as is). */
  time(iso: string | null): string;
  /** A CRM label or other quoted free text, with the language's quotation marks. */
  quote(text: string): string;
  /** A list of labels, each quoted. */
  quoted(texts: readonly string[]): string;
  /** Another message (the verdict an expired hold softened). */
  message(message: Message): string;
}

type FindingTexts = {
  [C in MessageCode]: (args: MessageArgs[C], format: MessageFormat) => string;
};

/** The words of `changesSinceAudit` in one language (src/report/messages). */
export interface ChangePhrases {
  callLog: string;
  outcomeMap: string;
  holdsFile: string;
  notReadThen(what: string, file: string): string;
  notReadNow(what: string, file: string): string;
  fileChanged(what: string, file: string, then: string, now: string): string;
  policyChanged(now: string, then: string, shaThen: string, shaNow: string): string;
  recordingNew(name: string): string;
  recordingChanged(name: string, then: string, now: string): string;
  recordingResized(
    name: string,
    then: { size: number; mtime: string },
    now: { size: number; mtime: string },
  ): string;
  verdictMoved(name: string, then: string, now: string): string;
}

interface ExplainTexts {
  recording: string;
  callId: string;
  time: string;
  problems: string;
  window: string;
  coverage: string;
  basis: string;
  none: string;
  unknown: string;
  idRules: IdRulePhrases;
  changes: ChangePhrases;
  sinceAudit(generatedAt: string, file: string): string;
  noInputChanged: string;
  changed: string;
  timeFrom(source: string): string;
  noWindow: string;
  windowMtime(to: string, hours: number): string;
  windowBoth(from: string, to: string, hours: number): string;
  coveragePlaces: Record<string, string>;
  coverageBases: Record<string, string>;
  coverageNotes: Record<string, string>;
  candidates(count: number): string;
  noCandidates: string;
  qualifies: Record<string, string>;
  qualifiesLabel: string;
  eventAt(at: string, window: string): string;
  windowPlaces: Record<string, string>;
  confirmedInMap: string;
  priorNotice: string;
  notices: Record<string, string>;
  statedPurpose: string;
  activeHolds: string;
  endedHolds: string;
  until: string;
  furtherNotice: string;
  rulesHeading: string;
  statuses: Record<string, string>;
  verdict: string;
  deleteBy: string;
  legalBasis(policy: string, sha: string): string;
  citationStatus: Record<string, string>;
}

/** Everything a report shows in one language. Both languages must fill every key (a test checks). */
export interface Catalogue<Ui extends string = string> {
  ui: Record<Ui, string>;
  verdicts: Record<Verdict, string>;
  reasons: Record<ReasonCode, string>;
  categories: Record<Category, string>;
  /** What a finding's message says. */
  findings: FindingTexts;
  /** Rule ids of src/audit/rules.ts (and safeguards) with what each rule checks, for explain. */
  rules: Record<string, string>;
  /** How a label read (matchedBy), for explain and the HTML evidence. */
  matchedBy: Record<string, string>;
  /** Where a time or call ID came from (filename, path, tag, sidecar, mtime). */
  sources: Record<string, string>;
  holdTypes: Record<string, string>;
  /** Problem codes of recordings and inputs. */
  problems: Record<string, string>;
  /** Quotation marks around CRM labels. */
  quotes: readonly [string, string];
  /** Patterns for a time and a date: {d} day, {M} month, {MMM} month name, {yyyy}, {HH}, {mm}. */
  timeFormat: string;
  dateFormat: string;
  /** The sentence that names the zone once per page. */
  timesIn(zone: string): string;
  /** What `callaudit explain` prints around the values. */
  explain: ExplainTexts;
  /** Banners that depend on values. */
  notes: {
    noticeNotVerified: string;
    noticeChecked(column: string): string;
    noticeUnverified(column: string, recordings: number, values: string): string;
    join(recordingsJoined: number, recordingsWithId: number, idsJoined: number, ids: number): string;
    dueSoon(count: number, days: number): string;
    coverageUnknown(count: number, noCoverageData: boolean): string;
    staleHolds(count: number): string;
    mtimeTimes(count: number): string;
    unconfirmedCitations(ids: string): string;
    retentionUnconfirmed: string;
    compliantSummaryHeading: string;
    compliantSummary(recordings: number, listUpTo: number): string;
  };
}
