// Renders a synthetic audit of N recordings (default 100,000) as HTML and opens it in headless
// Chromium; prints the file size and how long rendering, loading to the first screen and one filter take.
// Usage: npm run build && node bench/html-report.mjs [N] [compliant share 0..1, default 4 in 7]
import { closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { htmlReporter } from '../dist/report/html/html-report.js';
import { syntheticResult } from './synthetic-result.mjs';

const count = Number(process.argv[2] ?? 100_000);
const result = syntheticResult(count, process.argv[3] === undefined ? undefined : Number(process.argv[3]));

const dir = path.resolve('bench/tmp');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `report-${count}.html`);
let t = performance.now();
// In pieces, as the audit writes it: a million recordings' page is too long for one string.
const fd = openSync(file, 'w');
for (const chunk of htmlReporter.chunks({ ...result, runId: 'f'.repeat(32) }, { lang: 'en', redact: true })) {
  writeSync(fd, chunk);
}
closeSync(fd);
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
await page.goto(pathToFileURL(file).href, { timeout: 120_000 });
await page.waitForSelector('#findings tbody tr.row', { timeout: 120_000 });
// The first screen: the front page's totals and the first page of the findings table.
console.log(
  `load to first screen: ${(performance.now() - t).toFixed(0)} ms, rows in DOM: ${await page.locator('#findings tbody tr').count()}, table rows: ${await page.textContent('[data-total="table"]')}, compliant summarised: ${(await page.locator('#compliant-summary').count()) > 0}`,
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
// A finding the table lists: compliant ones are summarised above 50,000 findings.
const sought = result.recordings.slice(Math.floor(count / 2)).find((f) => f.verdict !== 'compliant');
await page.fill('#search', sought.callId);
console.log(
  `search: ${(performance.now() - t).toFixed(0)} ms, matching: ${await page.textContent('#shown-count')}`,
);
await context.close();
