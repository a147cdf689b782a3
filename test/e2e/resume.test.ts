// Coming back to an interview: a reload mid-interview resumes where it was (conversation, draft,
// question in play), a server restart shows "reconnecting" and then carries on, and a second tab
// takes the session over until the first asks for it back.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, DESKTOP, launchChromium, startWebServer, watchPage, type WebServer } from './browser-support.js';
import { answer, nextTurn, setUpInterview } from './interview-steps.js';

describe.skipIf(!chromiumAvailable())('resuming an interview in Chromium', () => {
  let browser: Browser;
  let web: WebServer;
  let page: Page;
  let seen: ReturnType<typeof watchPage>;
  const box = () => page.getByRole('textbox', { name: 'Your answer' });
  const progress = async () => page.getByTestId('progress').textContent();

  beforeAll(async () => {
    [browser, web] = await Promise.all([launchChromium(), startWebServer()]);
    page = await (await browser.newContext(DESKTOP)).newPage();
    page.setDefaultTimeout(10_000);
    seen = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('resumes after a reload with the conversation, the unsent draft and the question in play', { timeout: 40_000 }, async () => {
    await page.goto(web.url);
    await setUpInterview(page, { mode: 'mock', topics: ['transformers'], questions: 3, followUps: 0 });
    await nextTurn(page);
    await answer(page, 'Attention lets every token look at every other token.');
    await nextTurn(page);
    expect(await progress()).toBe('Question 2 of 3');
    await box().fill('a half-written answer');
    const before = await page.locator('.chat > li').allTextContents();

    await page.reload();
    await nextTurn(page);
    expect(await progress()).toBe('Question 2 of 3');
    expect(await page.locator('.chat > li').allTextContents()).toEqual(before);
    expect(await box().inputValue()).toBe('a half-written answer');
    expect(await page.locator('.msg.candidate .text').allTextContents()).toEqual(['Attention lets every token look at every other token.']);
  });

  it('shows "reconnecting" while the server is down, keeps an unsent answer, and carries on', { timeout: 40_000 }, async () => {
    const text = 'Multi-head attention runs several attention functions in parallel.';
    await web.restart(async () => {
      await page.locator('.connection[data-state="reconnecting"]').waitFor();
      expect(await page.locator('.connection').textContent()).toContain('Reconnecting');
      await box().fill(text);
      await box().press('Control+Enter');
      await page.getByText('Not connected, so the answer was not sent.').waitFor();
      expect(await box().inputValue()).toBe(text);
    });
    await page.locator('.connection[data-state="open"]').waitFor({ state: 'attached' });
    expect(await nextTurn(page)).toBe('answer');
    await answer(page, text);
    await nextTurn(page);
    expect(await progress()).toBe('Question 3 of 3');
    expect(await page.locator('.msg.candidate .text').allTextContents()).toEqual(['Attention lets every token look at every other token.', text]);
    expect(seen.errors).toEqual([]);
  });

  it('hands the session to a second tab and takes it back on request', { timeout: 30_000 }, async () => {
    const second = await page.context().newPage();
    await second.goto(page.url());
    await nextTurn(second);
    const banner = page.locator('.connection[data-state="stopped"]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('This interview is open in another tab or window.');
    await banner.getByRole('button', { name: 'Continue here' }).click();
    await second.locator('.connection[data-state="stopped"]').waitFor();
    await second.close();
    expect(await nextTurn(page)).toBe('answer');
    await answer(page, 'Positional encodings give the model word order.');
    expect(await nextTurn(page)).toBe('report');
    expect(seen.errors).toEqual([]);
  });
});
