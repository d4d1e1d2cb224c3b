import { zoneOf } from './finding-text.js';
import { categoryLabel, messages, reasonLabel, verdictLabel } from './i18n.js';
import { catalogue, formatTime } from './messages/render.js';
import type { Reporter } from './reporter.js';
import type { AuditResult } from '../audit/result.js';
import { viewFor, type ReportView } from './redacted-view.js';

const VERDICT_ORDER = ['violation', 'review', 'hold', 'compliant'] as const;
const MAX_NEW_ROWS = 20;
const TOP_REASONS = 5;

/**
 * Markdown-escapes text for a table cell; `<` is an entity so hostile labels never become HTML. A
 * line break (LF or a lone CR) would end the table row: it becomes a character reference, so a file
 * name with one still reads as it is.
 */
export function mdText(text: string): string {
  return text
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

function newFindingsSection(view: ReportView, lines: string[], lang: 'en' | 'sl'): void {
  const baseline = view.baseline;
  if (!baseline) return;
  const t = messages(lang);
  // Masking leaves 'new' as it is and never turns anything else into it.
  const fresh = view.unmasked.filter((f) => f.baseline === 'new');
  lines.push(
    `### ${t.baseline}: ${baseline.new} ${t.baselineNew}, ${baseline.persisting} ${t.baselinePersisting}, ${baseline.resolved.length} ${t.baselineResolved}`,
    '',
  );
  if (fresh.length === 0) return;
  lines.push(`| ${t.verdict} | ${t.reason} | ${t.callId} | ${t.path} |`, '|---|---|---|---|');
  for (const f of fresh.slice(0, MAX_NEW_ROWS).map(view.show)) {
    lines.push(
      `| ${verdictLabel(lang, f.verdict)} | ${mdText(reasonLabel(lang, f.reason))} | ${mdText(f.callId ?? '—')} | ${mdText(f.path)} |`,
    );
  }
  if (fresh.length > MAX_NEW_ROWS) lines.push('', `… +${fresh.length - MAX_NEW_ROWS}`);
  lines.push('');
}

/** The join both ways and notice values not recognised; read loosely, as old reports lack them. */
function engineSection(engine: AuditResult['engine'], lines: string[], lang: 'en' | 'sl'): void {
  const t = messages(lang);
  const join = engine?.join;
  if (join)
    lines.push(
      `- ${t.joinRecordings}: ${join.recordingsJoined}/${join.recordingsWithId}`,
      `- ${t.joinCallLogIds}: ${join.callLogIdsJoined}/${join.callLogIds}`,
      '',
    );
  const unrecognised = engine?.priorNotice?.unrecognised ?? [];
  if (unrecognised.length === 0) return;
  lines.push(
    `### ${t.unrecognisedNotices}`,
    '',
    `${t.unverifiedNotice}: ${engine?.priorNotice.unverifiedRecordings ?? 0}`,
    '',
    `| ${t.priorNoticeValue} | ${t.rows} |`,
    '|---|---:|',
  );
  for (const v of unrecognised) lines.push(`| ${mdText(v.value)} | ${v.rows} |`);
  lines.push('');
}

const MAX_LABEL_ROWS = 50;

/** One row per distinct outcome label: the DPO decides per label, not per recording. */
function labelsSection(view: ReportView, lines: string[], lang: 'en' | 'sl'): void {
  const labels = view.labels ?? [];
  if (labels.length === 0) return;
  const t = messages(lang);
  lines.push(
    `### ${t.labels}`,
    '',
    `| ${t.label} | ${t.count} | ${t.category} | ${t.labelConfirmed} |`,
    '|---|---:|---|---|',
  );
  // Masked by the view: labels are CRM free text.
  for (const l of labels.slice(0, MAX_LABEL_ROWS))
    lines.push(
      `| ${mdText(l.label)} | ${l.count} | ${mdText(categoryLabel(lang, l.category))} | ${l.confirmed ? t.yes : t.no} |`,
    );
  if (labels.length > MAX_LABEL_ROWS) lines.push('', `… +${labels.length - MAX_LABEL_ROWS}`);
  lines.push('');
}

/** A short summary for $GITHUB_STEP_SUMMARY, merge-request notes or an e-mail. */
export const markdownReporter: Reporter = {
  name: 'md',
  fileName: 'summary.md',
  render(result, options) {
    const view = viewFor(result, options.redact);
    const t = messages(options.lang);
    const s = view.summary;
    const lines: string[] = [];
    lines.push(
      // "label: count" sidesteps plural forms, of which Slovenian has four.
      `## ${t.title} — ${t.recordings}: ${s.recordings}, ${verdictLabel(options.lang, 'violation')}: ${s.violation}, ${verdictLabel(options.lang, 'review')}: ${s.review}`,
      '',
      `${t.policy}: \`${mdText(view.policy.id)}@${mdText(view.policy.version)}\` (sha256 \`${view.policy.sha256.slice(0, 12)}\`) · ${t.generatedAt}: ${formatTime(options.lang, view.generatedAt, zoneOf(view))} · ${t.tool}: ${view.tool.name} ${view.tool.version}`,
      '',
      `_${catalogue(options.lang).timesIn(zoneOf(view))}_`,
      '',
      `| ${t.verdict} | ${t.recordings} |`,
      '|---|---:|',
    );
    for (const verdict of VERDICT_ORDER)
      lines.push(`| ${verdictLabel(options.lang, verdict)} | ${s[verdict]} |`);
    lines.push(`| **${t.total}** | **${s.recordings}** |`, '');

    const reasons = Object.entries(s.byReason)
      .sort(([a, x], [b, y]) => (y ?? 0) - (x ?? 0) || (a < b ? -1 : 1))
      .slice(0, TOP_REASONS);
    if (reasons.length > 0) {
      lines.push(`### ${t.totalsByReason}`, '', `| ${t.reason} | ${t.recordings} |`, '|---|---:|');
      for (const [reason, count] of reasons)
        lines.push(`| ${mdText(reasonLabel(options.lang, reason))} | ${count} |`);
      lines.push('');
    }
    newFindingsSection(view, lines, options.lang);
    engineSection(result.engine, lines, options.lang);
    labelsSection(view, lines, options.lang);

    const skipped = view.inputs.callLogs.reduce((n, l) => n + l.skippedRows, 0);
    const unreadable = s.byReason.UNREADABLE_FILE ?? 0;
    if (skipped > 0 || unreadable > 0) {
      lines.push(
        `### ${t.inputProblems}`,
        '',
        `- ${t.skippedRows}: ${skipped}`,
        `- ${t.unreadableFiles}: ${unreadable}`,
        '',
      );
    }
    if (options.htmlPath) lines.push(`HTML: \`${mdText(options.htmlPath)}\``, '');
    lines.push(`_${options.redact ? t.redacted : t.notRedacted}_`, '');
    return lines.join('\n');
  },
};
