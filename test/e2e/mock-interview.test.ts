// A full offline mock interview through the browser: setup, chat (with a per-question time limit
// and hostile text in an answer), the report in the page with its downloads, and the history page.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, DESKTOP, launchChromium, screenshot, startWebServer, watchPage, type WebServer } from './browser-support.js';
import { answer, answerUntilReport, nextTurn, referenceAnswerer, setUpInterview } from './interview-steps.js';

const HOSTILE = 'I would start with the generator. <img src=x onerror=alert(1)> <script>alert(2)</script>';

describe.skipIf(!chromiumAvailable())('a mock interview in Chromium', () => {
  let browser: Browser;
  let web: WebServer;
  let page: Page;
  let seen: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    [browser, web] = await Promise.all([launchChromium(), startWebServer()]);
    page = await (await browser.newContext({ ...DESKTOP, acceptDownloads: true })).newPage();
    page.setDefaultTimeout(10_000);
    seen = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('sets up, holds the interview as a chat, and shows the report with downloads', { timeout: 60_000 }, async () => {
    await page.goto(web.url);
    await page.getByText('Interviewer: the offline interviewer').waitFor();
    expect(await page.getByLabel(/Generative Adversarial Networks/).count()).toBe(1);
    expect(await page.locator('.topic-list .count').first().textContent()).toMatch(/^\(\d+ questions?\)$/);
    await screenshot(page, 'setup-desktop-light');

    await setUpInterview(page, { mode: 'mock', topics: ['gans'], questions: 3, followUps: 0, timeLimit: '5 minutes' });
    expect(await nextTurn(page)).toBe('answer');
    expect(await page.getByTestId('progress').textContent()).toBe('Question 1 of 3');
    expect(await page.getByTestId('timer').textContent()).toMatch(/^Time left [45]:\d\d$/);
    // Mock mode offers no hints or retries.
    expect(await page.getByRole('button', { name: 'Hint' }).count()).toBe(0);

    await answer(page, HOSTILE);
    expect(await page.locator('.msg.candidate .text').first().textContent()).toBe(HOSTILE);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await nextTurn(page)).toBe('answer');
    expect(await page.getByTestId('progress').textContent()).toBe('Question 2 of 3');
    // New interviewer lines reach screen readers through the live region.
    await page.waitForFunction(() => /^Interviewer: .*Question 2 of 3/.test(document.querySelector('[data-testid="announcer"]')?.textContent ?? ''));
    await screenshot(page, 'chat-desktop-light', false);

    const answered = await answerUntilReport(page, referenceAnswerer());
    expect(answered).toBe(2);
    const report = page.getByTestId('report');
    await report.locator('.overall').waitFor();
    expect(await report.locator('.overall .big').textContent()).toMatch(/^\d+$/);
    expect(await report.locator('.score-chart .row').count()).toBe(2);
    expect(await report.locator('.report-question').count()).toBe(3);
    expect(await report.locator('.report-question details summary').first().textContent()).toBe('Model answer');
    expect(await report.locator('blockquote.answer').first().textContent()).toBe(HOSTILE);
    expect(await report.locator('[data-status="covered"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'report-desktop-light');

    const checks: [string, (body: string) => void][] = [
      ['md', (t) => expect(t).toMatch(/^# /m)],
      ['html', (t) => expect(t).toMatch(/^<!doctype html>/i)],
      ['pdf', (t) => expect(t.startsWith('%PDF-')).toBe(true)],
      ['json', (t) => expect(JSON.parse(t)).toHaveProperty('overall')],
    ];
    for (const [format, check] of checks) {
      const [download] = await Promise.all([page.waitForEvent('download'), report.locator(`button[data-format="${format}"]`).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^probe-report-.+\\.${format}$`));
      check(await readFile(await download.path(), 'latin1'));
    }
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it('lists the session in the history and reopens its report', { timeout: 30_000 }, async () => {
    await page.getByRole('link', { name: 'History' }).click();
    const row = page.getByTestId('history').locator('tbody tr');
    await row.first().getByText('Generative Adversarial Networks').waitFor();
    expect(await row.count()).toBe(1);
    const cells = await row.first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['mock', 'Generative Adversarial Networks', '3']);
    expect(cells[3]).toMatch(/^\d+$/);
    await screenshot(page, 'history-desktop-light');
    await row.first().getByRole('link', { name: 'Report' }).click();
    await page.getByRole('heading', { name: 'Interview report' }).waitFor();
    await page.getByTestId('report').locator('.report-question').first().waitFor();
    expect(await page.getByTestId('report').locator('.report-question').count()).toBe(3);
    expect(seen.errors).toEqual([]);
  });
});
