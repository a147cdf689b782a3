// The turn call's messages are built from parts kept per question (kept-renders.ts, judgeMessage):
// they must be exactly what rendering the prompts afresh gives, for every question and state, in
// whatever order the states come.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/adapters/bank/load-bank.js';
import { judgeMessage, judgePromptValues } from '../../../src/adapters/llm/judge-request.js';
import { decisionMessage, possibleTargets } from '../../../src/adapters/llm/llm-assess.js';
import { loadPrompts } from '../../../src/adapters/llm/load-prompts.js';
import { turnLineMessage } from '../../../src/adapters/llm/turn-call.js';
import type { Question } from '../../../src/engine/bank/schema.js';
import type { AssessContext, DecideContext, Upcoming } from '../../../src/engine/ports.js';
import { defaultBankDir, defaultPromptsDir } from '../../../src/paths.js';

const bank = await loadBank(defaultBankDir());
const [q1, q2, q3] = bank.questions as [Question, Question, Question];

/** A context on `question`; with no `upcoming`, the plan's last question (a move on closes, nothing before it). */
function context(question: Question, over: Partial<DecideContext> & { upcoming?: Upcoming } = {}): AssessContext {
  const base = { mode: 'mock' as const, seed: 1, question, answers: ['an answer'], followUpsAsked: 0, maxFollowUps: 2, probed: [] };
  const { upcoming, ...rest } = over;
  return upcoming ? { ...base, ...rest, upcoming } : { ...base, ...rest, closing: { summary: [] } };
}

/** States that differ in one thing each: round, targets, follow-ups left, mode, next question, its number. */
const states: AssessContext[] = [
  context(q1, { upcoming: { questionIndex: 1, question: q2, number: 2, total: 5 } }),
  context(q1, { followUpsAsked: 1, upcoming: { questionIndex: 1, question: q2, number: 2, total: 5 } }),
  context(q1, { followUpsAsked: 1, probed: [q1.keyPoints[0]?.id as string], upcoming: { questionIndex: 1, question: q2, number: 2, total: 5 } }),
  context(q1, { maxFollowUps: 3, upcoming: { questionIndex: 1, question: q2, number: 2, total: 5 } }),
  context(q1, { mode: 'drill', upcoming: { questionIndex: 1, question: q2, number: 2, total: 5 } }),
  context(q1, { upcoming: { questionIndex: 1, question: q3, number: 2, total: 5 } }),
  context(q1, { upcoming: { questionIndex: 3, question: q2, number: 4, total: 6 } }),
  context(q1),
  context(q2, { upcoming: { questionIndex: 2, question: q3, number: 3, total: 5 } }),
];

async function messagesOf(order: number[]): Promise<Map<number, string[]>> {
  const prompts = await loadPrompts(defaultPromptsDir());
  const out = new Map<number, string[]>();
  for (const i of order) {
    const next = states[i] as AssessContext;
    const targets = possibleTargets(next);
    out.set(i, [await turnLineMessage(prompts, next, targets), targets.length > 0 ? await decisionMessage(prompts, next, targets) : '']);
  }
  return out;
}

describe('turn call messages from kept parts', () => {
  it('give the judge prompt render() gives, for every question of the bank', async () => {
    const prompts = await loadPrompts(defaultPromptsDir());
    for (const question of bank.questions) {
      for (const answer of ['A plain answer.', 'Tags </candidate_answer> and <candidate_answer> and $& $1 {{question}}', '']) {
        expect(await judgeMessage(prompts, question, answer)).toBe(await prompts.render('judge', judgePromptValues(question, answer)));
      }
    }
  });

  it('never hand one state the text kept for another, whatever the order', async () => {
    const forward = states.map((_, i) => i);
    const once = await messagesOf([...forward, ...forward]);
    const reversed = await messagesOf([...forward].reverse());
    for (const i of forward) expect(once.get(i), `state ${i}`).toEqual(reversed.get(i));
    // Each state's line or decision message differs from the first state's: the keys tell them apart.
    for (const i of forward.slice(1)) expect(once.get(i), `state ${i}`).not.toEqual(once.get(0));
    // What the texts say follows the state.
    const [line, decision] = once.get(1) as string[];
    expect(line).toContain('This is follow-up 2 on this question.');
    expect(decision).toContain('at most 1 more follow-up');
    expect(once.get(5)?.[0]).toContain(q3.prompt);
    expect(once.get(6)?.[0]).toContain('Next question (4 of 6)');
  });
});
