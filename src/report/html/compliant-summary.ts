import type { ReportLang } from '../reporter.js';
import { messages } from '../i18n.js';
import { h } from './escape.js';
import { htmlTable } from './html-table.js';
import { LIST_COMPLIANT_UP_TO, type CompliantSummary } from './table-data.js';

// Kept apart from i18n.ts: its messages go into every report's data block, and these texts
// appear only in reports too large to list every compliant finding.
const TEXT: Record<ReportLang, { heading: string; body: (recordings: number) => string }> = {
  en: {
    heading: 'Compliant recordings, summarised',
    body: (n) =>
      `${n} compliant recordings are not listed one by one in the findings table below: the audit has more than ${LIST_COMPLIANT_UP_TO} findings, and the table lists every violation, review and hold. findings.csv and report.json list every recording.`,
  },
  sl: {
    heading: 'Skladni posnetki, povzetek',
    body: (n) =>
      `Skladni posnetki (${n}) v spodnji tabeli ugotovitev niso navedeni posamično: revizija ima več kot ${LIST_COMPLIANT_UP_TO} ugotovitev, tabela pa navaja vse kršitve, posnetke za pregled in zadržane posnetke. Vse posnetke navajata findings.csv in report.json.`,
  },
};

/** The section that stands in for the compliant findings a large report's table leaves out. */
export function compliantSummarySection(summary: CompliantSummary, lang: ReportLang): string {
  const t = messages(lang);
  const text = TEXT[lang];
  const rows = summary.byCategory.map(({ categories, recordings }) => [
    categories === '' ? '—' : `<code>${h(categories)}</code>`,
    String(recordings),
  ]);
  return `<section id="compliant-summary"><h2>${h(text.heading)}</h2><p class="notice">${h(text.body(summary.recordings))}</p>${htmlTable([t.category, t.recordings], rows, [1])}</section>`;
}
