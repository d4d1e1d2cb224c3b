import type { AuditResult } from '../../audit/result.js';
import type { Finding } from '../../audit/types.js';
import { messages, reasonDescriptions, verdictLabels } from '../i18n.js';
import type { ReportView } from '../redacted-view.js';
import type { ReportLang } from '../reporter.js';
import type { CitationText } from './citations.js';
import { scriptSafe } from './escape.js';

/** Repeated strings (roots, reasons, labels, log files) are stored once; rows hold their index. */
class StringTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  id(value: string | null | undefined): number {
    if (value === null || value === undefined) return -1;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
  /** The index of a string already in the table. */
  known(value: string | null | undefined): number {
    if (value === null || value === undefined) return -1;
    const i = this.index.get(value);
    if (i === undefined) throw new Error(`internal error: "${value}" missing from the string table`);
    return i;
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `en-CA` writes dates as YYYY-MM-DD; Intl is ~20× faster than luxon, which matters at 100,000 rows. */
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
// day; caching per quarter hour turns 100,000 Intl calls into a few thousand.
const QUARTER_HOUR = 15 * 60 * 1000;
const dayCache = new Map<string, string>();

/** The local calendar day of a recording: when the call started, else the file's mtime. */
export function recordingDay(f: Pick<Finding, 'startedAt' | 'mtime'>, zone: string): string {
  const iso = f.startedAt ?? f.mtime;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso.slice(0, 10);
  const quarter = Math.floor(time / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${zone} ${quarter}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    if (dayCache.size > 100_000) dayCache.clear();
    day = dayFormat(zone).format(quarter);
    dayCache.set(key, day);
  }
  return day;
}

export function zoneOf(result: Pick<AuditResult, 'settings'>): string {
  const zone = result.settings['timezone'];
  return typeof zone === 'string' ? zone : 'UTC';
}

/** Rows are serialised this many at a time: one JSON.stringify call each, a few hundred kB. */
const ROWS_PER_CHUNK = 100;

/**
 * One finding's row. Every value is read through `view.field`, masked as `show` masks it, without
 * copying the finding: the table reads each finding twice. `id` turns table strings into indexes.
 */
function row(view: ReportView, f: Finding, day: string, id: (value: string | null | undefined) => number) {
  const v = view.field;
  return [
    id(v(f, 'root')),
    v(f, 'path'),
    v(f, 'callId'),
    id(v(f, 'verdict')),
    id(v(f, 'reason')),
    id(v(f, 'categories').join(', ')),
    id(day),
    f.durationSec,
    f.size,
    id(v(f, 'explanation')),
    f.events.map((e) => [
      id(v(e, 'file')),
      e.line,
      id(v(e, 'outcome')),
      id(v(e, 'category')),
      id(v(e, 'matchedBy')),
      id(v(e, 'term')),
      v(e, 'at'),
    ]),
    id(v(f, 'legalBasis').join(' ')),
    f.problems.map((p) => id(`${v(p, 'code')}: ${v(p, 'message')}`)),
    f.baseline === undefined ? -1 : id(v(f, 'baseline')),
  ];
}

/**
 * The findings table's data as JSON for the page's data block, in pieces, escaped for a script
 * element; the client script renders it page by page. Rows are arrays, not objects, so 100,000
 * recordings stay a few tens of megabytes.
 * Row: [root, path, callId, verdict, reason, categories, day, durationSec, size, explanation,
 *       events, legalBasis, problems, baseline]; string-typed cells hold StringTable indexes
 *       except path and callId, which are nearly always unique.
 * The string table precedes the rows in the JSON but is filled while reading them, so the findings
 * are read twice: once for the strings, in order of first use, then to write the rows.
 */
export function* tableDataChunks(
  view: ReportView,
  days: readonly string[],
  lang: ReportLang,
  citations: Record<string, CitationText>,
): Iterable<string> {
  const strings = new StringTable();
  const add = (value: string | null | undefined) => strings.id(value);
  const findings = view.unmasked;
  for (let i = 0; i < findings.length; i++) row(view, findings[i]!, days[i]!, add);
  // The second reading must find every string the first one added.
  const find = (value: string | null | undefined) => strings.known(value);
  const head = JSON.stringify({
    lang,
    t: messages(lang),
    verdicts: verdictLabels(lang),
    reasons: reasonDescriptions(lang),
    citations,
    strings: strings.values,
    rows: [],
  });
  yield scriptSafe(head.slice(0, -'[]}'.length));
  yield '[';
  for (let from = 0; from < findings.length; from += ROWS_PER_CHUNK) {
    const rows = [];
    const to = Math.min(findings.length, from + ROWS_PER_CHUNK);
    for (let i = from; i < to; i++) rows.push(row(view, findings[i]!, days[i]!, find));
    // `[a,b]` without its brackets; chunks after the first follow a comma.
    const json = JSON.stringify(rows);
    yield scriptSafe(`${from > 0 ? ',' : ''}${json.slice(1, -1)}`);
  }
  yield ']}';
}
