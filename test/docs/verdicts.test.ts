import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../src/policy/pack-schema.js';

const VERDICTS_PAGE = join(import.meta.dirname, '..', '..', 'docs', 'verdicts.md');

/** The codes each row of the rules table names in its `reason` column. */
function reasonColumnCodes(markdown: string): string[][] {
  const rows = markdown.split('\n').filter((line) => line.startsWith('|'));
  const header = rows[0]?.split('|').map((cell) => cell.trim()) ?? [];
  const reasonColumn = header.indexOf('reason');
  if (reasonColumn < 0) throw new Error('docs/verdicts.md has no table with a "reason" column');
  return rows
    .slice(2)
    .map((row) => row.split('|')[reasonColumn] ?? '')
    .map((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
}

describe('the verdict table in docs/verdicts.md', () => {
  const rows = reasonColumnCodes(readFileSync(VERDICTS_PAGE, 'utf8'));

  it('has a row for every reason code', () => {
    const documented = new Set(rows.flat());
    expect(REASON_CODES.filter((code) => !documented.has(code))).toEqual([]);
  });

  it('names only reason codes, and at least one in every row', () => {
    const known = new Set<string>(REASON_CODES);
    expect(rows.filter((codes) => codes.length === 0 || codes.some((code) => !known.has(code)))).toEqual([]);
  });

  it('reads the reason column, not another', () => {
    const table = '| # | reason | when |\n| - | - | - |\n| 1 | `A` / `B` | `C` |\n';
    expect(reasonColumnCodes(table)).toEqual([['A', 'B']]);
  });
});
