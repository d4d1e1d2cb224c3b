import type { ReportLang } from '../reporter.js';
import { messages } from '../i18n.js';
import { catalogue } from '../messages/render.js';
import { h } from './escape.js';
import { htmlTable } from './html-table.js';
import { LIST_COMPLIANT_UP_TO, type CompliantSummary } from './table-data.js';

/** The section that stands in for the compliant findings a large report's table leaves out. */
export function compliantSummarySection(summary: CompliantSummary, lang: ReportLang): string {
  const t = messages(lang);
  const notes = catalogue(lang).notes;
  const rows = summary.byCategory.map(({ categories, recordings }) => [
    categories === '' ? '—' : `<code>${h(categories)}</code>`,
    String(recordings),
  ]);
  return `<section id="compliant-summary"><h2>${h(notes.compliantSummaryHeading)}</h2><p class="notice">${h(notes.compliantSummary(summary.recordings, LIST_COMPLIANT_UP_TO))}</p>${htmlTable([t.category, t.recordings], rows, [1])}</section>`;
}
