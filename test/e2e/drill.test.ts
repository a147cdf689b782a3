// A full drill through the browser on a phone-width screen in the dark scheme, with lines
// streamed word by word: feedback after each answer, a hint, a retry, a skip, and the report.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, DARK_PHONE, launchChromium, screenshot, startWebServer, watchPage, type WebServer } from './browser-support.js';
import { answer, lastLine, nextTurn, referenceAnswerer, setUpInterview } from './interview-steps.js';
import { testBank } from '../support/start-test-server.js';

const progressText = async (page: Page) => (await page.getByTestId('progress').textContent()) ?? '';

describe.skipIf(!chromiumAvailable())('a drill in Chromium, phone width, dark scheme', () => {
  let browser: Browser;
  let web: WebServer;

  beforeAll(async () => {
    [browser, web] = await Promise.all([launchChromium(), startWebServer({ paceMs: 2 })]);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('shows covered and missed key points, gives a hint, retries, skips and ends with the report', { timeout: 60_000 }, async () => {
    const page = await (await browser.newContext(DARK_PHONE)).newPage();
    page.setDefaultTimeout(10_000);
    const seen = watchPage(page);
    await page.goto(web.url);
    await page.getByText('Interviewer: the offline interviewer').waitFor();
    await screenshot(page, 'setup-phone-dark');

    await setUpInterview(page, { mode: 'drill', topics: ['vaes'], questions: 2, followUps: 1 });
    expect(await nextTurn(page)).toBe('answer');
    const ask = referenceAnswerer();
    const reference = await ask(await lastLine(page));
    const question = (await testBank()).questions.find((q) => q.referenceAnswer === reference);

    await page.getByRole('button', { name: 'Hint' }).click();
    await page.locator('.msg.interviewer[data-kind="hint"]').waitFor();
    expect(await lastLine(page)).toMatch(/^Here's a nudge: /);

    expect(await nextTurn(page)).toBe('answer');
    const sentences = reference.split(/(?<=[.!?])\s+/);
    await answer(page, sentences.slice(0, Math.ceil(sentences.length / 2)).join(' '));
    const feedback = page.getByTestId('feedback').first();
    await feedback.waitFor();
    const covered = await feedback.locator('.points.covered > li').count();
    const missed = await feedback.locator('.points.missed > li').count();
    expect(covered).toBeGreaterThan(0);
    expect(covered + missed).toBe(question?.keyPoints.length);
    expect(await feedback.locator('.points.covered q').count()).toBeGreaterThan(0);
    // The header counts each key point once, by its status.
    const byStatus = async (status: string) => feedback.locator(`li[data-status="${status}"]`).count();
    const [full, partly, gone] = [await byStatus('covered'), await byStatus('partly'), await byStatus('missed')];
    expect(await feedback.getByTestId('feedback-counts').textContent()).toBe(`Covered (${full}) · Partly (${partly}) · Missed (${gone})`);
    expect(await nextTurn(page)).toBe('answer');
    await screenshot(page, 'chat-phone-dark', false);

    await page.getByRole('button', { name: 'Retry' }).click();
    await page.locator('.notice[data-kind="retry"]').waitFor();
    expect(await nextTurn(page)).toBe('answer');
    expect(await lastLine(page)).toMatch(/^Let's take it from the top\./);
    for (let round = 0; round < 4 && (await progressText(page)).startsWith('Question 1'); round += 1) {
      await answer(page, reference);
      await nextTurn(page);
    }
    expect(await progressText(page)).toBe('Question 2 of 2');

    await page.getByRole('button', { name: 'Skip' }).click();
    // Send stays enabled until the server has taken the skip, so nextTurn() could answer 'answer'
    // at once: wait for the skip's notice, then for the report.
    await page.locator('.notice[data-kind="skip"]').waitFor();
    const report = page.getByTestId('report');
    await report.waitFor({ timeout: 20_000 });
    await report.locator('.report-question').first().waitFor();
    expect(await report.locator('.report-question[data-status="skipped"]').count()).toBe(1);
    expect(await report.locator('.report-question[data-status="answered"]').count()).toBe(1);
    // The follow-up probed a key point of the first question: the probes table says so.
    const probeRows = report.getByTestId('drill-probes').locator('tbody tr');
    expect(await probeRows.count()).toBeGreaterThan(0);
    expect(await probeRows.first().locator('td').first().textContent()).toBe('Q1');
    // The retry did not wipe the first attempt: its answer, its hint and its probes are still there.
    const first = report.getByTestId('earlier-attempt');
    expect(await first.count()).toBe(1);
    expect(await first.locator('summary').textContent()).toMatch(/^Attempt 1, before a retry: score \d+\/100 · with a hint · \d+ follow-ups?$/);
    const hintColumn = await probeRows.evaluateAll((rows) => rows.filter((r) => r.children[0]?.textContent === 'Q1').map((r) => r.children[3]?.textContent));
    expect(hintColumn).toContain('yes');
    await screenshot(page, 'report-phone-dark');

    // Nothing is wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(seen.errors).toEqual([]);
  });
});
