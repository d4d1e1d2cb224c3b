import type { AuditResult } from '../audit/result.js';

export type ReportLang = 'en' | 'sl';
export const REPORT_LANGS: readonly ReportLang[] = ['en', 'sl'];

/** How the human-facing formats (HTML, Markdown, JUnit) are rendered; machine formats ignore it. */
export interface RenderOptions {
  lang: ReportLang;
  /** Mask phone numbers and e-mail addresses (the default); false only with --no-redact. */
  redact: boolean;
  /** Where the HTML report was written, so the Markdown summary can point to it. */
  htmlPath?: string | null;
}

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { lang: 'en', redact: true };

/** A reporter renders the audit result to one file; reporters are pure and never touch the disk. */
export interface Reporter {
  name: string;
  fileName: string;
  /**
   * The report prints the run ID. Others are given a result whose ID is the placeholder, so an
   * audit without report.json or a manifest is never hashed for an ID nobody reads.
   */
  readsRunId?: boolean;
  render(result: AuditResult, options: RenderOptions): string;
  /**
   * The same bytes as `render`, in pieces, for reports too large to hold as one string (a
   * million recordings make a JSON report beyond V8's string limit). Optional.
   */
  chunks?(result: AuditResult, options: RenderOptions): Iterable<string>;
}
