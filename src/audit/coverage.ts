import { DateTime } from 'luxon';

/** A span of time a call log speaks for, ISO UTC, both ends included. */
interface CoverageSpan {
  /** The call-log file, or `--log-period` when declared. */
  source: string;
  from: string;
  to: string;
}

/**
 * What period the call logs cover. `none` when no log has event times and none was declared:
 * then a recording's absence from the logs proves nothing (COVERAGE_UNKNOWN).
 */
export interface Coverage {
  basis: 'declared' | 'event-times' | 'none';
  spans: CoverageSpan[];
}

export const NO_COVERAGE: Coverage = { basis: 'none', spans: [] };

export type CoverageVerdict = 'inside' | 'outside' | 'unknown-time' | 'no-coverage-data';

/**
 * Each log's span of event times, widened to whole local days: exports are cut by date, so a
 * call at 18:00 on the last day of an export is inside it even if that day's last event was at 17:00.
 * A database table read for a period speaks only for the rows it returned: a table that stops
 * partway through the period (or returned nothing) does not cover the rest of it, so its span is
 * its events' span, cut to the period it was read for, never the period itself.
 */
export function coverageFromLogs(
  logs: ReadonlyArray<{
    file: string;
    firstAt: string | null;
    lastAt: string | null;
    period?: { from: string; to: string };
  }>,
  zone: string,
): Coverage {
  const spans: CoverageSpan[] = [];
  for (const log of logs) {
    if (log.firstAt === null || log.lastAt === null) continue;
    const span = {
      source: log.file,
      from: DateTime.fromISO(log.firstAt, { zone }).startOf('day').toUTC().toISO()!,
      to: DateTime.fromISO(log.lastAt, { zone }).endOf('day').toUTC().toISO()!,
    };
    const cut = log.period === undefined ? span : cutTo(span, log.period);
    // Rows all outside their period would be a reader's bug; they prove no span then.
    if (Date.parse(cut.from) <= Date.parse(cut.to)) spans.push(cut);
  }
  return spans.length === 0 ? NO_COVERAGE : { basis: 'event-times', spans };
}

/** A table read for a period holds no rows outside it, so says nothing about the time outside it. */
function cutTo(span: CoverageSpan, period: { from: string; to: string }): CoverageSpan {
  return {
    source: span.source,
    from: Date.parse(period.from) > Date.parse(span.from) ? period.from : span.from,
    to: Date.parse(period.to) < Date.parse(span.to) ? period.to : span.to,
  };
}

export function coverageOf(at: string | null, coverage: Coverage): CoverageVerdict {
  if (coverage.spans.length === 0) return 'no-coverage-data';
  if (at === null) return 'unknown-time';
  const t = Date.parse(at);
  return coverage.spans.some((s) => Date.parse(s.from) <= t && t <= Date.parse(s.to)) ? 'inside' : 'outside';
}

/** Where a recording lies for the coverage rule; `mtime-only`: dated only by its modification time. */
export type CoveragePlace = CoverageVerdict | 'mtime-only';

/**
 * Whether the recording demonstrably lies inside (or outside) the logs' coverage. A modification
 * time only bounds the call's start from above (copies move it later, never earlier), so it can
 * prove a call lies before every span, never that it lies inside one: that is `mtime-only`.
 */
export function placeInCoverage(
  recording: { startedAt: string | null; timeSource?: string | null },
  coverage: Coverage,
): CoveragePlace {
  const place = coverageOf(recording.startedAt, coverage);
  if (recording.timeSource !== 'mtime' || (place !== 'inside' && place !== 'outside')) return place;
  const latestStart = Date.parse(recording.startedAt!);
  return coverage.spans.every((s) => latestStart < Date.parse(s.from)) ? 'outside' : 'mtime-only';
}
