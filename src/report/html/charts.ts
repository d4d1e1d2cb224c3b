import { h } from './escape.js';
import type { Bucket, TimeColumn } from './time-axis.js';

export const VERDICT_COLOURS: Record<string, string> = {
  violation: '#c0392b',
  review: '#d68910',
  hold: '#2e86c1',
  compliant: '#239b56',
};

export interface Bar {
  label: string;
  value: number;
  colour: string;
}

/** Horizontal bars with the label on the left and the count on the right; inline SVG, no script. */
export function barChart(title: string, bars: readonly Bar[]): string {
  const rowHeight = 24;
  const width = 560;
  const labelWidth = 260;
  const barSpace = width - labelWidth - 60;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * rowHeight + 8;
  const rows = bars.map((bar, i) => {
    const y = i * rowHeight + 4;
    const length = Math.round((bar.value / max) * barSpace);
    return (
      `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end" font-size="12">${h(bar.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${length}" height="16" fill="${bar.colour}"/>` +
      `<text x="${labelWidth + length + 6}" y="${y + 15}" font-size="12">${bar.value}</text>`
    );
  });
  return `<svg class="chart" role="img" aria-label="${h(title)}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title>${h(title)}</title>${rows.join('')}</svg>`;
}

/** An axis label: months as YYYY-MM; days and weeks as MM-DD, with the year on the first label and at a new year. */
function axisLabel(day: string, bucket: Bucket, previous: string | null): string {
  if (bucket === 'month') return day.slice(0, 7);
  return previous === null || previous.slice(0, 4) !== day.slice(0, 4) ? day : day.slice(5);
}

/**
 * Columns per day, week or month (the first day of each is `day`), stacked by verdict in the order
 * given; labels thinned to stay legible.
 */
export function stackedDayChart(
  title: string,
  days: readonly TimeColumn[],
  order: readonly string[],
  bucket: Bucket = 'day',
  label: (verdict: string) => string = (verdict) => verdict,
): string {
  const height = 200;
  const plotTop = 10;
  const plotHeight = 150;
  const left = 40;
  const step = Math.max(3, Math.min(40, Math.floor(900 / Math.max(1, days.length))));
  // A fixed minimum width keeps a short period from being scaled up to a wall of colour.
  const width = Math.max(900, left + days.length * step + 10);
  const max = Math.max(1, ...days.map((d) => order.reduce((n, v) => n + (d.counts[v] ?? 0), 0)));
  const labelEvery = Math.ceil(days.length / 12);
  let previousLabel: string | null = null;
  const parts: string[] = [
    `<line x1="${left}" y1="${plotTop + plotHeight}" x2="${width}" y2="${plotTop + plotHeight}" stroke="#999"/>`,
    `<text x="${left - 4}" y="${plotTop + 10}" text-anchor="end" font-size="11">${max}</text>`,
    `<text x="${left - 4}" y="${plotTop + plotHeight}" text-anchor="end" font-size="11">0</text>`,
  ];
  days.forEach((d, i) => {
    const x = left + i * step + 1;
    let y = plotTop + plotHeight;
    for (const verdict of order) {
      const n = d.counts[verdict] ?? 0;
      if (n === 0) continue;
      const barHeight = (n / max) * plotHeight;
      y -= barHeight;
      parts.push(
        `<rect x="${x}" y="${y.toFixed(1)}" width="${step - 2}" height="${barHeight.toFixed(1)}" fill="${VERDICT_COLOURS[verdict] ?? '#888'}"><title>${h(`${d.day} ${label(verdict)}: ${n}`)}</title></rect>`,
      );
    }
    if (i % labelEvery === 0) {
      parts.push(
        `<text x="${x}" y="${plotTop + plotHeight + 16}" font-size="10">${h(axisLabel(d.day, bucket, previousLabel))}</text>`,
      );
      previousLabel = d.day;
    }
  });
  return `<svg class="chart" role="img" aria-label="${h(title)}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title>${h(title)}</title>${parts.join('')}</svg>`;
}
