import { ENGINE_DEFAULTS } from '../../config/defaults.js';
import { messages, verdictLabel, type Messages } from '../i18n.js';
import type { ReportView } from '../redacted-view.js';
import type { ReportLang } from '../reporter.js';
import { engineOf } from './engine-sections.js';
import { h } from './escape.js';
import { htmlTable } from './html-table.js';
import { formatDate } from '../messages/render.js';
import { zoneOf } from '../finding-text.js';

const VERDICT_ORDER = ['violation', 'review', 'hold', 'compliant'] as const;
const DAY_MS = 86_400_000;
const MANIFEST = 'deletion-manifest.csv';

/** "recording" in the plural form the count takes (Slovenian has four: 1, 2, 3–4, 5+). */
function recordingNoun(t: Messages, lang: ReportLang, n: number): string {
  const form = new Intl.PluralRules(lang).select(n);
  if (form === 'one') return t.recordingOne;
  if (form === 'two') return t.recordingTwo;
  if (form === 'few') return t.recordingFew;
  return t.recordingOther;
}

/** "8 posnetkov za izbris, 3 za ročni pregled, 10 za hrambo": the noun once, after the first count. */
function countsSentence(view: ReportView, lang: ReportLang): string {
  const t = messages(lang);
  const s = view.summary;
  const parts = [
    `<strong data-decision="violation">${s.violation}</strong> ${h(recordingNoun(t, lang, s.violation))} ${h(t.countToDelete)}`,
    `<strong data-decision="review">${s.review}</strong> ${h(t.countToReview)}`,
    `<strong data-decision="compliant">${s.compliant}</strong> ${h(t.countToKeep)}`,
  ];
  if (s.hold > 0) parts.push(`<strong data-decision="hold">${s.hold}</strong> ${h(t.countOnHold)}`);
  return `<p class="decision-counts">${parts.join(', ')}</p>`;
}

/** The earliest deadline among kept recordings, and the earliest date a review falls due. */
function deadlines(view: ReportView): { nextDeleteBy: string | null; earliestReview: string | null } {
  let nextDeleteBy: string | null = null;
  let earliestReview: string | null = null;
  for (const f of view.unmasked) {
    if (f.verdict === 'compliant' && typeof f.deleteBy === 'string') {
      if (nextDeleteBy === null || f.deleteBy < nextDeleteBy) nextDeleteBy = f.deleteBy;
    } else if (f.verdict === 'review') {
      const since = f.reviewSince ?? view.generatedAt;
      if (earliestReview === null || since < earliestReview) earliestReview = since;
    }
  }
  return { nextDeleteBy, earliestReview };
}

function deadlineRows(view: ReportView, lang: ReportLang): string[][] {
  const t = messages(lang);
  const zone = zoneOf(view);
  const day = (iso: string) => `<span class="nowrap">${h(formatDate(lang, iso, zone))}</span>`;
  const { nextDeleteBy, earliestReview } = deadlines(view);
  const rows: string[][] = [];
  const deletion: string[] = [];
  if (view.summary.violation > 0)
    deletion.push(`<strong>${h(t.deleteNow)}</strong> (${h(t.deleteNowNote)}, ${day(view.generatedAt)})`);
  if (nextDeleteBy !== null) deletion.push(`${h(t.nextRetentionDeadline)}: ${day(nextDeleteBy)}`);
  if (deletion.length > 0) rows.push([h(t.deletionDeadline), deletion.join('; ')]);
  if (earliestReview !== null) {
    const reviews = engineOf(view)?.reviews;
    const within = reviews?.withinDays ?? ENGINE_DEFAULTS.reviewWithinDays;
    const due = new Date(Date.parse(earliestReview) + within * DAY_MS).toISOString();
    rows.push([
      h(t.reviewDeadline),
      `${day(due)} (${h(t.reviewDeadlineNote)} ${within} ${h(t.days)}; ${h(t.overdue)}: <span data-decision="overdue">${reviews?.overdue?.length ?? 0}</span>)`,
    ]);
  }
  if (view.summary.violation > 0) {
    const manifest = view.deletionManifest;
    rows.push([
      h(t.manifestToActOn),
      manifest
        ? `<code class="nowrap">${MANIFEST}</code> (${h(t.manifestRows)}: ${manifest.rows}, SHA-256 <code class="nowrap">${h(manifest.sha256.slice(0, 16))}…</code>); ` +
          `<code class="nowrap">callaudit purge ${MANIFEST}</code> ${h(t.purgeDryRun)}`
        : `<code class="nowrap">${MANIFEST}</code> ${h(t.manifestNotWritten)}`,
    ]);
  }
  return rows;
}

function verdictTable(view: ReportView, lang: ReportLang): string {
  const t = messages(lang);
  const s = view.summary;
  const rows = VERDICT_ORDER.map((v) => [
    `<span class="verdict-${v}">${h(verdictLabel(lang, v))}</span>`,
    `<span data-total="${v}">${s[v]}</span>`,
  ]);
  rows.push([`<strong>${h(t.total)}</strong>`, `<strong data-total="recordings">${s.recordings}</strong>`]);
  return htmlTable([t.verdict, t.recordings], rows, [1]);
}

/**
 * What the reader must do, before anything else: the counts per verdict in one sentence, the
 * deadlines, and the manifest to act on; then the audit's identity (period, policy, run ID).
 */
export function decisionSection(
  view: ReportView,
  lang: ReportLang,
  identity: string[][],
  zoneNote: string,
): string {
  const t = messages(lang);
  return (
    `<section id="decision"><h2>${h(t.result)}</h2>${countsSentence(view, lang)}` +
    `<div class="decision-grid"><div>${htmlTable(['', ''], deadlineRows(view, lang).concat(identity))}${zoneNote}</div>` +
    `<div>${verdictTable(view, lang)}</div></div></section>`
  );
}

/** Lines to sign on paper: shown in print only. */
export function signaturesSection(lang: ReportLang): string {
  const t = messages(lang);
  const line = (role: string) =>
    `<div class="signature"><p>${h(role)}</p><p>${h(t.signature)}: ____________________</p><p>${h(t.date)}: ______________</p></div>`;
  return `<section id="signatures" class="print-only">${line(t.preparedBy)}${line(t.approvedBy)}</section>`;
}
