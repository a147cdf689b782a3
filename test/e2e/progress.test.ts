// Progress in Chromium over days, with the server's clock injected: a weak first interview, the
// due list two days later, "Practise my weak spots" asking about exactly those key points, and the
// trend, mastery map and due list changing after it. Also: a session this browser held from
// before profiles is claimed on load.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../web/build.js';
import { hashToken } from '../../src/server/auth.js';
import { startTestServer, testBank, type TestServer } from '../support/start-test-server.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';
import { chromiumAvailable, DESKTOP, launchChromium, screenshot, watchPage } from './browser-support.js';
import { answerUntilReport, referenceAnswerer, setUpInterview } from './interview-steps.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

describe.skipIf(!chromiumAvailable())('progress over days in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let dir: TempDir;
  let clock = T0;

  beforeAll(async () => {
    dir = tempDir('probe-e2e-progress-');
    const webDir = await buildWeb({ outDir: dir.file('web'), minify: false });
    [browser, server] = await Promise.all([launchChromium(), startTestServer({ paceMs: 1, server: { webDir, now: () => clock } })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    dir?.remove();
  });

  /** Loads the progress page afresh (a hash change alone would keep the page already shown). */
  const openProgress = async (page: Page) => {
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/progress`);
    await page.getByRole('heading', { name: 'Your progress' }).waitFor();
    await page.getByTestId('time-practised').waitFor();
  };
  const dueNow = (page: Page) => page.locator('[data-testid="due-list"] li[data-due-now="yes"]');

  it('shows the trend, the mastery map and the due list change, and drills the weakest key points', { timeout: 120_000 }, async () => {
    const bank = await testBank();
    // A session from before profiles: stored with no owner, held in this browser's localStorage.
    const plan = { mode: 'mock' as const, seed: 1, topics: ['gans'], difficulty: { min: 1, max: 3 }, maxFollowUps: 0, bankVersion: bank.version, questions: bank.questions.filter((q) => q.topic === 'gans').slice(0, 1) };
    await server.services.store.create({ id: 'old-session', tokenHash: hashToken('old-token'), plan, createdAt: T0 - DAY });
    const context = await browser.newContext(DESKTOP);
    await context.addInitScript(() => {
      if (location.protocol !== 'http:' || localStorage.getItem('probe.sessions')) return;
      const old = { id: 'old-session', token: 'old-token', websocket: '/api/sessions/old-session/ws', mode: 'mock', topics: ['gans'], questionCount: 1, interviewer: 'offline', createdAt: 1, questionTimeLimitSeconds: null, status: 'active', overall: null };
      localStorage.setItem('probe.sessions', JSON.stringify([old]));
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const seen = watchPage(page);

    // Day 0: a weak mock interview on VAEs.
    await page.goto(server.url);
    await setUpInterview(page, { mode: 'mock', topics: ['vaes'], questions: 1, followUps: 0 });
    await answerUntilReport(page, () => 'I do not remember this one, sorry.');
    const [mine] = (await server.services.profiles.history((await server.services.profiles.ensure('local', clock)).id)).sessions.filter((s) => s.id !== 'old-session');
    const asked = mine?.plan.questions[0];
    expect(asked?.topic).toBe('vaes');

    await openProgress(page);
    // The old session was claimed on load and is listed with the profile's sessions.
    await page.locator('[data-testid="server-sessions"] li[data-session="old-session"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="mastery-map"] .kp').count()).toBe(asked?.keyPoints.length);
    expect(await page.locator('[data-testid="mastery-map"] .kp-covered').count()).toBe(0);
    expect(await page.locator('.trend-legend li').allTextContents()).toEqual([expect.stringMatching(/^Variational Autoencoders: \d+$/)]);
    expect(await dueNow(page).count()).toBe(0);
    await screenshot(page, 'progress-day0');

    // Day 2: those key points are due; the weak-spots drill asks that question again.
    clock = T0 + 2 * DAY;
    await openProgress(page);
    expect(await dueNow(page).count()).toBe(asked?.keyPoints.length);
    const dueBefore = await dueNow(page).count();
    await page.getByTestId('weak-spots').click();
    await page.getByRole('textbox', { name: 'Your answer' }).waitFor();
    await page.locator('.msg.interviewer .text').filter({ hasText: asked?.prompt.trim() ?? '' }).first().waitFor();
    await answerUntilReport(page, referenceAnswerer());

    await openProgress(page);
    const legend = await page.locator('.trend-legend li').allTextContents();
    const scores = (legend[0]?.split(': ')[1] ?? '').split(' → ').map(Number);
    expect(scores).toHaveLength(2);
    expect(scores[1]).toBeGreaterThan(scores[0] ?? 100);
    expect(await page.locator('[data-testid="mastery-map"] .kp-covered').count()).toBeGreaterThan(0);
    expect(await dueNow(page).count()).toBeLessThan(dueBefore);
    expect(await page.locator('svg.trend-chart polyline').count()).toBe(1);
    expect(await page.locator('svg.trend-chart circle').count()).toBe(2);
    await screenshot(page, 'progress-day2');
    expect(seen.errors).toEqual([]);
  });
});
