import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDecisions } from '../../src/policy/decisions-file.js';
import { DEMO_AUDIT } from '../support/demo-audit.js';
import { runCli } from '../support/run-cli.js';
import { orSkipped } from '../support/skip-reason.js';

const CHROMIUM = '/usr/bin/chromium';
// .ci/run installs Debian's chromium; html-browser.test.ts fails in CI when it is missing.
const available = existsSync(CHROMIUM);

describe.skipIf(!available)(
  orSkipped('sample.html in headless Chromium', available ? null : `chromium not found at ${CHROMIUM}`),
  () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-sample-html-'));
    let context: BrowserContext;
    const errors: string[] = [];
    const requests: string[] = [];

    beforeAll(async () => {
      expect(runCli(['audit', ...DEMO_AUDIT, '--out', path.join(tmp, 'audit')]).status).toBe(0);
      const sample = runCli([
        'sample',
        '--report',
        path.join(tmp, 'audit', 'report.json'),
        '--size',
        '50',
        '--seed',
        '1',
        '--out',
        path.join(tmp, 'sample'),
      ]);
      expect(sample.status).toBe(0);
      context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
        executablePath: CHROMIUM,
        headless: true,
        acceptDownloads: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--mute-audio',
          '--autoplay-policy=no-user-gesture-required',
        ],
      });
    });

    afterAll(async () => {
      await context?.close();
      rmSync(tmp, { recursive: true, force: true });
    });

    it('plays a recording in place by its relative path and downloads the answers as a decisions file', async () => {
      const page = await context.newPage();
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('blob:')) requests.push(r.url());
      });
      await page.goto(pathToFileURL(path.join(tmp, 'sample', 'sample.html')).href);
      const audio = page.locator('audio[src*="C-1001.wav"]');
      expect(await audio.count()).toBe(1);
      expect(await audio.getAttribute('src')).toMatch(/^\.\.\//);
      const played = await audio.evaluate(async (element) => {
        const media = element as HTMLAudioElement;
        await media.play();
        await new Promise<void>((resolve, reject) => {
          const started = Date.now();
          const poll = () => {
            if (media.currentTime > 0) resolve();
            else if (media.error) reject(new Error(`media error ${media.error.code}`));
            else if (Date.now() - started > 10_000) reject(new Error('did not play'));
            else setTimeout(poll, 50);
          };
          poll();
        });
        return { duration: media.duration, time: media.currentTime };
      });
      expect(played.duration).toBeGreaterThan(1);
      expect(played.time).toBeGreaterThan(0);

      await page.fill('#reviewer', 'DPO Ana');
      const item = page.locator('li', { has: page.locator('audio[src*="C-1001.wav"]') });
      await item.locator('select').selectOption('confirmed');
      await item.locator('input').fill('ordered at 00:20');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      const file = path.join(tmp, 'sample-decisions.csv');
      await download.saveAs(file);
      const decided = parseDecisions(readFileSync(file, 'utf8'), file);
      expect(decided.map((d) => [d.callId, d.decision, d.category, d.reviewer])).toEqual([
        ['C-1001', 'keep', 'order', 'DPO Ana'],
      ]);
      expect(decided[0]!.reason).toContain('ordered at 00:20');
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    }, 60_000);
  },
);
