import type { LabelPart } from '../audit/types.js';
import { csvLine } from '../report/csv-cell.js';
import type { LabelReading } from './label-readings.js';

export const LABEL_FORMATS = ['text', 'json', 'csv'] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];

/** `"reklamacija" → complaint [vocabulary] ← reklamacij (complaint)` and what else the part held. */
export function describePart(part: LabelPart): string {
  const found = part.matches.map((m) => `${m.phrase} (${m.category})`).join(', ');
  const extras = [
    part.negations.length > 0 ? `negations: ${part.negations.join(', ')}` : '',
    part.topic !== null ? `topic marker: ${part.topic}` : '',
  ].filter(Boolean);
  return `"${part.text}" → ${part.category} [${part.matchedBy}]${found ? ` ← ${found}` : ''}${extras.length > 0 ? `; ${extras.join('; ')}` : ''}`;
}

function mapState(reading: LabelReading): string {
  if (!reading.mapped) return 'not in the outcome map';
  return reading.confirmed ? 'confirmed in the outcome map' : 'in the outcome map, not confirmed';
}

export function renderLabelsText(readings: readonly LabelReading[], rows: number): string {
  const lines = [`${readings.length} distinct outcome label(s) in ${rows} call-log row(s):`, ''];
  for (const r of readings) {
    lines.push(
      `${String(r.count).padStart(7)}  ${JSON.stringify(r.label)} → ${r.category} (qualifies: ${r.qualifies}; ${mapState(r)})`,
    );
    for (const part of r.parts) lines.push(`           part ${describePart(part)}`);
  }
  lines.push(
    '',
    'Write a draft outcome map with --write-map <file>; the DPO corrects it and sets confirmed=yes per row.',
  );
  return `${lines.join('\n')}\n`;
}

export function renderLabelsJson(readings: readonly LabelReading[], rows: number): string {
  return `${JSON.stringify({ rows, labels: readings }, null, 2)}\n`;
}

const CSV_HEADER = ['label', 'count', 'category', 'qualifies', 'matched_by', 'term', 'confirmed', 'parts'];

export function renderLabelsCsv(readings: readonly LabelReading[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of readings) {
    lines.push(
      csvLine(
        [
          r.label,
          r.count,
          r.category,
          r.qualifies,
          r.matchedBy,
          r.term,
          r.confirmed ? 'yes' : 'no',
          r.parts.map(describePart).join(' | '),
        ],
        { neutralise: true },
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A draft outcome map (label,category,count,confirmed,note) for the DPO to correct and sign.
 * A qualifying word that is only the topic is written as `unknown`, so that loading the draft
 * unchanged can never turn a review into a kept or a deleted recording.
 */
export function renderDraftMap(readings: readonly LabelReading[]): string {
  const lines = ['label,category,count,confirmed,note'];
  for (const r of readings) {
    const topicOnly = r.matchedBy === 'topic';
    const note = topicOnly
      ? `only the topic of the call: ${r.category} (${r.term ?? ''}); decide the category`
      : r.parts.map(describePart).join(' | ');
    lines.push(
      csvLine([r.label, topicOnly ? 'unknown' : r.category, r.count, r.confirmed ? 'yes' : 'no', note], {
        neutralise: true,
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
