// The details a newcomer noticed (issue 13): topics in the guide's order, a draft that stays with
// its question when the timer moves on, Markdown and math rendered in the chat and the report while
// hostile HTML stays inert, "1 question" in the singular, the score colours, and the history table.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAND_COLORS, bandOfShare } from '../../src/engine/report/score-colors.js';
import { chromiumAvailable, DESKTOP, launchChromium, screenshot, startWebServer, watchPage, type WebServer } from './browser-support.js';
import { answer, answerUntilReport, nextTurn, setUpInterview } from './interview-steps.js';

const MARKDOWN = [
  'The discriminator is **binary**: it outputs `D(x)`, a probability, and the loss is $\\log D(x) + \\log(1 - D(G(z)))$.',
  '',
  '- the generator maps noise to samples',
  '- the discriminator scores them',
  '',
  '```python',
  'loss = bce(d_real, ones) + bce(d_fake, zeros)',
  '```',
  '<img src=x onerror="window.__pwned = 1"> <script>window.__pwned = 2</script>',
].join('\n');

/** Creates a session through the API as the setup page does, with a per-question limit the form does not offer. */
async function startTimedSession(page: Page, seconds: number): Promise<string> {
  return page.evaluate(async (limit) => {
    const res = await fetch('/api/sessions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'mock', topics: ['gans'], questionCount: 2, maxFollowUps: 0, questionTimeLimitSeconds: limit }),
    });
    const s = await res.json();
    const record = { id: s.id, token: s.token, websocket: s.websocket, mode: s.mode, topics: ['gans'], questionCount: s.questionCount, interviewer: s.interviewer, createdAt: Date.now(), questionTimeLimitSeconds: limit, status: 'active', overall: null };
    localStorage.setItem('probe.sessions', JSON.stringify([record]));
    return s.id as string;
  }, seconds);
}

describe.skipIf(!chromiumAvailable())('interview details in Chromium', () => {
  let browser: Browser;
  let web: WebServer;
  let context: BrowserContext;

  beforeAll(async () => {
    [browser, web] = await Promise.all([launchChromium(), startWebServer({ paceMs: 1 })]);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function freshPage(): Promise<Page> {
    await context?.close();
    context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(web.url);
    await page.getByText('Interviewer: the offline interviewer').waitFor();
    return page;
  }

  it('lists topics in the guide order, Foundations first', { timeout: 30_000 }, async () => {
    const page = await freshPage();
    const ids = await page.locator('input[name="topics"]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(ids.slice(0, 4)).toEqual(['foundations', 'gans', 'vaes', 'evaluation']);
    expect(ids.at(-1)).toBe('career');
  });

  it('keeps an unsent draft with its question when the timer moves on', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const id = await startTimedSession(page, 15);
    await page.goto(`${web.url}#/interview/${id}`);
    expect(await nextTurn(page)).toBe('answer');
    const box = page.getByRole('textbox', { name: 'Your answer' });
    await box.fill('half an answer to question one');
    // The 15 s limit runs out: question 2 arrives with an empty box, not question 1's draft.
    await page.getByTestId('progress').getByText('Question 2 of 2').waitFor({ timeout: 40_000 });
    expect(await page.locator('.notice[data-kind="timeout"]').count()).toBe(1);
    expect(await box.inputValue()).toBe('');
    await box.fill('a draft for question two');
    await page.reload();
    await page.getByTestId('progress').getByText('Question 2 of 2').waitFor();
    await page.waitForFunction(() => (document.getElementById('answer') as HTMLTextAreaElement | null)?.value === 'a draft for question two');
  });

  it('renders Markdown and math in the chat and the report, and hostile HTML stays text', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    const seen = watchPage(page);
    const chunks: string[] = [];
    page.on('request', (r) => void (r.url().includes('/chunks/') && chunks.push(r.url())));
    await setUpInterview(page, { mode: 'mock', topics: ['gans'], questions: 1, followUps: 0 });
    expect(await nextTurn(page)).toBe('answer');
    const opening = (await page.locator('.msg.interviewer[data-kind="opening"] .text').textContent()) ?? '';
    expect(opening).not.toMatch(/\b1 questions\b/);
    expect(opening).toMatch(/\b1 question\b/);
    // No math yet, so KaTeX has not been downloaded.
    expect(chunks).toEqual([]);
    await answer(page, MARKDOWN);
    const said = page.locator('.msg.candidate .text').first();
    expect(await said.locator('strong').textContent()).toBe('binary');
    expect(await said.locator('code').first().textContent()).toBe('D(x)');
    expect(await said.locator('li').allTextContents()).toEqual(['the generator maps noise to samples', 'the discriminator scores them']);
    expect(await said.locator('pre code').textContent()).toContain('loss = bce(d_real, ones)');
    // KaTeX arrives in its own chunk on the first math and redraws the block.
    await said.locator('math').waitFor();
    expect(await said.locator('math').count()).toBe(1);
    expect(chunks.length).toBeGreaterThan(0);
    expect(await said.textContent()).toContain('<img src=x onerror="window.__pwned = 1"> <script>window.__pwned = 2</script>');
    expect(await page.locator('main img, main script, main [onerror]').count()).toBe(0);

    expect(await nextTurn(page)).toBe('report');
    const report = page.getByTestId('report');
    const answerInReport = report.locator('blockquote.answer').first();
    await answerInReport.waitFor();
    expect(await answerInReport.locator('strong').textContent()).toBe('binary');
    await answerInReport.locator('math').waitFor();
    expect(await answerInReport.locator('math').count()).toBe(1);
    expect(await page.locator('main img, main script, main [onerror]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main').textContent()).not.toMatch(/\b1 questions\b/);

    // The advice points at the question in the report, not at a guide the candidate does not have.
    expect(await report.locator('.verdict').textContent()).toMatch(/question 1 \(\d+\/100, on Generative Adversarial Networks\)/);
    expect(await report.textContent()).not.toMatch(/guide section|beyond the guide/i);
    const hash = await page.evaluate(() => location.hash);
    await report.getByTestId('gaps').getByRole('link', { name: 'question 1' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-q1');
    expect(await page.evaluate(() => location.hash)).toBe(hash);

    // One colour scale: each bar is coloured by its score's band, as in the HTML and PDF reports.
    const bars = await report.locator('.score-chart rect.bar').evaluateAll((rects) =>
      rects.map((r) => ({ fill: getComputedStyle(r).fill, score: Number(r.parentElement?.querySelector('.bar-value')?.textContent) })),
    );
    expect(bars.length).toBeGreaterThan(0);
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    for (const bar of bars) expect(bar.fill).toBe(rgb(BAND_COLORS[bandOfShare(bar.score)].light));
    await screenshot(page, 'report-markdown-desktop');
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it('names a non-answer in words in the drill feedback and in the report', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    await setUpInterview(page, { mode: 'drill', topics: ['vaes'], questions: 1, followUps: 0 });
    expect(await nextTurn(page)).toBe('answer');
    await answer(page, "I don't know.");
    const feedback = page.getByTestId('feedback').first();
    await feedback.waitFor();
    expect(await feedback.locator('.flags').textContent()).toContain('You said you did not know, so no key point was credited.');
    expect(await feedback.getByTestId('feedback-counts').textContent()).toMatch(/^Covered \(0\) · Partly \(0\) · Missed \(\d+\)$/);
    // Drill keeps probing a non-answer; skipping ends this one-question drill.
    if ((await nextTurn(page)) === 'answer') await page.getByRole('button', { name: 'Skip' }).click();
    expect(await nextTurn(page)).toBe('report');
    const notes = page.getByTestId('report').getByTestId('question-notes');
    await notes.first().waitFor();
    expect(await notes.first().textContent()).toContain('You said you did not know');
  });

  it('draws the history table with every row border on one line, the last row included', { timeout: 60_000 }, async () => {
    const page = await freshPage();
    for (let n = 0; n < 2; n += 1) {
      await page.goto(`${web.url}#/`);
      await setUpInterview(page, { mode: 'mock', topics: ['vaes'], questions: 1, followUps: 0 });
      await answerUntilReport(page, () => 'A VAE encodes each input as a distribution and decodes samples from it.');
    }
    await page.getByRole('link', { name: 'History' }).click();
    const rows = page.getByTestId('history').locator('tbody tr');
    await rows.nth(1).waitFor();
    const edges = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((cell) => {
        const box = cell.getBoundingClientRect();
        return { bottom: Math.round(box.bottom), border: getComputedStyle(cell).borderBottomWidth };
      })),
    );
    for (const cells of edges) {
      expect(new Set(cells.map((c) => c.bottom)).size).toBe(1);
      expect(new Set(cells.map((c) => c.border))).toEqual(new Set(['1px']));
    }
    await screenshot(page, 'history-rows-desktop');
    // On a phone the rows stack: each row, the last one too, ends in the same full-width rule.
    await page.setViewportSize({ width: 375, height: 740 });
    const stacked = await rows.evaluateAll((trs) => trs.map((tr) => {
      const table = tr.closest('table')?.getBoundingClientRect();
      const box = tr.getBoundingClientRect();
      const cellBorders = [...tr.children].map((c) => getComputedStyle(c).borderBottomWidth).join(',');
      return { left: Math.round(box.left - (table?.left ?? 0)), right: Math.round((table?.right ?? 0) - box.right), border: getComputedStyle(tr).borderBottomWidth, cellBorders };
    }));
    expect(stacked[0]?.border).toBe('1px');
    expect(stacked[0]?.cellBorders).toMatch(/^0px(,0px)*$/);
    expect(new Set(stacked.map((r) => JSON.stringify(r))).size).toBe(1);
    await screenshot(page, 'history-rows-phone');
  });
});
