import type { Message } from '../../audit/messages.js';
import type { ReportLang } from '../reporter.js';
import type { Catalogue, MessageFormat } from './catalogue.js';
import { EN, type UiKey } from './en.js';
import { SL } from './sl.js';

const CATALOGUES: Record<ReportLang, Catalogue<UiKey>> = { en: EN, sl: SL };

export function catalogue(lang: ReportLang): Catalogue<UiKey> {
  return CATALOGUES[lang];
}

interface LocalParts {
  day: string;
  month: string;
  monthName: string;
  year: string;
  hour: string;
  minute: string;
}

// Intl rather than luxon: the HTML table formats an event time per finding, a million at most.
// The parts do not depend on the language, so formats are kept per zone.
const partFormats = new Map<string, Intl.DateTimeFormat>();

function partFormat(zone: string): Intl.DateTimeFormat | null {
  let format = partFormats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      return null; // an unknown zone in an old report: the caller shows the ISO text
    }
    partFormats.set(zone, format);
  }
  return format;
}

function localParts(ms: number, format: Intl.DateTimeFormat): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(ms)) parts[part.type] = part.value;
  const month = Number(parts['month']);
  return {
    day: String(Number(parts['day'])),
    month: String(month),
    monthName: MONTHS[month - 1] ?? String(month),
    year: parts['year'] ?? '',
    hour: parts['hour'] ?? '',
    minute: parts['minute'] ?? '',
  };
}

// formatToParts costs ~13 µs; a report's times fall on far fewer distinct minutes than findings,
// so each minute is formatted once per language, zone and pattern.
const formattedByMinute = new Map<string, Map<number, string>>();
const MAX_CACHED_MINUTES = 100_000;

/** An ISO UTC instant in `zone`, filled into the catalogue's time or date pattern; unreadable: null. */
function formatLocal(
  lang: ReportLang,
  iso: string,
  zone: string,
  pattern: 'timeFormat' | 'dateFormat',
): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const key = `${lang}\u0000${zone}\u0000${pattern}`;
  let cache = formattedByMinute.get(key);
  if (cache === undefined) formattedByMinute.set(key, (cache = new Map()));
  const minute = Math.floor(ms / 60_000);
  const cached = cache.get(minute);
  if (cached !== undefined) return cached;
  const format = partFormat(zone);
  if (format === null) return null;
  const text = fill(CATALOGUES[lang][pattern], localParts(ms, format));
  if (cache.size >= MAX_CACHED_MINUTES) cache.clear();
  cache.set(minute, text);
  return text;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Fills a catalogue's pattern: {d} day, {M} month number, {MMM} month name, {yyyy}, {HH}, {mm}. */
function fill(pattern: string, p: LocalParts): string {
  return pattern.replace(/\{(d|M|MMM|yyyy|HH|mm)\}/g, (_, token: string) =>
    token === 'd'
      ? p.day
      : token === 'M'
        ? p.month
        : token === 'MMM'
          ? p.monthName
          : token === 'yyyy'
            ? p.year
            : token === 'HH'
              ? p.hour
              : p.minute,
  );
}

/** An ISO UTC instant in the audit's zone, in the language's format ("3. 10. 2026 08:45"); anything unreadable as it is. */
export function formatTime(lang: ReportLang, iso: string, zone: string): string {
  return formatLocal(lang, iso, zone, 'timeFormat') ?? iso;
}

/** The calendar day of an ISO UTC instant in the audit's zone ("3. 10. 2026"). */
export function formatDate(lang: ReportLang, iso: string, zone: string): string {
  return formatLocal(lang, iso, zone, 'dateFormat') ?? iso;
}

/** A calendar day as written in report.json ("2026-10-03") in the language's format. */
export function formatDay(lang: ReportLang, day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const month = Number(match[2]);
  return fill(CATALOGUES[lang].dateFormat, {
    day: String(Number(match[3])),
    month: String(month),
    monthName: MONTHS[month - 1] ?? String(month),
    year: match[1]!,
    hour: '',
    minute: '',
  });
}

function formatWith(lang: ReportLang, time: (iso: string) => string): MessageFormat {
  const [open, close] = CATALOGUES[lang].quotes;
  const format: MessageFormat = {
    time: (iso) => (iso === null ? '?' : time(iso)),
    quote: (text) => `${open}${text}${close}`,
    quoted: (texts) => texts.map(format.quote).join(', '),
    message: (message) => renderMessage(lang, message, format),
  };
  return format;
}

/** The format of human reports: times local to `zone`. */
export function localFormat(lang: ReportLang, zone: string): MessageFormat {
  return formatWith(lang, (iso) => formatTime(lang, iso, zone));
}

/**
 * A message in `lang`. An unknown code (a report from a later version) or arguments of the wrong
 * shape (an edited report) show the code, never a stack trace.
 */
export function renderMessage(lang: ReportLang, message: Message, format: MessageFormat): string {
  const render = CATALOGUES[lang].findings[message.code] as
    ((args: unknown, format: MessageFormat) => string) | undefined;
  if (!render) return message.code;
  try {
    return render(message.args, format);
  } catch {
    return message.code;
  }
}

const ISO_ENGLISH = formatWith('en', (iso) => iso);
const english = new WeakMap<Message, string>();

/**
 * The English sentence report.json keeps beside the message for consumers that read
 * `explanation`; times stay ISO UTC as everywhere in report.json. Findings share message objects,
 * so each distinct message is rendered once.
 */
export function englishExplanation(message: Message): string {
  let text = english.get(message);
  if (text === undefined) {
    text = renderMessage('en', message, ISO_ENGLISH);
    english.set(message, text);
  }
  return text;
}
