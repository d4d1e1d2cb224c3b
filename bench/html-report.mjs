// Renders a synthetic audit of N recordings (default 100,000) as HTML and opens it in headless
// Chromium; prints the file size and how long rendering, loading and one filter take.
// Usage: npm run build && node bench/html-report.mjs [N]
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { htmlReporter } from '../dist/report/html/html-report.js';
import { summarise } from '../dist/audit/summarise.js';

const count = Number(process.argv[2] ?? 100_000);
const verdicts = [
  ['compliant', 'QUALIFYING_EVENT', 'Naročilo', 'order'],
  ['violation', 'NON_QUALIFYING_ONLY', 'Informacije - delovni čas', 'information'],
  ['violation', 'NO_CALL_LOG_ENTRY', null, null],
  ['review', 'UNKNOWN_OUTCOME', 'Povratni klic', 'unknown'],
  ['review', 'AMBIGUOUS_CATEGORY', 'Tehnična pomoč', 'support'],
];
const recordings = Array.from({ length: count }, (_, i) => {
  const [verdict, reason, outcome, category] = verdicts[i % 7 < 4 ? 0 : i % 5];
  const day = String(1 + (i % 28)).padStart(2, '0');
  const callId = `C-${100000 + i}`;
  return {
    root: '/srv/recordings',
    path: `2026/10/${day}/in_3864${String(i).padStart(7, '0')}_${callId}.wav`,
    callId,
    idSource: 'filename',
    verdict,
    reason,
    explanation: `Synthetic finding ${reason}.`,
    categories: category ? [category] : [],
    events: outcome
      ? [
          {
            file: 'crm/calls.csv',
            line: i + 2,
            outcome,
            category,
            matchedBy: 'vocabulary',
            term: null,
            at: null,
          },
        ]
      : [],
    legalBasis: ['CIT_ZEKOM', 'CIT_IP_AKOS'],
    size: 48_000,
    mtime: `2026-10-${day}T09:00:00.000Z`,
    format: 'WAVE',
    codec: 'PCM',
    durationSec: 30,
    startedAt: null,
    problems: [],
  };
});
const result = {
  schemaVersion: 1,
  tool: { name: 'callaudit', version: 'bench' },
  generatedAt: '2026-11-28T12:00:00.000Z',
  policy: { id: 'si-ip-akos', version: '1.0.0', sha256: '0'.repeat(64) },
  settings: { timezone: 'Europe/Ljubljana' },
  inputs: {
    roots: [{ path: '/srv/recordings', recordings: count, ignoredFiles: 0, ignoredByExtension: {} }],
    callLogs: [],
    outcomeMap: null,
  },
  problems: [],
  summary: summarise(recordings),
  recordings,
};

const dir = path.resolve('bench/tmp');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `report-${count}.html`);
let t = performance.now();
writeFileSync(file, htmlReporter.render(result, { lang: 'en', redact: true }));
console.log(
  `render: ${(performance.now() - t).toFixed(0)} ms, size: ${(statSync(file).size / 1e6).toFixed(1)} MB`,
);

const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await context.newPage();
t = performance.now();
await page.goto(pathToFileURL(file).href);
await page.waitForSelector('#findings tbody tr.row');
console.log(
  `load to first rows: ${(performance.now() - t).toFixed(0)} ms, rows in DOM: ${await page.locator('#findings tbody tr').count()}`,
);
t = performance.now();
await page.selectOption('#filter-verdict', 'violation');
console.log(
  `filter by verdict: ${(performance.now() - t).toFixed(0)} ms, matching: ${await page.textContent('#shown-count')}`,
);
t = performance.now();
await page.click('#findings th[data-key="path"]');
console.log(`sort by path: ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
await page.fill('#search', 'C-150000');
console.log(
  `search: ${(performance.now() - t).toFixed(0)} ms, matching: ${await page.textContent('#shown-count')}`,
);
await context.close();
