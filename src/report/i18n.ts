import type { ReasonCode, Verdict } from '../audit/types.js';
import type { ReportLang } from './reporter.js';

const EN = {
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
  size: 'Size',
  duration: 'Duration (s)',
  dueSoon: 'Retention deadlines due soon',
  staleHolds: 'Stale holds (match no recording)',
  endedHolds: 'Holds that have ended',
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
  howRead: 'How the label was read',
  rulesApplied: 'Rule applied',
  legalText: 'Legal basis',
  confirmed: 'confirmed',
  unconfirmed: 'not yet confirmed',
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
  explanationNote: '',
} as const;

export type Messages = Record<keyof typeof EN, string>;

const SL: Messages = {
  title: 'Revizija posnetkov klicev',
  subtitle: 'Katere posnetke smemo hraniti, katere moramo izbrisati in o katerih mora odločiti človek',
  generatedAt: 'Ustvarjeno',
  tool: 'Orodje',
  policy: 'Paket pravil',
  period: 'Obdobje',
  inputs: 'Kaj je bilo pregledano',
  archiveRoots: 'Arhivi posnetkov',
  callLogs: 'Dnevniki klicev',
  outcomeMap: 'Preslikava izidov',
  path: 'Pot',
  file: 'Datoteka',
  recordings: 'Posnetki',
  ignoredFiles: 'Prezrte datoteke',
  rows: 'Vrstice',
  events: 'Dogodki',
  skippedRows: 'Preskočene vrstice',
  encoding: 'Kodiranje',
  entries: 'Vnosi',
  totalsByVerdict: 'Posnetki po odločitvi',
  totalsByReason: 'Posnetki po razlogu',
  perDay: 'Posnetki po dnevih in odločitvi',
  verdict: 'Odločitev',
  reason: 'Razlog',
  category: 'Kategorija',
  count: 'Število',
  total: 'Skupaj',
  callId: 'ID klica',
  date: 'Datum',
  size: 'Velikost',
  duration: 'Trajanje (s)',
  dueSoon: 'Bližnji roki hrambe',
  staleHolds: 'Zastarela zadržanja (se ne ujemajo z nobenim posnetkom)',
  endedHolds: 'Zadržanja, ki so potekla',
  unconfirmedCitations: 'Še nepotrjeni pravni viri',
  joinRecordings: 'Posnetki z ID-jem klica, ki so našli vrstico v dnevniku klicev',
  joinCallLogIds: 'ID-ji klicev iz dnevnika, ki so našli posnetek',
  unrecognisedNotices:
    'Neprepoznane vrednosti predhodnega obvestila (obvestilo pri teh posnetkih ni preverjeno)',
  unverifiedNotice: 'Posnetki, pri katerih predhodno obvestilo ni preverjeno',
  priorNoticeValue: 'Vrednost obvestila',
  inputProblems: 'Težave z vhodnimi podatki',
  problemCode: 'Težava',
  unreadableFiles: 'Neberljivi posnetki',
  findings: 'Ugotovitve',
  filterAll: 'vse',
  search: 'Iskanje po ID klica ali poti',
  shown: 'prikazanih',
  of: 'od',
  previous: 'Nazaj',
  next: 'Naprej',
  page: 'Stran',
  evidence: 'Dokazi',
  howRead: 'Kako je bil izid prebran',
  rulesApplied: 'Uporabljeno pravilo',
  legalText: 'Pravna podlaga',
  confirmed: 'potrjeno',
  unconfirmed: 'še ni potrjeno',
  noEvidence: 'Noben dogodek v dnevniku klicev nima tega ID klica.',
  fileProblems: 'Težave z datoteko',
  baseline: 'Primerjava z izhodiščem',
  baselineNew: 'novo',
  baselinePersisting: 'obstoječe',
  baselineResolved: 'razrešeno od izhodišča',
  status: 'Stanje',
  redacted: 'Telefonske številke in e-poštni naslovi so v tem poročilu zakriti.',
  notRedacted:
    'NI ZAKRITO: poročilo je bilo ustvarjeno z --no-redact in prikazuje telefonske številke in e-poštne naslove v celoti.',
  personalData:
    'Poročilo vsebuje osebne podatke (poti do posnetkov, ID-je klicev). Hranite in delite ga tako kot posnetke.',
  notLegalAdvice: 'Poročilo ni pravni nasvet; pravila potrdi pooblaščena oseba za varstvo podatkov.',
  legalTextMissing: 'Besedilo tega vira ni v poročilu.',
  none: 'nič',
  noScript: 'Tabela ugotovitev potrebuje JavaScript; zgornji seštevki so popolni tudi brez njega.',
  explanationNote: 'Pojasnila posameznih odločitev so v angleščini.',
};

const VERDICTS: Record<ReportLang, Record<Verdict, string>> = {
  en: { compliant: 'compliant (keep)', violation: 'violation (delete)', review: 'review', hold: 'hold' },
  sl: {
    compliant: 'skladno (hrani)',
    violation: 'kršitev (izbriši)',
    review: 'v pregled',
    hold: 'zadržano',
  },
};

const REASONS: Record<ReportLang, Partial<Record<ReasonCode, string>>> = {
  en: {
    QUALIFYING_EVENT: 'a business transaction is logged',
    NON_QUALIFYING_ONLY: 'only non-qualifying outcomes',
    NO_CALL_LOG_ENTRY: 'no call-log entry',
    UNKNOWN_OUTCOME: 'outcome label not understood',
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
  },
  sl: {
    QUALIFYING_EVENT: 'zabeležen je poslovni dogodek',
    NON_QUALIFYING_ONLY: 'le izidi brez posla',
    NO_CALL_LOG_ENTRY: 'ni vnosa v dnevniku klicev',
    UNKNOWN_OUTCOME: 'izid ni razumljen',
    AMBIGUOUS_CATEGORY: 'o izidu odloči človek',
    NO_CALL_ID: 'v poti ni ID klica',
    UNREADABLE_FILE: 'neberljiva zvočna datoteka',
    CONFLICTING_CALL_ID: 'nasprotujoči si ID-ji klica',
    RETENTION_EXPIRED: 'rok hrambe je potekel',
    LEGAL_HOLD: 'zadržanje zaradi postopka',
    HOLD_EXPIRED: 'zadržanje je poteklo',
    NO_PRIOR_NOTICE: 'klicatelj ni bil predhodno obveščen',
    EVENT_TIME_MISMATCH: 'čas dogodka se ne ujema',
    OUTSIDE_LOG_COVERAGE: 'zunaj obdobja dnevnika klicev',
    COVERAGE_UNKNOWN: 'ni znano, ali dnevnik klicev pokriva čas posnetka',
    UNLAWFUL_STATED_PURPOSE: 'nedopusten navedeni namen',
    UNREADABLE_SIDECAR: 'neberljiva spremna datoteka',
  },
};

export function messages(lang: ReportLang): Messages {
  return lang === 'sl' ? SL : EN;
}

export function verdictLabel(lang: ReportLang, verdict: string): string {
  return VERDICTS[lang][verdict as Verdict] ?? verdict;
}

/** The reason code with a short description; codes stay in the text because they are stable. */
export function reasonLabel(lang: ReportLang, reason: string): string {
  const description = REASONS[lang][reason as ReasonCode];
  return description ? `${reason} — ${description}` : reason;
}

export function reasonDescriptions(lang: ReportLang): Partial<Record<ReasonCode, string>> {
  return REASONS[lang];
}

export function verdictLabels(lang: ReportLang): Record<Verdict, string> {
  return VERDICTS[lang];
}
