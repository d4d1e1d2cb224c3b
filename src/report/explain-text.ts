import type { Explanation } from '../audit/explain.js';
import { describePart } from '../labels/render-labels.js';
import { categoryLabel, reasonLabel, verdictLabel } from './i18n.js';
import { catalogue, formatTime, localFormat, renderMessage } from './messages/render.js';
import type { ReportLang } from './reporter.js';

/** A label padded to the column the values start in. */
const field = (label: string) => `  ${label.padEnd(11)} `;

/**
 * `callaudit explain` for a human: the chain from file to verdict and legal text, in `lang`, times
 * in the audit's `zone` (named once at the top).
 */
export function renderExplanation(
  x: Explanation,
  policy: { id: string; version: string; sha256: string },
  lang: ReportLang,
  zone: string,
): string {
  const c = catalogue(lang);
  const e = c.explain;
  const time = (iso: string | null) => (iso === null ? e.unknown : formatTime(lang, iso, zone));
  const r = x.recording;
  const lines: string[] = [];
  lines.push(`${e.recording} ${r.root}/${r.path}`);
  lines.push(`${field(e.callId)}${r.callId ?? e.none} — ${r.idRule}`);
  lines.push(
    `${field(e.time)}${time(r.startedAt)}${r.timeSource ? ` ${e.timeFrom(c.sources[r.timeSource] ?? r.timeSource)}` : ''}`,
  );
  lines.push(`  ${c.timesIn(zone)}`);
  if (r.problems.length > 0)
    lines.push(
      `${field(e.problems)}${r.problems.map((p) => `${c.problems[p.code] ?? p.code} (${p.message})`).join('; ')}`,
    );
  const w = x.window;
  lines.push(
    `${field(e.window)}${
      !w
        ? e.noWindow
        : w.from === null
          ? e.windowMtime(time(w.to), w.maxEventLagHours)
          : e.windowBoth(time(w.from), time(w.to), w.maxEventLagHours)
    }`,
  );
  const place = x.coverage.recording;
  lines.push(
    `${field(e.coverage)}${e.coveragePlaces[place] ?? place} (${e.basis}: ${e.coverageBases[x.coverage.basis] ?? x.coverage.basis})${e.coverageNotes[place] ?? ''}`,
  );
  lines.push('');
  lines.push(e.candidates(x.events.length));
  if (x.events.length === 0) lines.push(`  ${e.noCandidates}`);
  const quote = localFormat(lang, zone).quote;
  for (const ev of x.events) {
    const how = `${c.matchedBy[ev.matchedBy] ?? ev.matchedBy}${ev.term ? ` ${quote(ev.term)}` : ''}`;
    lines.push(
      `  ${ev.file}:${ev.line}  ${quote(ev.outcome)} → ${categoryLabel(lang, ev.category)} (${how}), ${e.qualifiesLabel}: ${e.qualifies[ev.qualifies] ?? ev.qualifies}`,
    );
    lines.push(`      ${e.eventAt(time(ev.at), e.windowPlaces[ev.window] ?? ev.window)}`);
    if (ev.parts.length > 1 || ev.parts.some((p) => p.negations.length > 0 || p.topic !== null))
      for (const part of ev.parts) lines.push(`      part ${describePart(part)}`);
    if (ev.confirmed) lines.push(`      ${e.confirmedInMap}`);
    if (ev.notice !== null) lines.push(`      ${e.priorNotice}: ${e.notices[ev.notice] ?? ev.notice}`);
    if (ev.purpose !== null)
      lines.push(
        `      ${e.statedPurpose}: ${quote(ev.purpose)} → ${ev.purposeCategory === null ? '' : categoryLabel(lang, ev.purposeCategory)}`,
      );
  }
  for (const [label, holds] of [
    [e.activeHolds, x.holds.active],
    [e.endedHolds, x.holds.expired],
  ] as const) {
    if (holds.length === 0) continue;
    lines.push('');
    lines.push(`${label}:`);
    for (const h of holds)
      lines.push(
        `  ${h.id}  ${c.holdTypes[h.type] ?? h.type} ${h.scope}=${h.value}  ${h.reference}: ${h.reason}  ${e.until} ${h.until ? time(h.until) : (h.period ?? e.furtherNotice)}`,
      );
  }
  lines.push('');
  lines.push(e.rulesHeading);
  for (const rule of x.rules) {
    const status = e.statuses[rule.status] ?? rule.status;
    const result = rule.verdict ? `${status} → ${rule.verdict} / ${rule.reason}` : status;
    lines.push(`  ${String(rule.order).padStart(2)}. ${rule.rule.padEnd(20)} ${result}`);
    const description = c.rules[rule.rule];
    if (description) lines.push(`      ${description}`);
  }
  lines.push('');
  lines.push(
    `${e.verdict}: ${x.verdict} / ${x.reason}${x.deleteBy ? ` (${e.deleteBy} ${time(x.deleteBy)})` : ''}`,
  );
  lines.push(`  ${verdictLabel(lang, x.verdict)}; ${reasonLabel(lang, x.reason)}`);
  lines.push(`  ${renderMessage(lang, x.message, localFormat(lang, zone))}`);
  lines.push('');
  lines.push(e.legalBasis(`${policy.id}@${policy.version}`, policy.sha256.slice(0, 12)));
  for (const cit of x.legalBasis) {
    const status = e.citationStatus[cit.status] ?? cit.status;
    lines.push(`  ${cit.id}${status ? ` [${status}]` : ''}`);
    lines.push(`    SL: ${cit.textSl}`);
    lines.push(`    EN: ${cit.textEn}`);
  }
  return `${lines.join('\n')}\n`;
}
