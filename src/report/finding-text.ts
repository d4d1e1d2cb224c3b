import type { AuditResult } from '../audit/result.js';
import type { Finding } from '../audit/types.js';
import { localFormat, renderMessage } from './messages/render.js';
import type { ReportView } from './redacted-view.js';
import type { ReportLang } from './reporter.js';

/** The audit's zone (--timezone) as report.json records it; UTC for reports that lack it. */
export function zoneOf(result: Pick<AuditResult, 'settings'>): string {
  const zone = result.settings['timezone'];
  return typeof zone === 'string' ? zone : 'UTC';
}

/**
 * Renders each finding's message in `lang`, times in `zone`, with the free text in its arguments
 * (outcome labels, hold references) masked as the view masks. Findings share message objects, so
 * each distinct message is masked and rendered once.
 */
export function findingText(view: ReportView, lang: ReportLang, zone: string): (f: Finding) => string {
  const format = localFormat(lang, zone);
  const rendered = new Map<Finding['message'], string>();
  return (f) => {
    let text = rendered.get(f.message);
    if (text === undefined) {
      text = renderMessage(lang, view.field(f, 'message'), format);
      if (rendered.size >= 100_000) rendered.clear();
      rendered.set(f.message, text);
    }
    return text;
  };
}
