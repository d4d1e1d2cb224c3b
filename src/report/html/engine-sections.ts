import { ENGINE_DEFAULTS } from '../../config/defaults.js';
import { findingText, zoneOf } from '../finding-text.js';
import { messages, reasonLabel, verdictLabel } from '../i18n.js';
import { catalogue, formatDate } from '../messages/render.js';
import type { ReportView } from '../redacted-view.js';
import type { ReportLang } from '../reporter.js';
import { h } from './escape.js';
import { htmlTable, moreRows, MAX_LIST_ROWS } from './html-table.js';

/**
 * What the policy engine (issue 4) adds to report.json under `engine`. Read loosely: this renderer
 * must also open reports written before the engine existed, and survive fields it does not know.
 */
interface EngineView {
  priorNotice?: {
    verified?: boolean;
    statement?: string;
    unrecognised?: Array<{ value: string; rows: number }>;
    unverifiedRecordings?: number;
  };
  join?: {
    recordingsWithId: number;
    recordingsJoined: number;
    callLogIds: number;
    callLogIdsJoined: number;
  } | null;
  retention?: {
    dueWithinDays?: number;
    dueSoon?: Array<{ path: string; callId: string | null; deleteBy: string }>;
  };
  holds?: { file?: string; stale?: Array<Record<string, unknown>> } | null;
  unconfirmedCitations?: Array<{ id: string }>;
  reviews?: {
    withinDays?: number;
    overdue?: Array<{
      path: string;
      callId: string | null;
      reason: string;
      reviewSince: string;
      openDays: number;
    }>;
  };
}

const DUE_SOON_DAYS = 30;

export function engineOf(view: ReportView): EngineView | null {
  const engine = (view as unknown as { engine?: unknown }).engine;
  return engine && typeof engine === 'object' ? (engine as EngineView) : null;
}

interface Due {
  path: string;
  callId: string | null;
  deleteBy: string;
}

/**
 * The engine's list when there is one (masked with the rest of the view); else compliant findings
 * whose `deleteBy` is near, masked here.
 */
function dueSoon(view: ReportView): { days: number; due: Due[] } {
  const retention = engineOf(view)?.retention;
  if (retention?.dueSoon) return { days: retention.dueWithinDays ?? DUE_SOON_DAYS, due: retention.dueSoon };
  const horizon = Date.parse(view.generatedAt) + DUE_SOON_DAYS * 86_400_000;
  const due: Due[] = [];
  for (const f of view.unmasked) {
    if (typeof f.deleteBy !== 'string' || f.verdict !== 'compliant') continue;
    const deleteBy = view.field(f, 'deleteBy')!;
    if (Date.parse(deleteBy) > horizon) continue;
    due.push({ path: view.field(f, 'path'), callId: view.field(f, 'callId'), deleteBy });
  }
  due.sort((a, b) => (a.deleteBy < b.deleteBy ? -1 : a.deleteBy > b.deleteBy ? 1 : 0));
  return { days: DUE_SOON_DAYS, due };
}

export function dueSoonSection(view: ReportView, lang: ReportLang): string {
  const t = messages(lang);
  const { days, due } = dueSoon(view);
  if (due.length === 0) return '';
  const rows = due
    .slice(0, MAX_LIST_ROWS)
    .map((d) => [
      `<span class="nowrap">${h(formatDate(lang, d.deleteBy, zoneOf(view)))}</span>`,
      h(d.callId ?? '—'),
      `<code>${h(d.path)}</code>`,
    ]);
  return `<h2>${h(t.dueSoon)} (${due.length}, ≤ ${days} d)</h2>${htmlTable([t.deleteBy, t.callId, t.path], rows)}${moreRows(due.length)}`;
}

const HOLD_COLUMNS: Record<string, keyof ReturnType<typeof messages>> = {
  id: 'holdId',
  type: 'holdType',
  scope: 'holdScope',
  value: 'holdValue',
  reference: 'holdReference',
  reason: 'holdReason',
  until: 'holdUntil',
};

function holdColumn(t: ReturnType<typeof messages>, key: string): string {
  const label = HOLD_COLUMNS[key];
  return label ? t[label] : key;
}

/** Holds that match no recording: a mistyped call ID or a glob that no longer fits the archive. */
export function staleHoldsSection(view: ReportView, lang: ReportLang): string {
  const t = messages(lang);
  const stale = engineOf(view)?.holds?.stale ?? [];
  if (stale.length === 0) return '';
  const columns = [...new Set(stale.flatMap((hold) => Object.keys(hold)))].filter((key) =>
    stale.some((hold) => ['string', 'number'].includes(typeof hold[key])),
  );
  const holdTypes = catalogue(lang).holdTypes;
  const cell = (key: string, value: unknown) =>
    key === 'until' && typeof value === 'string'
      ? formatDate(lang, value, zoneOf(view))
      : key === 'type' && typeof value === 'string'
        ? (holdTypes[value] ?? value)
        : (value as string | null);
  const rows = stale.slice(0, MAX_LIST_ROWS).map((hold) => columns.map((key) => h(cell(key, hold[key]))));
  return `<h2>${h(t.staleHolds)} (${stale.length})</h2>${htmlTable(
    columns.map((key) => holdColumn(t, key)),
    rows,
  )}${moreRows(stale.length)}`;
}

/** Reviews open longer than --review-within days, oldest first (already masked with the view). */
export function overdueReviewsSection(view: ReportView, lang: ReportLang): string {
  const t = messages(lang);
  const reviews = engineOf(view)?.reviews;
  const overdue = reviews?.overdue ?? [];
  if (overdue.length === 0) return '';
  const rows = overdue
    .slice(0, MAX_LIST_ROWS)
    .map((r) => [
      `<span class="nowrap">${h(formatDate(lang, r.reviewSince, zoneOf(view)))}</span>`,
      h(r.openDays),
      h(r.callId ?? '—'),
      `<code>${h(r.path)}</code>`,
      h(reasonLabel(lang, r.reason)),
    ]);
  return `<h2>${h(t.overdueReviews)} (${overdue.length}, > ${h(reviews?.withinDays ?? ENGINE_DEFAULTS.reviewWithinDays)} d)</h2>${htmlTable([t.date, t.openDays, t.callId, t.path, t.reason], rows)}${moreRows(overdue.length)}`;
}

/** Holds that have ended: findings with reason HOLD_EXPIRED, which must now be judged like any other. */
export function endedHoldsSection(view: ReportView, lang: ReportLang): string {
  const t = messages(lang);
  const ended = view.unmasked.filter((f) => f.reason === 'HOLD_EXPIRED');
  if (ended.length === 0) return '';
  const explain = findingText(view, lang, zoneOf(view));
  const rows = ended
    .slice(0, MAX_LIST_ROWS)
    .map((f) => [
      h(view.field(f, 'callId') ?? '—'),
      `<code>${h(view.field(f, 'path'))}</code>`,
      h(verdictLabel(lang, f.verdict)),
      h(explain(f)),
    ]);
  return `<h2>${h(t.endedHolds)} (${ended.length})</h2>${htmlTable([t.callId, t.path, t.verdict, t.reason], rows)}${moreRows(ended.length)}`;
}

/** The engine's caveats: prior notice not verified, citations not yet confirmed. */
export function engineNotesSection(view: ReportView, lang: ReportLang): string {
  const engine = engineOf(view);
  if (!engine) return '';
  const t = messages(lang);
  const notes: string[] = [];
  if (engine.join)
    notes.push(
      `<p class="notice" id="join-rate">${h(t.joinRecordings)}: <span data-join="recordings">${engine.join.recordingsJoined}/${engine.join.recordingsWithId}</span> · ` +
        `${h(t.joinCallLogIds)}: <span data-join="call-log-ids">${engine.join.callLogIdsJoined}/${engine.join.callLogIds}</span></p>`,
    );
  if (engine.priorNotice && engine.priorNotice.verified === false)
    notes.push(`<p class="notice warning">${h(catalogue(lang).notes.noticeNotVerified)}</p>`);
  const unrecognised = engine.priorNotice?.unrecognised ?? [];
  if (unrecognised.length > 0)
    notes.push(
      `<div class="notice warning" id="unrecognised-notices"><p>${h(t.unrecognisedNotices)} — ${h(t.unverifiedNotice)}: ${engine.priorNotice?.unverifiedRecordings ?? 0}</p>` +
        htmlTable(
          [t.priorNoticeValue, t.rows],
          unrecognised.map((v) => [`<code>${h(v.value)}</code>`, h(v.rows)]),
          [1],
        ) +
        '</div>',
    );
  const unconfirmed = (engine.unconfirmedCitations ?? []).map((c) => c.id);
  if (unconfirmed.length > 0)
    notes.push(
      `<p class="notice">${h(t.unconfirmedCitations)}: ${unconfirmed.map((id) => `<code>${h(id)}</code>`).join(', ')}</p>`,
    );
  return notes.join('');
}
