import type { AuditResult } from '../../audit/result.js';
import { loadBuiltinPack } from '../../policy/load-pack.js';
import type { Citation, CitationStatus } from '../../policy/types.js';
import type { ReportLang } from '../reporter.js';

export interface CitationText {
  text: string;
  status: CitationStatus;
  source: string;
}

function isCitation(value: unknown): value is Citation {
  const c = value as Citation;
  return typeof c === 'object' && c !== null && typeof c.textEn === 'string' && typeof c.textSl === 'string';
}

/**
 * The legal texts the findings cite, in the report's language. A result that carries its own
 * citations (added by the policy engine) wins; otherwise the built-in pack of the same id and
 * version is used, so a report re-rendered from an old JSON never shows another version's text.
 */
export function citationTexts(result: AuditResult, lang: ReportLang): Record<string, CitationText> {
  let source: Record<string, unknown> = {};
  const carried = (result as unknown as { citations?: unknown }).citations;
  if (carried && typeof carried === 'object') {
    source = Array.isArray(carried)
      ? Object.fromEntries(carried.filter(isCitation).map((c) => [c.id, c]))
      : (carried as Record<string, unknown>);
  } else {
    try {
      const pack = loadBuiltinPack(result.policy.id);
      if (pack.version === result.policy.version) source = pack.citations;
    } catch {
      // A pack this build does not ship: the front page says the text is missing.
    }
  }
  const texts: Record<string, CitationText> = {};
  for (const [id, c] of Object.entries(source)) {
    if (!isCitation(c)) continue;
    texts[id] = { text: lang === 'sl' ? c.textSl : c.textEn, status: c.status, source: c.source };
  }
  return texts;
}
