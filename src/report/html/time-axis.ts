/**
 * The per-day chart's time axis: the bucket size follows the span of the bulk of the recordings,
 * and a few recordings far outside that bulk (a stray 1970 mtime, a clock set to 2099) are counted
 * in a note instead of stretching the axis into years of empty space.
 */

export type Bucket = 'day' | 'week' | 'month';

export interface TimeColumn {
  /** First day of the bucket, YYYY-MM-DD. */
  day: string;
  counts: Record<string, number>;
}

export interface Outliers {
  count: number;
  /** Earliest and latest day of the recordings left out. */
  first: string;
  last: string;
}

export interface TimeAxis {
  bucket: Bucket;
  columns: TimeColumn[];
  /** Recordings before the plotted range, then after it; null when there are none. */
  before: Outliers | null;
  after: Outliers | null;
}

const DAY_MS = 86_400_000;
/** Up to about three months per day, up to two years per week, beyond that per month. */
const MAX_DAYS_BY_DAY = 92;
const MAX_DAYS_BY_WEEK = 731;
/**
 * A recording is an outlier when it lies more than three interquartile ranges (and at least a month)
 * outside the middle half of the recordings: a year of steady recordings has no outliers, a
 * forgotten file from 2019 next to a month of 2026 has one.
 */
const FENCE_IQRS = 3;
const MIN_FENCE_DAYS = 31;

const dayNumber = (day: string): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayText = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The first day of the bucket a day falls in; weeks start on Monday (ISO 8601). */
function bucketStart(n: number, bucket: Bucket): number {
  if (bucket === 'day') return n;
  if (bucket === 'week') return n - ((new Date(n * DAY_MS).getUTCDay() + 6) % 7);
  const d = new Date(n * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS);
}

function nextBucket(n: number, bucket: Bucket): number {
  if (bucket === 'day') return n + 1;
  if (bucket === 'week') return n + 7;
  const d = new Date(n * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS);
}

/** The value at quantile q of sorted day numbers weighted by their counts. */
function quantile(sorted: ReadonlyArray<readonly [number, number]>, total: number, q: number): number {
  const rank = q * (total - 1);
  let seen = 0;
  for (const [day, n] of sorted) {
    seen += n;
    if (seen > rank) return day;
  }
  return sorted[sorted.length - 1]![0];
}

function outliersOf(days: ReadonlyArray<readonly [number, number]>): Outliers | null {
  if (days.length === 0) return null;
  return {
    count: days.reduce((sum, [, n]) => sum + n, 0),
    first: dayText(days[0]![0]),
    last: dayText(days[days.length - 1]![0]),
  };
}

/**
 * Counts per verdict per bucket, every bucket between the first and last plotted one included so
 * gaps show as gaps. `perDay` maps YYYY-MM-DD to counts per verdict; days that do not parse are
 * ignored.
 */
export function timeAxis(perDay: ReadonlyMap<string, Record<string, number>>): TimeAxis {
  const totals: Array<[number, number]> = [];
  for (const [day, counts] of perDay) {
    const n = dayNumber(day);
    if (Number.isFinite(n)) totals.push([n, Object.values(counts).reduce((a, b) => a + b, 0)]);
  }
  totals.sort((a, b) => a[0] - b[0]);
  if (totals.length === 0) return { bucket: 'day', columns: [], before: null, after: null };
  const total = totals.reduce((sum, [, n]) => sum + n, 0);
  const q1 = quantile(totals, total, 0.25);
  const q3 = quantile(totals, total, 0.75);
  const fence = Math.max(FENCE_IQRS * (q3 - q1), MIN_FENCE_DAYS);
  const low = q1 - fence;
  const high = q3 + fence;
  const plotted = totals.filter(([n]) => n >= low && n <= high);
  const first = plotted[0]![0];
  const last = plotted[plotted.length - 1]![0];
  const span = last - first + 1;
  const bucket: Bucket = span <= MAX_DAYS_BY_DAY ? 'day' : span <= MAX_DAYS_BY_WEEK ? 'week' : 'month';

  const byBucket = new Map<number, Record<string, number>>();
  for (const [day, counts] of perDay) {
    const n = dayNumber(day);
    if (!(n >= first && n <= last)) continue;
    const start = bucketStart(n, bucket);
    const sum = byBucket.get(start) ?? {};
    for (const [verdict, count] of Object.entries(counts)) sum[verdict] = (sum[verdict] ?? 0) + count;
    byBucket.set(start, sum);
  }
  const columns: TimeColumn[] = [];
  for (let n = bucketStart(first, bucket); n <= last; n = nextBucket(n, bucket))
    columns.push({ day: dayText(n), counts: byBucket.get(n) ?? {} });
  return {
    bucket,
    columns,
    before: outliersOf(totals.filter(([n]) => n < low)),
    after: outliersOf(totals.filter(([n]) => n > high)),
  };
}
