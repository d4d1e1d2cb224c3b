import { messages, reasonLabel, verdictLabel } from '../i18n.js';
import { zoneOf } from '../finding-text.js';
import { catalogue, formatDay, formatTime } from '../messages/render.js';
import { labelsSection } from './labels-section.js';
import type { ReportView } from '../redacted-view.js';
import type { ReportLang } from '../reporter.js';
import { barChart, stackedDayChart, VERDICT_COLOURS } from './charts.js';
import { decisionSection, signaturesSection } from './decision.js';
import {
  dueSoonSection,
  endedHoldsSection,
  engineNotesSection,
  staleHoldsSection,
  overdueReviewsSection,
} from './engine-sections.js';
import { h } from './escape.js';
import { htmlTable, moreRows, MAX_LIST_ROWS } from './html-table.js';
import { timeAxis, type Outliers, type TimeAxis } from './time-axis.js';
import { localDay } from './table-data.js';

const VERDICT_ORDER = ['violation', 'review', 'hold', 'compliant'] as const;
/** Lines named per file and problem; the count says how many there are in all. */
const MAX_LINES = 10;

/** The first and last day (string order, as a sort would give them) of recordings and logs. */
function period(view: ReportView, days: readonly string[], lang: ReportLang): string {
  let first: string | null = null;
  let last: string | null = null;
  const include = (day: string) => {
    if (first === null || day < first) first = day;
    if (last === null || day > last) last = day;
  };
  // Not copied into one list: at a million recordings that is a million more references.
  for (const day of days) include(day);
  // Days in the audit's zone, as the recordings' days are: 22:30Z on 30 Sep is 1 Oct in Ljubljana.
  const zone = zoneOf(view);
  for (const log of view.inputs.callLogs) {
    if (log.firstAt) include(localDay(log.firstAt, zone));
    if (log.lastAt) include(localDay(log.lastAt, zone));
  }
  return first === null ? '—' : `${formatDay(lang, first)} – ${formatDay(lang, last!)}`;
}

function inputsSection(view: ReportView, lang: ReportLang): string {
  const t = messages(lang);
  const roots = htmlTable(
    [t.path, t.recordings, t.ignoredFiles],
    view.inputs.roots.map((r) => [`<code>${h(r.path)}</code>`, h(r.recordings), h(r.ignoredFiles)]),
    [1, 2],
  );
  const logs = htmlTable(
    [t.file, t.rows, t.events, t.skippedRows, t.encoding, t.period, 'SHA-256'],
    view.inputs.callLogs.map((l) => [
      `<code>${h(l.file)}</code>`,
      h(l.rows),
      h(l.events),
      h(l.skippedRows),
      h(`${l.encoding}${l.encodingDetected ? ' (auto)' : ''}`),
      h(
        `${l.firstAt ? formatTime(lang, l.firstAt, zoneOf(view)) : '?'} – ${l.lastAt ? formatTime(lang, l.lastAt, zoneOf(view)) : '?'}`,
      ),
      `<code>${h(l.sha256)}</code>`,
    ]),
    [1, 2, 3],
  );
  const map = view.inputs.outcomeMap;
  const outcomeMap = map
    ? `<h3>${h(t.outcomeMap)}</h3>${htmlTable([t.file, t.entries, 'SHA-256'], [[`<code>${h(map.file)}</code>`, h(map.entries), `<code>${h(map.sha256)}</code>`]], [1])}`
    : '';
  return `<h2>${h(t.inputs)}</h2><h3>${h(t.archiveRoots)}</h3>${roots}<h3>${h(t.callLogs)}</h3>${logs}${outcomeMap}`;
}

function chartsSection(view: ReportView, days: readonly string[], lang: ReportLang): string {
  const t = messages(lang);
  const s = view.summary;
  const verdictFirst = new Map<string, string>();
  for (const f of view.unmasked) if (!verdictFirst.has(f.reason)) verdictFirst.set(f.reason, f.verdict);
  const reasons = Object.entries(s.byReason).sort(
    ([a, x], [b, y]) => (y ?? 0) - (x ?? 0) || (a < b ? -1 : 1),
  );
  const reasonChart = barChart(
    t.totalsByReason,
    reasons.map(([reason, n]) => ({
      label: reason,
      value: n ?? 0,
      colour: VERDICT_COLOURS[verdictFirst.get(reason) ?? ''] ?? '#888',
    })),
  );
  const reasonTable = htmlTable(
    [t.reason, t.recordings],
    reasons.map(([reason, n]) => [
      h(reasonLabel(lang, reason)),
      `<span data-reason-total="${h(reason)}">${n}</span>`,
    ]),
    [1],
  );
  const verdictChart = barChart(
    t.totalsByVerdict,
    VERDICT_ORDER.map((v) => ({ label: verdictLabel(lang, v), value: s[v], colour: VERDICT_COLOURS[v]! })),
  );
  const legend = VERDICT_ORDER.map(
    (v) => `<span><i class="swatch sw-${v}"></i>${h(verdictLabel(lang, v))}</span>`,
  ).join('');
  const axis = timeAxis(countsPerDay(view, days));
  const title = axis.bucket === 'month' ? t.perMonth : axis.bucket === 'week' ? t.perWeek : t.perDay;
  return (
    `<div class="grid"><section><h2>${h(t.totalsByVerdict)}</h2>${verdictChart}</section>` +
    `<section><h2>${h(t.totalsByReason)}</h2>${reasonChart}${reasonTable}</section></div>` +
    `<h2 id="per-time">${h(title)}</h2><div class="legend">${legend}</div>` +
    `<div class="chart-scroll">${stackedDayChart(title, axis.columns, VERDICT_ORDER, axis.bucket, (v) => verdictLabel(lang, v))}</div>` +
    outliersNote(axis, lang)
  );
}

/** Recordings per local calendar day, counted per verdict. */
function countsPerDay(view: ReportView, days: readonly string[]): Map<string, Record<string, number>> {
  const counts = new Map<string, Record<string, number>>();
  for (let i = 0; i < view.unmasked.length; i++) {
    const f = view.unmasked[i]!;
    const day = days[i]!;
    let c = counts.get(day);
    if (c === undefined) {
      c = {};
      counts.set(day, c);
    }
    c[f.verdict] = (c[f.verdict] ?? 0) + 1;
  }
  return counts;
}

function outliersNote(axis: TimeAxis, lang: ReportLang): string {
  if (!axis.before && !axis.after) return '';
  const t = messages(lang);
  const part = (label: string, o: Outliers | null, key: string) =>
    o
      ? `${h(label)}: <strong data-outliers="${key}">${o.count}</strong> (<span class="nowrap">${h(o.first)}</span>${o.last === o.first ? '' : ` – <span class="nowrap">${h(o.last)}</span>`})`
      : '';
  const parts = [part(t.earlier, axis.before, 'before'), part(t.later, axis.after, 'after')].filter(Boolean);
  return `<p class="muted" id="outliers">${h(t.notPlotted)}: ${parts.join('; ')}.</p>`;
}

/** CSV rows skipped, with their file and lines; recordings that could not be read, by path. */
function problemsSection(view: ReportView, lang: ReportLang): string {
  const t = messages(lang);
  const byFile = new Map<string, { file: string; code: string; lines: number[]; count: number }>();
  for (const p of view.problems) {
    const key = `${p.file}\u0000${p.code}`;
    const entry = byFile.get(key) ?? { file: p.file, code: p.code, lines: [], count: 0 };
    entry.count++;
    if (p.line !== null && entry.lines.length <= MAX_LINES) entry.lines.push(p.line);
    byFile.set(key, entry);
  }
  const unreadable = view.unmasked.filter((f) => f.reason === 'UNREADABLE_FILE');
  if (byFile.size === 0 && unreadable.length === 0) return '';
  const rows = [...byFile.keys()].sort().map((key) => {
    const e = byFile.get(key)!;
    const lines =
      e.lines
        .slice(0, MAX_LINES)
        .sort((a, b) => a - b)
        .join(', ') + (e.count > MAX_LINES ? ', …' : '');
    return [`<code class="nowrap">${h(e.file)}</code>`, h(lines || '—'), h(e.code), h(e.count)];
  });
  for (const f of unreadable.slice(0, MAX_LIST_ROWS)) {
    const code = f.problems[0] ? view.field(f.problems[0], 'code') : 'UNREADABLE_FILE';
    rows.push([`<code>${h(view.field(f, 'path'))}</code>`, '—', h(code), '1']);
  }
  const total =
    unreadable.length > 0
      ? `<p>${h(t.unreadableFiles)}: <span data-problem="UNREADABLE_FILE">${unreadable.length}</span></p>`
      : '';
  return `<h2>${h(t.inputProblems)}</h2>${total}${htmlTable([t.file, t.line, t.problemCode, t.count], rows, [3])}${moreRows(unreadable.length)}`;
}

function baselineSection(view: ReportView, lang: ReportLang): string {
  const b = view.baseline;
  if (!b) return '';
  const t = messages(lang);
  const resolved = b.resolved
    .slice(0, MAX_LIST_ROWS)
    .map((r) => [h(r.verdict), h(r.reason), h(r.callId ?? '—'), `<code>${h(r.path)}</code>`]);
  return (
    `<h2>${h(t.baseline)}</h2><p><code>${h(b.file)}</code> (${h(b.generatedAt)}, ${h(`${b.policy.id}@${b.policy.version}`)}): ` +
    `<strong data-baseline="new">${b.new}</strong> ${h(t.baselineNew)}, <span data-baseline="persisting">${b.persisting}</span> ${h(t.baselinePersisting)}, ` +
    `<span data-baseline="resolved">${b.resolved.length}</span> ${h(t.baselineResolved)}.</p>` +
    (resolved.length > 0
      ? htmlTable([t.verdict, t.reason, t.callId, t.path], resolved) + moreRows(b.resolved.length)
      : '')
  );
}

/** The command that renders this report in the other language (both are not embedded: see docs/reports.md). */
function otherLanguage(lang: ReportLang): string {
  const t = messages(lang);
  const other = lang === 'sl' ? 'en' : 'sl';
  return `<p class="muted lang-switch" lang="${other}">${h(t.otherLanguage)} <code class="nowrap">callaudit render report.json --lang ${other}</code></p>`;
}

/**
 * Everything above the findings table, rendered on the server: readable with scripts off and in
 * print. The result comes first (counts, deadlines, the manifest, the audit's identity), then the
 * caveats, then the detail. `days[i]` is the recording day of finding i.
 */
export function frontPage(
  view: ReportView,
  days: readonly string[],
  lang: ReportLang,
  redact: boolean,
): string {
  const t = messages(lang);
  const notice = redact
    ? `<p class="notice">${h(t.redacted)}</p>`
    : `<p class="notice warning" id="not-redacted">${h(t.notRedacted)}</p>`;
  const identity = [
    [h(t.period), `<span class="nowrap">${h(period(view, days, lang))}</span>`],
    [
      h(t.policy),
      `${h(`${view.policy.id}@${view.policy.version}`)} <code class="hash">sha256 ${h(view.policy.sha256)}</code>`,
    ],
    [h(t.runId), `<code class="nowrap" id="run-id">${h(view.runId)}</code>`],
    [h(t.generatedAt), `<span class="nowrap">${h(formatTime(lang, view.generatedAt, zoneOf(view)))}</span>`],
    [h(t.tool), h(`${view.tool.name} ${view.tool.version}`)],
  ];
  const zoneNote = `<p class="muted" id="time-zone">${h(catalogue(lang).timesIn(zoneOf(view)))}</p>`;
  return (
    `<header><h1>${h(t.title)}</h1><p class="subtitle">${h(t.subtitle)}</p>${otherLanguage(lang)}</header>` +
    decisionSection(view, lang, identity, zoneNote) +
    `<section id="caveats"><h2>${h(t.caveats)}</h2>${notice}` +
    `<p class="notice">${h(t.personalData)} ${h(t.notLegalAdvice)}</p>${engineNotesSection(view, lang)}</section>` +
    signaturesSection(lang) +
    `<div class="detail">` +
    inputsSection(view, lang) +
    chartsSection(view, days, lang) +
    baselineSection(view, lang) +
    dueSoonSection(view, lang) +
    overdueReviewsSection(view, lang) +
    staleHoldsSection(view, lang) +
    endedHoldsSection(view, lang) +
    labelsSection(view, lang) +
    problemsSection(view, lang) +
    `</div>`
  );
}
