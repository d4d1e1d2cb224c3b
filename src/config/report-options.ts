import { choiceOf } from '../options/choice-of.js';
import type { RenderOptions, ReportLang } from '../report/reporter.js';
import type { FlagsOf } from '../options/flag-types.js';

/** Flags shared by `audit` and `render` that shape the human-facing reports, from the options model. */
export type ReportFlags = Pick<FlagsOf<'render'>, 'lang' | 'redact'>;

/**
 * Slovenian for Slovenian policy packs, because the report is for a Slovenian inspector;
 * English otherwise. --lang or the config file's `lang` override it.
 */
function defaultLang(policyId: string): ReportLang {
  return policyId.startsWith('si-') ? 'sl' : 'en';
}

export function resolveRenderOptions(
  flags: ReportFlags,
  config: { lang?: string } | undefined,
  policyId: string,
): RenderOptions {
  const lang = choiceOf('lang', flags.lang ?? config?.lang ?? defaultLang(policyId));
  return { lang, redact: flags.redact !== false };
}
