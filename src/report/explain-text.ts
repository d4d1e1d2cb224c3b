import type { Explanation } from '../audit/explain.js';
import { describePart } from '../labels/render-labels.js';

const MATCHED_BY: Record<string, string> = {
  'outcome-map': 'outcome-map entry',
  vocabulary: 'vocabulary phrase',
  negation: 'negated qualifying phrase',
  tie: 'tie between phrases',
  topic: 'qualifying word only as the topic',
  none: 'nothing matched',
};

function windowLine(window: Explanation['window']): string {
  if (!window) return '  window      no call time: every event counts';
  if (window.from === null)
    return (
      `  window      events up to ${window.to} count (${window.maxEventLagHours} h after the file's modification time; ` +
      'the call started at or before it, as a copy, restore or conversion only moves it later, so no event is too early)'
    );
  return `  window      events from ${window.from} to ${window.to} count (1 h before, ${window.maxEventLagHours} h after)`;
}

/** Why a recording without a call-log row is or is not judged by that absence. */
const COVERAGE_NOTE: Record<string, string> = {
  'no-coverage-data': ": the logs' period is unknown (give --time-column or --log-period)",
  'unknown-time': ": the recording's time is unknown",
  'mtime-only':
    ": dated only by its modification time, the call may have started before the logs' period, so its absence from them proves nothing",
};

/** `callaudit explain` for a human: the chain from file to verdict and legal text. */
export function renderExplanation(
  x: Explanation,
  policy: { id: string; version: string; sha256: string },
): string {
  const r = x.recording;
  const lines: string[] = [];
  lines.push(`Recording ${r.root}/${r.path}`);
  lines.push(`  call ID     ${r.callId ?? '(none)'} — ${r.idRule}`);
  lines.push(`  time        ${r.startedAt ?? 'unknown'}${r.timeSource ? ` (from ${r.timeSource})` : ''}`);
  if (r.problems.length > 0) lines.push(`  problems    ${r.problems.map((p) => p.message).join('; ')}`);
  lines.push(windowLine(x.window));
  lines.push(
    `  coverage    ${x.coverage.recording} (basis: ${x.coverage.basis})${COVERAGE_NOTE[x.coverage.recording] ?? ''}`,
  );
  lines.push('');
  lines.push(`Candidate events (${x.events.length}):`);
  if (x.events.length === 0) lines.push('  none: no call-log row carries this call ID');
  for (const e of x.events) {
    const how = `${MATCHED_BY[e.matchedBy] ?? e.matchedBy}${e.term ? ` "${e.term}"` : ''}`;
    lines.push(`  ${e.file}:${e.line}  "${e.outcome}" → ${e.category} (${how}), qualifies: ${e.qualifies}`);
    lines.push(
      `      at ${e.at ?? 'unknown'}, ${e.window === 'unknown-time' ? 'counts (time unknown)' : `${e.window} the window`}`,
    );
    if (e.parts.length > 1 || e.parts.some((p) => p.negations.length > 0 || p.topic !== null))
      for (const part of e.parts) lines.push(`      part ${describePart(part)}`);
    if (e.confirmed) lines.push('      confirmed in the outcome map');
    if (e.notice !== null) lines.push(`      prior notice: ${e.notice}`);
    if (e.purpose !== null) lines.push(`      stated purpose: "${e.purpose}" → ${e.purposeCategory}`);
  }
  for (const [label, holds] of [
    ['Active holds', x.holds.active],
    ['Ended holds', x.holds.expired],
  ] as const) {
    if (holds.length === 0) continue;
    lines.push('');
    lines.push(`${label}:`);
    for (const h of holds)
      lines.push(
        `  ${h.id}  ${h.type} ${h.scope}=${h.value}  ${h.reference}: ${h.reason}  until ${h.until ?? h.period ?? 'further notice'}`,
      );
  }
  lines.push('');
  lines.push('Rules, in order of precedence:');
  for (const rule of x.rules) {
    const result = rule.verdict ? `${rule.status} → ${rule.verdict} / ${rule.reason}` : rule.status;
    lines.push(`  ${String(rule.order).padStart(2)}. ${rule.rule.padEnd(20)} ${result}`);
  }
  lines.push('');
  lines.push(`Verdict: ${x.verdict} / ${x.reason}${x.deleteBy ? ` (delete by ${x.deleteBy})` : ''}`);
  lines.push(`  ${x.explanation}`);
  lines.push('');
  lines.push(`Legal basis (policy ${policy.id}@${policy.version}, sha256 ${policy.sha256.slice(0, 12)}…):`);
  for (const c of x.legalBasis) {
    lines.push(`  ${c.id}${c.status === 'confirmed' ? '' : ` [${c.status.toUpperCase()}]`}`);
    lines.push(`    SL: ${c.textSl}`);
    lines.push(`    EN: ${c.textEn}`);
  }
  return `${lines.join('\n')}\n`;
}
