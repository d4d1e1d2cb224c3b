import { createHash } from 'node:crypto';
import { messages } from '../i18n.js';
import { formatTime } from '../messages/render.js';
import type { RenderOptions, Reporter } from '../reporter.js';
import type { AuditResult } from '../../audit/result.js';
import { viewFor } from '../redacted-view.js';
import { citationTexts } from './citations.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { h } from './escape.js';
import { frontPage } from './front-page.js';
import { STYLES } from './styles.js';
import { zoneOf } from '../finding-text.js';
import { compliantSummarySection } from './compliant-summary.js';
import { recordingDay, tableDataChunks, tableSelection } from './table-data.js';

const sha256Base64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * No network at all: nothing may be fetched, connected to or submitted, and only this file's own
 * script and stylesheet (pinned by hash) may run. The data block is JSON, which CSP never executes.
 */
function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${sha256Base64(script)}'`,
    `style-src 'sha256-${sha256Base64(style)}'`,
    'img-src data:',
    "connect-src 'none'",
    "font-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** One self-contained HTML file for a DPO to hand to an inspector; works offline. */
export const htmlReporter: Reporter = {
  name: 'html',
  fileName: 'report.html',
  // The front page names the run, so the signed printout and the deletion log cite the same audit.
  readsRunId: true,
  render: (result, options) => [...htmlChunks(result, options)].join(''),
  chunks: htmlChunks,
};

/** The page around the findings' data, which is streamed: it is most of a large report. */
function* htmlChunks(result: AuditResult, options: RenderOptions): Iterable<string> {
  const view = viewFor(result, options.redact);
  const t = messages(options.lang);
  const zone = zoneOf(view);
  // Computed once for the period, the per-day chart and the table.
  const days = view.unmasked.map((f) => recordingDay(f, zone));
  const selection = tableSelection(view.unmasked);
  const summary = selection.compliantSummary;
  const tableRows = selection.listed?.length ?? view.summary.recordings;
  yield `<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(CLIENT_SCRIPT, STYLES)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(`${t.title} — ${formatTime(options.lang, view.generatedAt, zone)}`)}</title>
<style>${STYLES}</style>
</head>
<body>
${frontPage(view, days, options.lang, options.redact)}
<section id="findings-section">
${summary ? `${compliantSummarySection(summary, options.lang)}\n` : ''}<h2>${h(t.findings)} (<span id="shown-count">${tableRows}</span> ${h(t.of)} <span data-total="table">${tableRows}</span>)</h2>
<noscript><p class="notice">${h(t.noScript)}</p></noscript>
<div id="findings-ui" hidden>
<div class="controls">
<select id="filter-verdict" aria-label="${h(t.verdict)}"></select>
<select id="filter-reason" aria-label="${h(t.reason)}"></select>
<select id="filter-category" aria-label="${h(t.category)}"></select>
<input id="search" type="search" placeholder="${h(t.search)}" aria-label="${h(t.search)}">
</div>
<table id="findings"><thead><tr></tr></thead><tbody></tbody></table>
<div id="pager" class="controls"><button id="prev" type="button">${h(t.previous)}</button><span id="page-label"></span><button id="next" type="button">${h(t.next)}</button></div>
</div>
</section>
<script type="application/json" id="report-data">`;
  yield* tableDataChunks(view, days, options.lang, citationTexts(result, options.lang), selection);
  yield `</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
