import type { Verdict } from '../audit/types.js';
import type { UiKey } from './messages/en.js';
import { catalogue } from './messages/render.js';
import type { ReportLang } from './reporter.js';

export type Messages = Record<UiKey, string>;

/** The interface texts of a report in `lang`. */
export function messages(lang: ReportLang): Messages {
  return catalogue(lang).ui;
}

export function verdictLabel(lang: ReportLang, verdict: string): string {
  return catalogue(lang).verdicts[verdict as Verdict] ?? verdict;
}

/** The reason code with a short description; codes stay in the text because they are stable. */
export function reasonLabel(lang: ReportLang, reason: string): string {
  const description = catalogue(lang).reasons[reason as keyof ReturnType<typeof catalogue>['reasons']];
  return description ? `${reason} — ${description}` : reason;
}

/** The category code with its name in `lang` beside it: codes stay, as in the machine outputs. */
export function categoryLabel(lang: ReportLang, category: string): string {
  const name = catalogue(lang).categories[category as keyof ReturnType<typeof catalogue>['categories']];
  // English names that only spell out the code ("order change") would repeat it.
  return name && name !== category.replace(/_/g, ' ') ? `${name} (${category})` : category;
}

export function reasonDescriptions(lang: ReportLang): Readonly<Record<string, string>> {
  return catalogue(lang).reasons;
}

export function verdictLabels(lang: ReportLang): Record<Verdict, string> {
  return catalogue(lang).verdicts;
}
