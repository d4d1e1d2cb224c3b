import { messages, reasonLabel, verdictLabel } from '../i18n.js';
import { zoneOf } from '../finding-text.js';
import { catalogue, formatDay, formatTime } from '../messages/render.js';
import { labelsSection } from './labels-section.js';
import type { ReportView } from '../redacted-view.js';
import type { ReportLang } from '../reporter.js';
import { barChart, stackedDayChart, VERDICT_COLOURS, type DayColumn } from './charts.js';
import {
  dueSoonSection,
  endedHoldsSection,
  engineNotesSection,
  staleHoldsSection,
  overdueReviewsSection,
} from './engine-sections.js';
import { h } from './escape.js';
import { htmlTable, moreRows, MAX_LIST_ROWS } from './html-table.js';

const VERDICT_ORDER = ['violation', 'review', 'hold', 'compliant'] as const;

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
  for (const log of view.inputs.callLogs) {
    if (log.firstAt) include(log.firstAt.slice(0, 10));
    if (log.lastAt) include(log.lastAt.slice(0, 10));
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
  const verdictRows = VERDICT_ORDER.map((v) => [
    `<span class="verdict-${v}">${h(verdictLabel(lang, v))}</span>`,
    `<span data-total="${v}">${s[v]}</span>`,
  ]);
  verdictRows.push([
    `<strong>${h(t.total)}</strong>`,
    `<strong data-total="recordings">${s.recordings}</strong>`,
  ]);
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
  return (
    `<div class="grid"><section><h2>${h(t.totalsByVerdict)}</h2>${verdictChart}${htmlTable([t.verdict, t.recordings], verdictRows, [1])}</section>` +
    `<section><h2>${h(t.totalsByReason)}</h2>${reasonChart}${reasonTable}</section></div>` +
    `<h2>${h(t.perDay)}</h2><div class="legend">${legend}</div>${stackedDayChart(t.perDay, perDay(view, days), VERDICT_ORDER, (v) => verdictLabel(lang, v))}`
  );
}

/** Every calendar day between the first and last recording, so gaps show as gaps. */
function perDay(view: ReportView, days: readonly string[]): DayColumn[] {
  const counts = new Map<string, Record<string, number>>();
  for (let i = 0; i < view.unmasked.length; i++) {
    const f = view.unmasked[i]!;
    const day = days[i]!;
    const c = counts.get(day) ?? {};
    c[f.verdict] = (c[f.verdict] ?? 0) + 1;
    counts.set(day, c);
  }
  const seen = [...counts.keys()].sort();
  if (seen.length === 0) return [];
  const out: DayColumn[] = [];
  const last = Date.parse(`${seen[seen.length - 1]}T00:00:00Z`);
  // Capped at ten years of days so a stray 1970 mtime cannot make a chart of 20,000 columns.
  for (let d = Date.parse(`${seen[0]}T00:00:00Z`), n = 0; d <= last && n < 3660; d += 86_400_000, n++) {
    const day = new Date(d).toISOString().slice(0, 10);
    out.push({ day, counts: counts.get(day) ?? {} });
  }
  return out;
}

function problemsSection(view: ReportView, lang: ReportLang): string {
  const t = messages(lang);
  const byCode = new Map<string, number>();
  for (const p of view.problems)
    byCode.set(`${p.file}\u0000${p.code}`, (byCode.get(`${p.file}\u0000${p.code}`) ?? 0) + 1);
  const unreadable = view.summary.byReason.UNREADABLE_FILE ?? 0;
  if (byCode.size === 0 && unreadable === 0) return '';
  const rows = [...byCode.entries()].sort().map(([key, n]) => {
    const [file, code] = key.split('\u0000');
    return [`<code>${h(file)}</code>`, h(code), h(n)];
  });
  if (unreadable > 0)
    rows.push(['—', h(t.unreadableFiles), `<span data-problem="UNREADABLE_FILE">${unreadable}</span>`]);
  return `<h2>${h(t.inputProblems)}</h2>${htmlTable([t.file, t.problemCode, t.count], rows, [2])}`;
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

/**
 * Everything above the findings table, rendered on the server: readable with scripts off and in
 * print. `days[i]` is the recording day of finding i.
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
  const meta = htmlTable(
    ['', ''],
    [
      [h(t.generatedAt), h(formatTime(lang, view.generatedAt, zoneOf(view)))],
      [h(t.tool), h(`${view.tool.name} ${view.tool.version}`)],
      [
        h(t.policy),
        `${h(`${view.policy.id}@${view.policy.version}`)} <code>sha256 ${h(view.policy.sha256)}</code>`,
      ],
      [h(t.period), h(period(view, days, lang))],
    ],
  );
  const zoneNote = `<p class="muted" id="time-zone">${h(catalogue(lang).timesIn(zoneOf(view)))}</p>`;
  return (
    `<header><h1>${h(t.title)}</h1><p class="subtitle">${h(t.subtitle)}</p>${notice}` +
    `<p class="notice">${h(t.personalData)} ${h(t.notLegalAdvice)}</p>${engineNotesSection(view, lang)}</header>` +
    meta +
    zoneNote +
    inputsSection(view, lang) +
    chartsSection(view, days, lang) +
    baselineSection(view, lang) +
    dueSoonSection(view, lang) +
    overdueReviewsSection(view, lang) +
    staleHoldsSection(view, lang) +
    endedHoldsSection(view, lang) +
    labelsSection(view, lang) +
    problemsSection(view, lang)
  );
}
