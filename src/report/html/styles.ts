/** The report's only stylesheet, inlined and allowed by its hash in the Content-Security-Policy. */
export const STYLES = `
:root { --violation: #c0392b; --review: #d68910; --hold: #2e86c1; --compliant: #239b56; --ink: #1c2833; --muted: #5d6d7e; --line: #d5d8dc; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; padding: 24px; max-width: 1200px; margin-inline: auto; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.subtitle, .muted { color: var(--muted); }
.notice { padding: 8px 12px; border-radius: 4px; margin: 8px 0; background: #eaf2f8; }
.notice.warning { background: #fdebd0; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
.nowrap, code.nowrap { white-space: nowrap; overflow-wrap: normal; }
code.hash { word-break: break-all; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
.chart { width: 100%; height: auto; max-height: 320px; }
.legend span { margin-right: 12px; } .swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
.sw-violation { background: var(--violation); } .sw-review { background: var(--review); } .sw-hold { background: var(--hold); } .sw-compliant { background: var(--compliant); }
.controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
.controls input[type=search] { flex: 1 1 240px; padding: 4px 8px; }
#findings th { user-select: none; white-space: nowrap; }
#findings th button.sort { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
#findings button.expander { font: inherit; background: none; border: 1px solid var(--line); border-radius: 3px; width: 22px; padding: 0; cursor: pointer; }
:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
#findings tbody tr.row:focus-within { background: #eef4fb; }
#findings th[aria-sort=ascending]::after { content: " ▲"; } #findings th[aria-sort=descending]::after { content: " ▼"; }
#findings tbody tr.row { cursor: pointer; } #findings tbody tr.row:hover { background: #f4f6f7; }
#findings tr.detail td { background: #fbfcfc; }
.verdict-violation { color: var(--violation); font-weight: 600; } .verdict-review { color: var(--review); font-weight: 600; }
.verdict-hold { color: var(--hold); } .verdict-compliant { color: var(--compliant); }
#findings td.new { color: var(--violation); font-weight: 600; }
.citation { margin: 6px 0; } .citation .status { font-size: 11px; }
#decision { border: 2px solid var(--ink); border-radius: 6px; padding: 4px 16px 8px; margin-top: 12px; }
#decision h2 { border: 0; margin-top: 8px; }
.decision-counts { font-size: 20px; margin: 4px 0 8px; }
.decision-grid { display: grid; grid-template-columns: 2fr 1fr; gap: 16px; }
.decision-grid td:first-child { white-space: nowrap; font-weight: 600; }
.chart-scroll { overflow-x: auto; }
.lang-switch { font-size: 12px; margin: 4px 0; }
.print-only { display: none; }
/* Print: the front page as a one- or two-page summary to sign; everything interactive and the detail stay on screen. */
@media print {
  @page { size: A4; margin: 15mm; }
  body { padding: 0; max-width: none; font-size: 11px; }
  h1 { font-size: 18px; } h2 { font-size: 14px; margin: 12px 0 4px; } code, .mono { font-size: 10px; }
  .detail, #findings-section, .controls, #pager, .lang-switch, noscript, #findings button.expander { display: none !important; }
  .print-only { display: block; }
  #decision { break-inside: avoid; }
  .decision-counts { font-size: 15px; }
  .notice { background: none; border: 1px solid var(--line); padding: 4px 8px; }
  #signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; margin-top: 24px; break-inside: avoid; }
  .signature p { margin: 14px 0; }
  a { color: inherit; text-decoration: none; }
}
`;
