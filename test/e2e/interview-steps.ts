// What a candidate does in the browser, as steps the e2e tests share: set up an interview, wait
// for their turn, answer (with the bank's reference answer when a test wants a good score).
import type { Page } from 'playwright-core';
import type { Question } from '../../src/engine/bank/schema.js';
import { testBank } from '../support/start-test-server.js';

export interface SetupChoice {
  mode: 'mock' | 'drill';
  topics: string[];
  questions: number;
  followUps: number;
  timeLimit?: string;
}

/** Fills the setup form and starts the interview; resolves once the answer box is shown. */
export async function setUpInterview(page: Page, choice: SetupChoice): Promise<void> {
  await page.getByRole('radio', { name: choice.mode === 'drill' ? 'Drill' : 'Mock interview' }).check();
  for (const topic of choice.topics) await page.locator(`input[name="topics"][value="${topic}"]`).check();
  await page.getByLabel('Number of questions').fill(String(choice.questions));
  await page.getByLabel('Most follow-ups per question').fill(String(choice.followUps));
  if (choice.timeLimit) await page.getByLabel('Time limit per question').selectOption({ label: choice.timeLimit });
  await page.getByRole('button', { name: 'Start interview' }).click();
  await page.getByRole('textbox', { name: 'Your answer' }).waitFor();
}

/** Waits until the candidate may answer (Send enabled) or the report is shown; says which. */
export async function nextTurn(page: Page, timeout = 20_000): Promise<'answer' | 'report'> {
  await page.waitForFunction(
    () => {
      const send = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Send');
      return document.querySelector('[data-testid="report"]') !== null || (send !== undefined && !send.disabled);
    },
    undefined,
    { timeout },
  );
  return (await page.locator('[data-testid="report"]').count()) > 0 ? 'report' : 'answer';
}

/** The text of the latest interviewer line. */
export async function lastLine(page: Page): Promise<string> {
  return (await page.locator('.msg.interviewer .text').last().textContent()) ?? '';
}

/** Types an answer, sends it with Ctrl+Enter and waits until the server acknowledged it. */
export async function answer(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Your answer' });
  await box.fill(text);
  await box.press('Control+Enter');
  await page.waitForFunction(() => (document.getElementById('answer') as HTMLTextAreaElement | null)?.value === '', undefined, { timeout: 10_000 });
}

/**
 * Answers with the bank's reference answer of the question in play: a line that quotes a prompt
 * names the question; follow-ups and hints keep the last one.
 */
export function referenceAnswerer(): (line: string) => Promise<string> {
  let current: Question | undefined;
  return async (line) => {
    const bank = await testBank();
    current = bank.questions.find((q) => line.includes(q.prompt.trim())) ?? current;
    if (!current) throw new Error(`no bank question matches the line: ${line}`);
    return current.referenceAnswer;
  };
}

/** Answers every remaining turn with `text(lineText)` until the report is shown; returns how many. */
export async function answerUntilReport(page: Page, text: (line: string) => Promise<string> | string, limit = 30): Promise<number> {
  for (let n = 0; n < limit; n += 1) {
    if ((await nextTurn(page)) === 'report') return n;
    await answer(page, await text(await lastLine(page)));
  }
  throw new Error(`the interview did not end after ${limit} answers`);
}
