import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReporter } from '../../src/report/html/html-report.js';
import { hostileResult } from '../support/hostile-result.js';
import { REPO, runCli, stderrBeyondSummary } from '../support/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
// .ci/run installs Debian's chromium; a developer machine without it skips this file.
const available = existsSync(CHROMIUM);
const ARTIFACTS = path.join(REPO, 'test-artifacts');

it.runIf(!available && process.env.CI)('has Debian chromium installed in CI (.ci/run installs it)', () => {
  expect(existsSync(CHROMIUM)).toBe(true);
});

const skipped = available ? '' : ` (skipped: chromium not found at ${CHROMIUM})`;

describe.skipIf(!available)(`the HTML report in headless Chromium${skipped}`, () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-html-'));
  let context: BrowserContext;
  let report: { summary: Record<string, number> & { byReason: Record<string, number> } };
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];

  async function open(file: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href);
    return page;
  }

  beforeAll(async () => {
    const run = runCli([
      'audit',
      'fixtures/demo/recordings',
      '--crm',
      'fixtures/demo/crm/calls.csv',
      '--id-pattern',
      '_(?<id>[A-Z0-9-]+)\\.\\w+$',
      '--now',
      '2026-11-28T12:00:00Z',
      '--out',
      tmp,
      '--format',
      'json,html',
      '--lang',
      'en',
    ]);
    expect(stderrBeyondSummary(run)).toBe('');
    report = JSON.parse(readFileSync(path.join(tmp, 'report.json'), 'utf8'));
    writeFileSync(
      path.join(tmp, 'hostile.html'),
      htmlReporter.render(hostileResult(), { lang: 'en', redact: true }),
    );
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('shows the totals of report.json, filters, searches, expands rows and saves a screenshot', async () => {
    const page = await open(path.join(tmp, 'report.html'));
    for (const verdict of ['compliant', 'violation', 'review', 'hold', 'recordings']) {
      expect(await page.textContent(`[data-total="${verdict}"]`), verdict).toBe(
        String(report.summary[verdict]),
      );
    }
    for (const [reason, n] of Object.entries(report.summary.byReason)) {
      expect(await page.textContent(`[data-reason-total="${reason}"]`), reason).toBe(String(n));
    }
    const rows = page.locator('#findings tbody tr.row');
    expect(await rows.count()).toBe(report.summary.recordings);

    await page.selectOption('#filter-verdict', 'violation');
    expect(await rows.count()).toBe(report.summary.violation);
    expect(await page.textContent('#shown-count')).toBe(String(report.summary.violation));
    await page.selectOption('#filter-verdict', '');

    await page.fill('#search', 'C-1001');
    expect(await rows.count()).toBe(1);
    await rows.first().click();
    const detail = await page.textContent('#findings tr.detail');
    expect(detail).toContain('calls.csv:');
    expect(detail).toContain('CIT_ZEKOM');
    await page.fill('#search', '');

    await page.click('#findings th[data-key="path"]');
    const first = await rows.first().locator('td.mono').nth(1).textContent();
    await page.click('#findings th[data-key="path"]');
    const firstDescending = await rows.first().locator('td.mono').nth(1).textContent();
    expect(first! < firstDescending!).toBe(true);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-report.png'), fullPage: true });
    expect(existsSync(path.join(ARTIFACTS, 'html-report.png'))).toBe(true);
  });

  it('renders hostile tag values and labels as text, runs no injected script', async () => {
    const page = await open(path.join(tmp, 'hostile.html'));
    await page.locator('#findings tbody tr.row').first().click();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.textContent('body')).toContain('<img src=x onerror=alert(1)>');
    expect(dialogs).toEqual([]);
  });

  it('logged no console errors (CSP violations included) and made no network requests', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
