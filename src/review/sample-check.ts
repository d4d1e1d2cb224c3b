import { parse } from 'csv-parse/sync';
import { compareStrings } from '../audit/summarise.js';
import { CallauditError } from '../errors.js';

const LISTENER_FINDINGS = ['confirmed', 'contradicted'] as const;

export interface CheckedRow {
  line: number;
  stratum: string;
  verdict: string;
  finding: 'confirmed' | 'contradicted' | null;
}

interface StratumResult {
  stratum: string;
  sampled: number;
  checked: number;
  confirmed: number;
  contradicted: number;
  /** contradicted / checked; null when nothing was checked. */
  rate: number | null;
  /** Wilson score interval at 95 % for the contradiction rate. */
  interval: [number, number] | null;
}

const Z95 = 1.959963984540054;

/** Wilson score interval for x successes in n trials: sound at 0 and n, unlike the normal approximation. */
export function wilsonInterval(x: number, n: number, z = Z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const HINT =
  'give the sample.csv written by callaudit sample, with listener_finding confirmed, contradicted or empty';

/** Reads a filled sample.csv (or the decisions file sample.html downloads): stratum, verdict and listener_finding. */
export function parseCheckedSample(content: string, file: string): CheckedRow[] {
  let records: string[][];
  try {
    records = parse(content.replace(/^\uFEFF/, ''), {
      comment: '#',
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw new CallauditError(
      'SAMPLE_INVALID',
      `cannot parse the sample CSV (${(error as Error).message})`,
      HINT,
      file,
    );
  }
  // Comment lines are dropped before the header: find its line by content for the messages.
  const lines = content.split(/\r?\n/);
  const headerLine = lines.findIndex((l) => !l.startsWith('#') && l.trim() !== '') + 1;
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = ['stratum', 'verdict', 'listener_finding'].filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new CallauditError(
      'SAMPLE_INVALID',
      `the header lacks ${missing.join(', ')}`,
      HINT,
      file,
      headerLine,
    );
  const at = (name: string) => header.indexOf(name);
  return records.slice(1).map((cells, index) => {
    const line = headerLine + index + 1;
    const value = (cells[at('listener_finding')] ?? '').trim().toLowerCase();
    if (value !== '' && !(LISTENER_FINDINGS as readonly string[]).includes(value))
      throw new CallauditError(
        'SAMPLE_INVALID',
        `listener_finding "${value}" is neither confirmed nor contradicted`,
        HINT,
        file,
        line,
      );
    return {
      line,
      stratum: (cells[at('stratum')] ?? '').trim(),
      verdict: (cells[at('verdict')] ?? '').trim(),
      finding: value === '' ? null : (value as CheckedRow['finding']),
    };
  });
}

export interface SampleCheck {
  strata: StratumResult[];
  total: StratumResult;
  /** Sampled compliant recordings the listener found without a business event. */
  compliantContradicted: number;
}

function resultOf(stratum: string, rows: readonly CheckedRow[]): StratumResult {
  const confirmed = rows.filter((r) => r.finding === 'confirmed').length;
  const contradicted = rows.filter((r) => r.finding === 'contradicted').length;
  const checked = confirmed + contradicted;
  return {
    stratum,
    sampled: rows.length,
    checked,
    confirmed,
    contradicted,
    rate: checked === 0 ? null : contradicted / checked,
    interval: checked === 0 ? null : wilsonInterval(contradicted, checked),
  };
}

export function checkSample(rows: readonly CheckedRow[]): SampleCheck {
  const names = [...new Set(rows.map((r) => r.stratum))].sort(compareStrings);
  return {
    strata: names.map((name) =>
      resultOf(
        name,
        rows.filter((r) => r.stratum === name),
      ),
    ),
    total: resultOf('all', rows),
    compliantContradicted: rows.filter((r) => r.verdict === 'compliant' && r.finding === 'contradicted')
      .length,
  };
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

export function renderSampleCheck(check: SampleCheck): string {
  const row = (r: StratumResult) =>
    `${r.stratum.padEnd(40)} ${String(r.sampled).padStart(7)} ${String(r.checked).padStart(7)} ${String(r.confirmed).padStart(9)} ${String(r.contradicted).padStart(12)}  ${
      r.rate === null
        ? 'not checked'
        : `${percent(r.rate)} (95 % CI ${percent(r.interval![0])}–${percent(r.interval![1])})`
    }`;
  const lines = [
    `${'stratum'.padEnd(40)} ${'sampled'.padStart(7)} ${'checked'.padStart(7)} ${'confirmed'.padStart(9)} ${'contradicted'.padStart(12)}  contradiction rate`,
    ...check.strata.map(row),
    row(check.total),
  ];
  if (check.compliantContradicted > 0)
    lines.push(
      '',
      `${check.compliantContradicted} sampled compliant recording(s) had no business event: the labels that keep recordings are not reliable; review those labels before trusting the compliant verdicts.`,
    );
  return `${lines.join('\n')}\n`;
}
