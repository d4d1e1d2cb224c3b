import type { EventEvidence, FileProblem, Finding } from '../../audit/types.js';
import { categoryLabel, messages, reasonDescriptions, verdictLabels } from '../i18n.js';
import { findingText, zoneOf } from '../finding-text.js';
import { catalogue, formatTime } from '../messages/render.js';
import type { ReportView } from '../redacted-view.js';
import type { ReportLang } from '../reporter.js';
import type { CitationText } from './citations.js';
import { scriptSafe } from './escape.js';
import { compareStrings } from '../../audit/summarise.js';

/**
 * Repeated strings (roots, reasons, labels, log files) are stored once; rows hold their index.
 * Filled while the findings are first read, then sealed: the second reading must find every string
 * the first one added.
 */
class StringTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  private sealed = false;
  id(value: string | null | undefined): number {
    if (value === null || value === undefined) return -1;
    let i = this.index.get(value);
    if (i === undefined) {
      if (this.sealed) throw new Error(`internal error: "${value}" missing from the string table`);
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
  seal(): void {
    this.sealed = true;
  }
}

/** Distinct values a column remembers at most. */
const MAX_VALUES = 200_000;

/**
 * The table index of one masked field, remembered by the field's unmasked value: each distinct
 * value is masked and looked up once, where reading the field twice for every finding masked it
 * twice (a memo lookup each) and looked it up twice. The value is masked through `view.field`, so
 * the column masks exactly as `show` does. `read` gives the unmasked value: a property read of its
 * own, where `object[key]` here would be one read site for every column, and slow.
 */
function maskedColumn<T extends object, K extends keyof T & string>(
  view: ReportView,
  table: StringTable,
  key: K,
  read: (object: T) => T[K],
): (object: T) => number {
  const ids = new Map<T[K], number>();
  return (object) => {
    const value = read(object);
    let i = ids.get(value);
    if (i === undefined) {
      i = table.id(view.field(object, key) as string | null | undefined);
      // Explanations are nearly unique at a million recordings: the column forgets rather than
      // grow with them (forgetting costs a masking, never a wrong index).
      if (ids.size >= MAX_VALUES) ids.clear();
      ids.set(value, i);
    }
    return i;
  };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `en-CA` writes dates as YYYY-MM-DD; Intl is much faster than luxon (docs/performance.md), which matters at 100,000 rows. */
function dayFormat(zone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(zone);
  if (!format) {
    const options = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    try {
      format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: zone });
    } catch {
      format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: 'UTC' });
    }
    dayFormats.set(zone, format);
  }
  return format;
}

// Zone offsets are whole quarter hours, so every instant of a quarter hour falls on the same local
// day; caching per quarter hour turns 100,000 Intl calls into a few thousand. One cache per zone,
// keyed by number: no key string to build and hash for every recording.
const QUARTER_HOUR = 15 * 60 * 1000;
const dayCaches = new Map<string, Map<number, string>>();

/** The local calendar day of a recording: when the call started, else the file's mtime. */
export function recordingDay(f: Pick<Finding, 'startedAt' | 'mtime'>, zone: string): string {
  const iso = f.startedAt ?? f.mtime;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso.slice(0, 10);
  const quarter = Math.floor(time / QUARTER_HOUR) * QUARTER_HOUR;
  let days = dayCaches.get(zone);
  if (days === undefined) {
    days = new Map();
    dayCaches.set(zone, days);
  }
  let day = days.get(quarter);
  if (day === undefined) {
    if (days.size > 100_000) days.clear();
    day = dayFormat(zone).format(quarter);
    days.set(quarter, day);
  }
  return day;
}

/** The local calendar day of an instant (a deadline) in the audit's time zone. */
export function localDay(iso: string, zone: string): string {
  return recordingDay({ startedAt: iso, mtime: iso }, zone);
}

/**
 * Above this many findings the table lists every finding that needs action (violation, review,
 * hold) and summarises the compliant ones per category: a browser parses and holds every listed
 * row before it shows the first screen, and a million rows took far longer than a reader waits
 * (docs/performance.md). findings.csv and report.json keep every finding.
 */
export const LIST_COMPLIANT_UP_TO = 50_000;

/** The compliant findings left out of the table: how many, and how many per category list. */
export interface CompliantSummary {
  recordings: number;
  /** Categories as the table's column shows them (joined with ", "), most recordings first. */
  byCategory: Array<{ categories: string; recordings: number }>;
}

/** Which findings the table lists: all (`listed` null), or these indexes with the rest summarised. */
export interface TableSelection {
  listed: readonly number[] | null;
  compliantSummary: CompliantSummary | null;
}

/** The table's findings: all of them up to `listCompliantUpTo`, else all but the compliant ones. */
export function tableSelection(
  findings: readonly Pick<Finding, 'verdict' | 'categories'>[],
  listCompliantUpTo = LIST_COMPLIANT_UP_TO,
): TableSelection {
  if (findings.length <= listCompliantUpTo) return { listed: null, compliantSummary: null };
  const listed: number[] = [];
  const perList = new Map<readonly string[], number>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.verdict !== 'compliant') listed.push(i);
    // Counted by the list itself: the audit shares one list among findings of a kind.
    else perList.set(f.categories, (perList.get(f.categories) ?? 0) + 1);
  }
  const perCategory = new Map<string, number>();
  for (const [list, n] of perList) {
    const key = list.join(', ');
    perCategory.set(key, (perCategory.get(key) ?? 0) + n);
  }
  const byCategory = [...perCategory]
    .map(([categories, recordings]) => ({ categories, recordings }))
    .sort((a, b) => b.recordings - a.recordings || compareStrings(a.categories, b.categories));
  return {
    listed,
    compliantSummary: { recordings: findings.length - listed.length, byCategory },
  };
}

/** Rows are serialised this many at a time: one JSON.stringify call each, a few hundred kB. */
const ROWS_PER_CHUNK = 100;

/** How a row finds the table index of each string cell; see `rowCells`. */
interface Cells {
  root(f: Finding): number;
  explanation(f: Finding): number;
  baseline(f: Finding): number;
  file(e: EventEvidence): number;
  outcome(e: EventEvidence): number;
  matchedBy(e: EventEvidence): number;
  term(e: EventEvidence): number;
  message(p: FileProblem): string;
  categories(list: readonly string[]): number;
  legalBasis(list: readonly string[]): number;
  /** A string that is never masked, or one already masked. */
  id(value: string | null | undefined): number;
  /** The local day of the retention deadline, or -1 when there is none. */
  deleteBy(f: Finding): number;
}

function rowCells(view: ReportView, table: StringTable, lang: ReportLang, zone: string): Cells {
  const v = view.field;
  const explain = findingText(view, lang, zone);
  return {
    root: maskedColumn(view, table, 'root', (f: Finding) => f.root),
    explanation: (f) => table.id(explain(f)),
    baseline: maskedColumn(view, table, 'baseline', (f: Finding) => f.baseline),
    file: maskedColumn(view, table, 'file', (e: EventEvidence) => e.file),
    outcome: maskedColumn(view, table, 'outcome', (e: EventEvidence) => e.outcome),
    matchedBy: maskedColumn(view, table, 'matchedBy', (e: EventEvidence) => e.matchedBy),
    term: maskedColumn(view, table, 'term', (e: EventEvidence) => e.term),
    // English keeps the reader's detailed message; other languages name the problem by its code.
    message: (p) => (lang === 'en' ? undefined : catalogue(lang).problems[p.code]) ?? v(p, 'message'),
    categories: listColumn(table, ', '),
    legalBasis: listColumn(table, ' '),
    id: (value) => table.id(value),
    deleteBy: (f) => (typeof f.deleteBy === 'string' ? table.id(localDay(f.deleteBy, zone)) : -1),
  };
}

/**
 * Only the cells of a row that go into the string table, in the order `row` reads them: the
 * first reading fills the table so, without building rows or masking paths and call IDs.
 */
function tableCells(view: ReportView, f: Finding, day: string, c: Cells): void {
  const v = view.field;
  c.root(f);
  c.id(v(f, 'verdict'));
  c.id(f.reason);
  c.categories(v(f, 'categories'));
  c.id(day);
  c.explanation(f);
  for (const e of f.events) {
    c.file(e);
    c.outcome(e);
    c.id(v(e, 'category'));
    c.matchedBy(e);
    c.term(e);
  }
  c.legalBasis(v(f, 'legalBasis'));
  for (const p of f.problems) c.id(`${v(p, 'code')}: ${c.message(p)}`);
  if (f.baseline !== undefined) c.baseline(f);
  c.deleteBy(f);
}

/**
 * One finding's row. Every value is read through `view.field` (in `Cells` too), masked as `show`
 * masks it, without copying the finding. Keep the string cells in step with `tableCells`.
 */
function row(view: ReportView, f: Finding, day: string, c: Cells, lang: ReportLang, zone: string) {
  const v = view.field;
  return [
    c.root(f),
    v(f, 'path'),
    v(f, 'callId'),
    c.id(v(f, 'verdict')),
    c.id(f.reason),
    c.categories(v(f, 'categories')),
    c.id(day),
    f.durationSec,
    f.size,
    c.explanation(f),
    f.events.map((e) => [
      c.file(e),
      e.line,
      c.outcome(e),
      c.id(v(e, 'category')),
      c.matchedBy(e),
      c.term(e),
      e.at === null ? null : formatTime(lang, e.at, zone),
    ]),
    c.legalBasis(v(f, 'legalBasis')),
    f.problems.map((p) => c.id(`${v(p, 'code')}: ${c.message(p)}`)),
    f.baseline === undefined ? -1 : c.baseline(f),
    c.deleteBy(f),
  ];
}

/** `list.join(separator)`; a list of one is its only item, without a new string to hash. */
function joined(list: readonly string[], separator: string): string {
  return list.length === 1 ? list[0]! : list.join(separator);
}

/** Lists remembered per column; beyond this many, lists are joined and looked up every time. */
const MAX_LISTS = 4096;

/**
 * The table index of a list of never-masked strings, joined: remembered by the list itself, as
 * the audit shares one list among all findings of a kind (audit/shared-parts.ts), so the list is
 * joined and hashed once rather than twice per finding. Lists read from a saved report are each
 * their own, which the cap keeps from being remembered by the hundred thousand.
 */
function listColumn(table: StringTable, separator: string): (list: readonly string[]) => number {
  const ids = new Map<readonly string[], number>();
  return (list) => {
    let i = ids.get(list);
    if (i === undefined) {
      i = table.id(joined(list, separator));
      if (ids.size < MAX_LISTS) ids.set(list, i);
    }
    return i;
  };
}

/**
 * The findings table's data as JSON for the page's data block, in pieces, escaped for a script
 * element; the client script renders it page by page. Rows are arrays, not objects, so 100,000
 * recordings stay a few tens of megabytes.
 * Row: [root, path, callId, verdict, reason, categories, day, durationSec, size, explanation,
 *       events, legalBasis, problems, baseline, deleteBy (local day)]; string-typed cells hold StringTable indexes
 *       except path and callId, which are nearly always unique.
 * The string table precedes the rows in the JSON but is filled while reading them, so the findings
 * are read twice: once for the strings, in order of first use, then to write the rows.
 */
export function* tableDataChunks(
  view: ReportView,
  days: readonly string[],
  lang: ReportLang,
  citations: Record<string, CitationText>,
  selection: TableSelection = tableSelection(view.unmasked),
): Iterable<string> {
  const strings = new StringTable();
  const zone = zoneOf(view);
  const cells = rowCells(view, strings, lang, zone);
  const findings = view.unmasked;
  const { listed } = selection;
  const count = listed?.length ?? findings.length;
  const indexAt = listed === null ? (k: number) => k : (k: number) => listed[k]!;
  for (let k = 0; k < count; k++) {
    const i = indexAt(k);
    tableCells(view, findings[i]!, days[i]!, cells);
  }
  strings.seal();
  const head = JSON.stringify({
    lang,
    t: messages(lang),
    verdicts: verdictLabels(lang),
    reasons: reasonDescriptions(lang),
    categories: Object.fromEntries(
      Object.keys(catalogue(lang).categories).map((code) => [code, categoryLabel(lang, code)]),
    ),
    matchedBy: catalogue(lang).matchedBy,
    citations,
    // Only in a summarised table, so a smaller report's data block is as it always was.
    ...(selection.compliantSummary ? { compliantSummary: selection.compliantSummary } : {}),
    strings: strings.values,
    rows: [],
  });
  yield scriptSafe(head.slice(0, -'[]}'.length));
  yield '[';
  for (let from = 0; from < count; from += ROWS_PER_CHUNK) {
    const rows = [];
    const to = Math.min(count, from + ROWS_PER_CHUNK);
    for (let k = from; k < to; k++) {
      const i = indexAt(k);
      rows.push(row(view, findings[i]!, days[i]!, cells, lang, zone));
    }
    // `[a,b]` without its brackets; chunks after the first follow a comma. The comma goes out on
    // its own: glued to the slice it made a string that escaping and encoding must copy first.
    if (from > 0) yield ',';
    yield scriptSafe(JSON.stringify(rows).slice(1, -1));
  }
  yield ']}';
}
