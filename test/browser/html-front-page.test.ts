import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUDIT } from '../support/demo-audit.js';
import { REPO, runCli } from '../support/run-cli.js';
import { orSkipped } from '../support/skip-reason.js';

const CHROMIUM = '/usr/bin/chromium';
// .ci/run installs Debian's chromium (test/e2e/html-browser.test.ts fails in CI without it); a
// developer machine without it skips this file, and the title says so.
const missing = existsSync(CHROMIUM) ? null : `chromium not found at ${CHROMIUM}`;
const ARTIFACTS = path.join(REPO, 'test-artifacts');
const VIEWPORT = { width: 1280, height: 800 };

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree nodes). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

describe.skipIf(missing !== null)(
  orSkipped(`report.html's result first, keyboard and print view in headless Chromium`, missing),
  () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-front-'));
    let browser: Browser;
    let summary: Record<'violation' | 'review' | 'compliant' | 'hold' | 'recordings', number>;
    const errors: string[] = [];

    async function open(lang: 'en' | 'sl', viewport = VIEWPORT): Promise<Page> {
      const page = await browser.newPage({ viewport });
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(path.join(tmp, lang, 'report.html')).href);
      return page;
    }

    /** Presses Tab until the focused element matches `selector`; fails after `limit` presses. */
    async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    }

    beforeAll(async () => {
      for (const lang of ['en', 'sl']) {
        const out = path.join(tmp, lang);
        const run = runCli([
          'audit',
          ...DEMO_AUDIT,
          '--out',
          out,
          '--format',
          'json,html,manifest',
          '--lang',
          lang,
        ]);
        expect(run.status, run.stderr).toBe(0);
      }
      summary = JSON.parse(readFileSync(path.join(tmp, 'en', 'report.json'), 'utf8')).summary;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      });
      mkdirSync(ARTIFACTS, { recursive: true });
    });

    afterAll(async () => {
      await browser?.close();
      rmSync(tmp, { recursive: true, force: true });
    });

    it('shows the counts per verdict on the first screen (1280x800), in Slovenian plural forms', async () => {
      const page = await open('sl');
      for (const verdict of ['violation', 'review', 'compliant'] as const) {
        const count = page.locator(`[data-decision="${verdict}"]`);
        expect(await count.textContent()).toBe(String(summary[verdict]));
        const box = (await count.boundingBox())!;
        expect(box.y + box.height, `${verdict} count below the first screen`).toBeLessThanOrEqual(
          VIEWPORT.height,
        );
      }
      const sentence = await page.textContent('.decision-counts');
      expect(sentence).toBe(
        `${summary.violation} posnetkov za izbris, ${summary.review} za ročni pregled, ${summary.compliant} za hrambo`,
      );
      expect(await page.locator('#decision').textContent()).toContain('deletion-manifest.csv');
      await page.screenshot({ path: path.join(ARTIFACTS, 'html-first-screen.png') });
    });

    it('sorts by a header and opens a row with the keyboard alone, with a visible focus', async () => {
      const page = await open('en');
      const paths = () => page.locator('#findings tbody tr.row td.mono:not(.nowrap)').allTextContents();
      const header = page.locator('#findings th[data-key="path"]');

      await tabTo(page, '#findings th[data-key="path"] button');
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
      await page.keyboard.press('Enter');
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      const ascending = await paths();
      expect(ascending).toEqual([...ascending].sort());
      await page.keyboard.press(' ');
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      expect(await paths()).toEqual([...ascending].reverse());

      await tabTo(page, '#findings button.expander');
      const expander = page.locator('#findings button.expander').first();
      expect(await expander.getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Enter');
      expect(await page.locator('#findings tr.detail').count()).toBe(1);
      expect(await page.textContent('#findings tr.detail')).toContain('Evidence');
      await page.locator('#findings-section').screenshot({ path: path.join(ARTIFACTS, 'html-keyboard.png') });
      // The table is drawn afresh; the focus stays on the same expander, so Space closes it again.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');
      await page.keyboard.press(' ');
      expect(await page.locator('#findings tr.detail').count()).toBe(0);
      expect(errors).toEqual([]);
    });

    it('does not wrap call IDs and dates mid-token, even on a narrow screen', async () => {
      const page = await open('en', { width: 640, height: 800 });
      const cells = page.locator('#findings tbody td.nowrap');
      expect(await cells.count()).toBeGreaterThan(0);
      // A text that wraps has more than one line box.
      const wrapped = await cells.evaluateAll((tds) =>
        tds
          .filter((td) => {
            const range = document.createRange();
            range.selectNodeContents(td);
            return range.getClientRects().length > 1;
          })
          .map((td) => td.textContent),
      );
      expect(wrapped).toEqual([]);
    });

    it('prints the front page as a summary of at most two pages with a signatures block', async () => {
      for (const lang of ['en', 'sl'] as const) {
        const page = await open(lang);
        await page.emulateMedia({ media: 'print' });
        expect(await page.isVisible('#signatures')).toBe(true);
        expect(await page.isVisible('#decision')).toBe(true);
        expect(await page.isVisible('#run-id')).toBe(true);
        expect(await page.isVisible('#findings')).toBe(false);
        expect(await page.isVisible('.controls')).toBe(false);
        await page.screenshot({ path: path.join(ARTIFACTS, `html-print-${lang}.png`), fullPage: true });
        const pdf = await page.pdf({ format: 'A4', path: path.join(ARTIFACTS, `html-print-${lang}.pdf`) });
        const pages = pdfPages(pdf);
        expect(pages, lang).toBeGreaterThanOrEqual(1);
        expect(pages, lang).toBeLessThanOrEqual(2);
      }
    });

    it('counts the pages of a PDF (so the two-page check can fail)', async () => {
      const page = await browser.newPage();
      await page.setContent(`<p>${'A line of text. '.repeat(4000)}</p>`);
      expect(pdfPages(await page.pdf({ format: 'A4' }))).toBeGreaterThan(2);
    });
  },
);
