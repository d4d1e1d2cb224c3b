import { CallauditError } from '../errors.js';
import { REPORT_LANGS, type RenderOptions, type ReportLang } from '../report/reporter.js';

/** Flags shared by `audit` and `render` that shape the human-facing reports. */
export interface ReportFlags {
  lang?: string;
  /** commander's --no-redact sets this to false. */
  redact?: boolean;
}

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
  const lang = flags.lang ?? config?.lang ?? defaultLang(policyId);
  if (!(REPORT_LANGS as readonly string[]).includes(lang)) {
    throw new CallauditError('BAD_FLAG', `--lang must be one of ${REPORT_LANGS.join(', ')}, not "${lang}"`);
  }
  return { lang: lang as ReportLang, redact: flags.redact !== false };
}
