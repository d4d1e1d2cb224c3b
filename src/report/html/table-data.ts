import type { AuditResult } from '../../audit/result.js';
import type { Finding } from '../../audit/types.js';
import { messages, reasonDescriptions, verdictLabels } from '../i18n.js';
import type { ReportLang } from '../reporter.js';
import type { CitationText } from './citations.js';

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

export function zoneOf(result: AuditResult): string {
  const zone = result.settings['timezone'];
  return typeof zone === 'string' ? zone : 'UTC';
}

/**
 * The findings table's data, embedded as JSON and rendered by the client script page by page.
 * Rows are arrays, not objects, so 100,000 recordings stay a few tens of megabytes.
 * Row: [root, path, callId, verdict, reason, categories, day, durationSec, size, explanation,
 *       events, legalBasis, problems, baseline]; string-typed cells hold StringTable indexes
 *       except path and callId, which are nearly always unique.
 */
export function tableData(view: AuditResult, lang: ReportLang, citations: Record<string, CitationText>) {
  const strings = new StringTable();
  const zone = zoneOf(view);
  const rows = view.recordings.map((f) => [
    strings.id(f.root),
    f.path,
    f.callId,
    strings.id(f.verdict),
    strings.id(f.reason),
    strings.id(f.categories.join(', ')),
    strings.id(recordingDay(f, zone)),
    f.durationSec,
    f.size,
    strings.id(f.explanation),
    f.events.map((e) => [
      strings.id(e.file),
      e.line,
      strings.id(e.outcome),
      strings.id(e.category),
      strings.id(e.matchedBy),
      strings.id(e.term),
      e.at,
    ]),
    strings.id(f.legalBasis.join(' ')),
    f.problems.map((p) => strings.id(`${p.code}: ${p.message}`)),
    f.baseline === undefined ? -1 : strings.id(f.baseline),
  ]);
  return {
    lang,
    t: messages(lang),
    verdicts: verdictLabels(lang),
    reasons: reasonDescriptions(lang),
    citations,
    strings: strings.values,
    rows,
  };
}
