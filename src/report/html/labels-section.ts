import { categoryLabel, messages } from '../i18n.js';
import type { ReportView } from '../redacted-view.js';
import type { ReportLang } from '../reporter.js';
import { h } from './escape.js';
import { htmlTable, MAX_LIST_ROWS, moreRows } from './html-table.js';

/** Every distinct outcome label with its count, category and confirmation: one decision per label. */
export function labelsSection(view: ReportView, lang: ReportLang): string {
  const labels = view.labels ?? [];
  if (labels.length === 0) return '';
  const t = messages(lang);
  // The view masked the labels already: they are CRM free text.
  const rows = labels
    .slice(0, MAX_LIST_ROWS)
    .map((l) => [h(l.label), h(l.count), h(categoryLabel(lang, l.category)), h(l.confirmed ? t.yes : t.no)]);
  return (
    `<h2>${h(t.labels)}</h2>` +
    htmlTable([t.label, t.count, t.category, t.labelConfirmed], rows, [1]) +
    moreRows(labels.length)
  );
}
