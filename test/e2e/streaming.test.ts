// Streamed lines in the browser: deltas show as they arrive, and the final line replaces them,
// as when an LLM failed mid-line and the offline interviewer stood in (with a visible note).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineInterviewer } from '../../src/engine/interviewer/offline-interviewer.js';
import type { Interviewer } from '../../src/engine/ports.js';
import { chromiumAvailable, DESKTOP, launchChromium, startWebServer, watchPage, type WebServer } from './browser-support.js';
import { answer, nextTurn, setUpInterview } from './interview-steps.js';

const PARTIAL = 'Half a sentence from the model that';
const REASON = 'the model stopped mid-line';

/** The offline interviewer, except that each question first streams a fragment that the final line replaces. */
function failingMidLine(): Interviewer {
  const offline = createOfflineInterviewer();
  return {
    id: offline.id,
    decide: (input, signal) => offline.decide(input, signal),
    speak: async (input, onDelta, signal) => {
      const line = await offline.speak(input, () => {}, signal);
      if (input.request.kind !== 'question') return line;
      onDelta(`${PARTIAL} `);
      await new Promise((resolve) => setTimeout(resolve, 600));
      return { ...line, fallback: REASON };
    },
  };
}

describe.skipIf(!chromiumAvailable())('streamed lines in Chromium', () => {
  let browser: Browser;
  let web: WebServer;

  beforeAll(async () => {
    [browser, web] = await Promise.all([launchChromium(), startWebServer({ interviewer: failingMidLine() })]);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('shows the streamed part, then replaces it with the final line and says who phrased it', { timeout: 30_000 }, async () => {
    const page = await (await browser.newContext(DESKTOP)).newPage();
    page.setDefaultTimeout(10_000);
    const seen = watchPage(page);
    await page.goto(web.url);
    await setUpInterview(page, { mode: 'mock', topics: ['gans'], questions: 2, followUps: 0 });
    const streaming = page.locator('.msg.interviewer.streaming');
    await streaming.waitFor();
    expect(await streaming.locator('.text').textContent()).toBe(`${PARTIAL} `);
    expect(await streaming.getAttribute('aria-busy')).toBe('true');

    await nextTurn(page);
    const question = page.locator('.msg.interviewer[data-kind="question"]');
    expect(await question.count()).toBe(1);
    expect(await question.locator('.text').textContent()).toMatch(/^Question 1 of 2\. /);
    expect(await question.locator('.note').textContent()).toBe(`Phrased by the offline interviewer (${REASON}).`);
    expect(await page.locator('.chat').textContent()).not.toContain(PARTIAL);

    await answer(page, 'The discriminator learns to tell real from generated samples.');
    await nextTurn(page);
    expect(await page.locator('.msg.interviewer[data-kind="question"]').count()).toBe(2);
    expect(await page.locator('.msg.streaming').count()).toBe(0);

    // Ending early (after a confirmation) closes the interview; the question in play counts as unanswered.
    await page.getByRole('button', { name: 'End interview' }).click();
    expect(await nextTurn(page)).toBe('report');
    expect(seen.dialogs).toEqual(['confirm: End the interview now? Questions not answered yet will not count.']);
    await page.getByTestId('report').locator('.report-question').first().waitFor();
    expect(await page.locator('.report-question').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(['answered', 'unanswered']);
    expect(seen.errors).toEqual([]);
  });
});
