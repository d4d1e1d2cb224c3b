import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compileIdPattern, EXAMPLE_ID_PATTERN, extractCallId } from '../../src/archive/call-id.js';
import { DEMO } from './helpers.js';

// Guards the committed demo against drifting from its README and expected.json when someone
// edits one by hand instead of rerunning scripts/make-fixtures.mjs.
const expected = JSON.parse(readFileSync(join(DEMO, 'expected.json'), 'utf8')) as Record<
  string,
  { verdict: string; reason: string }
>;
const csvBytes = readFileSync(join(DEMO, 'crm', 'calls.csv'));
const rows = parse(csvBytes, { bom: true, delimiter: ';', columns: true }) as Array<Record<string, string>>;
const idPattern = compileIdPattern(EXAMPLE_ID_PATTERN);
const REASONS_BY_VERDICT: Record<string, string[]> = {
  compliant: ['QUALIFYING_EVENT'],
  violation: ['NON_QUALIFYING_ONLY', 'NO_CALL_LOG_ENTRY'],
  review: ['UNKNOWN_OUTCOME', 'AMBIGUOUS_CATEGORY', 'NO_CALL_ID', 'UNREADABLE_FILE', 'COVERAGE_UNKNOWN'],
};

describe('fixtures/demo', () => {
  it('is an Excel-style CSV: UTF-8 BOM, semicolons, CRLF, Slovenian dates', () => {
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvBytes.toString('utf8', 3).split('\r\n')[0]).toBe('call_id;datum;outcome;agent;opomba');
    for (const row of rows) expect(row.datum).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
    const multiline = rows.filter((r) => r.opomba?.includes('\n'));
    expect(multiline).toHaveLength(1);
    expect(multiline[0]?.opomba).toContain('"Naročam paket XL."');
  });

  it('has rows that agree with every expected reason', () => {
    for (const [path, { verdict, reason }] of Object.entries(expected)) {
      const callId = extractCallId(path, idPattern);
      const outcomes = rows.filter((r) => r.call_id === callId).map((r) => r.outcome);
      expect(callId === null, path).toBe(reason === 'NO_CALL_ID');
      if (reason === 'NO_CALL_LOG_ENTRY' || reason === 'COVERAGE_UNKNOWN') expect(outcomes, path).toEqual([]);
      if (
        ['QUALIFYING_EVENT', 'NON_QUALIFYING_ONLY', 'UNKNOWN_OUTCOME', 'AMBIGUOUS_CATEGORY'].includes(reason)
      ) {
        expect(outcomes.length, path).toBeGreaterThan(0);
      }
      expect(REASONS_BY_VERDICT[verdict], path).toContain(reason);
    }
  });

  it('shows every verdict the brief lists and a call with two rows', () => {
    const reasons = new Set(Object.values(expected).map((e) => e.reason));
    for (const reason of [
      'QUALIFYING_EVENT',
      'NON_QUALIFYING_ONLY',
      // A call without a row: the demo log has no time column, so its absence proves nothing.
      'COVERAGE_UNKNOWN',
      'UNKNOWN_OUTCOME',
      'AMBIGUOUS_CATEGORY',
      'NO_CALL_ID',
      'UNREADABLE_FILE',
    ]) {
      expect(reasons).toContain(reason);
    }
    const c1015 = rows.filter((r) => r.call_id === 'C-1015').map((r) => r.outcome);
    expect(c1015).toEqual(['Splošno vprašanje', 'Naročilo']);
    const recorded = new Set(Object.keys(expected).map((p) => extractCallId(p, idPattern)));
    expect(rows.filter((r) => !recorded.has(r.call_id ?? '')).map((r) => r.call_id)).toEqual([
      'C-2001',
      'C-2002',
      'C-2003',
    ]);
  });

  it('lists every recording in its README', () => {
    const readme = readFileSync(join(DEMO, 'README.md'), 'utf8');
    for (const path of Object.keys(expected)) expect(readme).toContain(`\`${path.replaceAll('|', '\\|')}\``);
  });

  it('stays under 1 MB', () => {
    let total = 0;
    for (const entry of readdirSync(DEMO, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
    }
    expect(total).toBeLessThan(1024 * 1024);
  });
});
