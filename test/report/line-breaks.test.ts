import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { wavPcm16 } from '../../scripts/audio-bytes.mjs';
import type { AuditResult } from '../../src/audit/result.js';
import { REPORTERS } from '../../src/report/index.js';
import type { RenderOptions } from '../../src/report/reporter.js';
import { withRunId } from '../../src/report/run-id.js';
import { runAudit } from '../../src/run-audit.js';
import { resolvePlan } from '../../src/config/resolve-plan.js';
import { tempDir } from '../archive/helpers.js';

// Item 14 of issue 13: a recording whose name holds a line feed or a carriage return appears in
// every report as it is, escaped the way each format needs, and never breaks a row or a table.
const NAMES = ['in\nC-1.wav', 'in\rC-2.wav', 'in\r\nC-3.wav'];
const OPTIONS: RenderOptions = { lang: 'en', redact: false, htmlPath: null };

async function auditOfOddNames(): Promise<AuditResult> {
  const dir = tempDir('callaudit-line-breaks-');
  const root = path.join(dir, 'root');
  writeFileSync(
    path.join(dir, 'calls.csv'),
    'call_id,outcome\nC-1,order\nC-2,information\nC-3,information\n',
  );
  mkdirSync(root);
  for (const name of NAMES) writeFileSync(path.join(root, name), wavPcm16({ seconds: 1 }));
  const plan = resolvePlan(
    [root],
    {
      crm: [path.join(dir, 'calls.csv')],
      idPattern: String.raw`(?<id>C-\d+)\.wav$`,
      now: '2026-11-28T12:00:00Z',
      cache: false,
    },
    null,
  );
  const result = withRunId(await runAudit(plan), '0123456789abcdef0123456789abcdef');
  // Every finding marked new against a baseline, so the Markdown report lists their paths.
  return {
    ...result,
    recordings: result.recordings.map((f) => ({ ...f, baseline: 'new' as const })),
    baseline: {
      file: 'old.json',
      generatedAt: result.generatedAt,
      policy: result.policy,
      new: 2,
      persisting: 0,
      resolved: [],
    },
  };
}

const render = (format: string, result: AuditResult) => REPORTERS[format]!.render(result, OPTIONS);
const decodeXml = (text: string) =>
  text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');

describe('file names with line breaks', () => {
  it('are audited, each under its own name', async () => {
    const result = await auditOfOddNames();
    expect(result.recordings.map((f) => f.path).sort()).toEqual([...NAMES].sort());
  });

  it('come back exactly from report.json', async () => {
    const result = await auditOfOddNames();
    const parsed = JSON.parse(render('json', result)) as AuditResult;
    expect(parsed.recordings.map((f) => f.path).sort()).toEqual([...NAMES].sort());
  });

  it.each([
    ['csv', 'path'],
    ['manifest', 'path'],
  ])('come back exactly from the %s report, quoted', async (format, column) => {
    const result = await auditOfOddNames();
    const rows = parse(render(format, result).replace(/^\uFEFF/, ''), { columns: true }) as Array<
      Record<string, string>
    >;
    const expected =
      format === 'manifest' ? result.recordings.filter((f) => f.verdict === 'violation') : result.recordings;
    expect(rows.map((r) => r[column]).sort()).toEqual(expected.map((f) => f.path).sort());
    expect(expected.length).toBeGreaterThan(0);
  });

  it('are character references in JUnit XML, so no parser turns them into spaces', async () => {
    const result = await auditOfOddNames();
    const xml = render('junit', result);
    const names = [...xml.matchAll(/<testcase name="([^"]*)"/g)].map((m) => m[1]!);
    expect(names.map(decodeXml).sort()).toEqual([...NAMES].sort());
    for (const name of names) expect(name).not.toMatch(/[\r\n]/);
    expect(names).toContain('in&#13;&#10;C-3.wav');
  });

  it('are character references in Markdown tables, so every row stays one line', async () => {
    const result = await auditOfOddNames();
    const md = render('md', result);
    expect(md).toContain('in&#10;C-1.wav');
    expect(md).toContain('in&#13;C-2.wav');
    expect(md).not.toMatch(/\r/);
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line).toMatch(/\|$/);
  });

  it('come back exactly from the HTML report data', async () => {
    const result = await auditOfOddNames();
    const html = render('html', result);
    const data = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    const { rows, strings } = JSON.parse(data) as { rows: unknown[][]; strings: string[] };
    // Column 1 is the path (client-script.ts COL), written as it is or as an index into strings.
    const paths = rows.map(([, cell]) => (typeof cell === 'number' ? strings[cell] : cell));
    expect(paths.sort()).toEqual([...NAMES].sort());
  });
});
