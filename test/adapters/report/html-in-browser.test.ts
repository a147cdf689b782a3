// The HTML report opened as a downloaded file in real Chromium: hostile answers stay text, nothing
// runs, nothing is fetched, and the print and dark styles apply. Skipped locally without Chromium,
// fatal under CI (as the e2e tests are).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/adapters/report/render-html.js';
import { buildReport } from '../../../src/engine/report/build-report.js';
import { HOSTILE, llmWithFallback, offlineMock } from '../../engine/report/scenarios.js';
import { realBank, T0 } from '../../engine/report/sessions.js';

const CHROMIUM = process.env.PROBE_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`Chromium is missing at ${CHROMIUM} and CI=true; install it with: apt-get install -y chromium`);

describe.skipIf(!available)('the HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;
  const files: string[] = [];

  beforeAll(async () => {
    const bank = await realBank();
    dir = mkdtempSync(path.join(tmpdir(), 'probe-html-'));
    for (const s of [offlineMock(bank), llmWithFallback(bank)]) {
      const file = path.join(dir, `${s.id}.html`);
      writeFileSync(file, renderHtml(buildReport(s.state, { sessionId: s.id, createdAt: T0, generatedAt: T0 })));
      files.push(file);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs nothing, fetches nothing and shows hostile answers as text', async () => {
    for (const file of files) {
      const page = await browser.newPage();
      const requests: string[] = [];
      const dialogs: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      const dom = await page.evaluate(() => ({
        active: document.querySelectorAll('script, img, iframe, object, embed, link, form, b').length,
        handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        text: document.body.innerText,
      }));
      expect({ requests, dialogs, active: dom.active, handlers: dom.handlers }).toEqual({ requests: [], dialogs: [], active: 0, handlers: 0 });
      expect(dom.text).toContain(file.includes('offline') ? HOSTILE.img : HOSTILE.iframe);
      await page.close();
    }
  });

  it('switches to a dark scheme on request and back to light colours for print', async () => {
    const page = await browser.newPage({ colorScheme: 'dark' });
    await page.goto(`file://${files[1]}`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(20, 24, 29)');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.close();
  });
});
