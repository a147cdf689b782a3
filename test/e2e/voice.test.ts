// Voice in the browser: the dictation control is hidden without speech recognition; with it, the
// transcript lands in the answer box to edit before sending; reading aloud is off until chosen.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, DESKTOP, launchChromium, startWebServer, watchPage, type WebServer } from './browser-support.js';
import { nextTurn, setUpInterview } from './interview-steps.js';

/** Stands in for the Web Speech API: recognition "hears" a fixed phrase; synthesis records what it was asked to say. */
const FAKE_SPEECH = `
  class FakeRecognition {
    start() {
      setTimeout(() => {
        const result = Object.assign([{ transcript: 'attention weighs every token' }], { isFinal: true });
        this.onresult?.({ resultIndex: 0, results: [result] });
      }, 20);
    }
    stop() { setTimeout(() => this.onend?.(), 10); }
  }
  window.SpeechRecognition = FakeRecognition;
  window.webkitSpeechRecognition = FakeRecognition;
  window.__spoken = [];
  window.speechSynthesis.speak = (utterance) => window.__spoken.push(utterance.text);
`;
const NO_RECOGNITION = 'delete window.SpeechRecognition; delete window.webkitSpeechRecognition;';
/** Recognition the browser refuses: the microphone is blocked for the site. */
const BLOCKED_MIC = `
  class BlockedRecognition {
    start() { setTimeout(() => { this.onerror?.({ error: 'not-allowed' }); this.onend?.(); }, 20); }
    stop() {}
  }
  window.SpeechRecognition = BlockedRecognition;
  window.webkitSpeechRecognition = BlockedRecognition;
`;

describe.skipIf(!chromiumAvailable())('voice in Chromium', () => {
  let browser: Browser;
  let web: WebServer;

  beforeAll(async () => {
    [browser, web] = await Promise.all([launchChromium(), startWebServer()]);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function interviewPage(script: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(DESKTOP);
    await context.addInitScript(script);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(web.url);
    await setUpInterview(page, { mode: 'mock', topics: ['transformers'], questions: 2, followUps: 0 });
    await nextTurn(page);
    return { context, page };
  }

  it('hides the dictation control where the browser has no speech recognition', { timeout: 30_000 }, async () => {
    const { context, page } = await interviewPage(NO_RECOGNITION);
    expect(await page.getByRole('button', { name: 'Send', exact: true }).isEnabled()).toBe(true);
    expect(await page.locator('button[data-action="dictate"]').count()).toBe(0);
    await context.close();
  });

  it('says in plain words that the microphone is blocked and how to allow it', { timeout: 30_000 }, async () => {
    const { context, page } = await interviewPage(BLOCKED_MIC);
    await page.getByRole('button', { name: 'Dictate' }).click();
    const status = page.locator('.box-status');
    await page.waitForFunction(() => /microphone/.test(document.querySelector('.box-status')?.textContent ?? ''));
    expect(await status.textContent()).toBe('The browser blocked the microphone: allow it in the site settings (the lock icon next to the address) and try again.');
    expect(await page.getByRole('button', { name: 'Dictate' }).getAttribute('aria-pressed')).toBe('false');
    await context.close();
  });

  it('puts the dictated text in the box to edit before sending, and reads questions aloud only once chosen', { timeout: 30_000 }, async () => {
    const { context, page } = await interviewPage(FAKE_SPEECH);
    const seen = watchPage(page);
    const box = page.getByRole('textbox', { name: 'Your answer' });
    const readAloud = page.getByRole('checkbox', { name: 'Read questions aloud' });
    expect(await readAloud.isChecked()).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)).toEqual([]);

    await page.getByRole('button', { name: 'Dictate' }).click();
    await page.waitForFunction(() => (document.getElementById('answer') as HTMLTextAreaElement).value === 'attention weighs every token');
    expect(await page.getByRole('button', { name: 'Stop dictating' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Stop dictating' }).click();
    await page.getByText('Dictation stopped; edit the text, then send.').waitFor();

    await readAloud.check();
    await box.fill(`${await box.inputValue()} by its relevance to the query`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await nextTurn(page);
    expect(await page.locator('.msg.candidate .text').allTextContents()).toEqual(['attention weighs every token by its relevance to the query']);
    await page.waitForFunction(() => (window as unknown as { __spoken: string[] }).__spoken.length > 0);
    const spoken = await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toContain('Question 2 of 2');
    expect(seen.errors).toEqual([]);
    await context.close();
  });
});
