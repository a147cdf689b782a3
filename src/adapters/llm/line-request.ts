// Which lines the LLM phrases and with which prompt and values. The first question, a retried
// question and a drill hint keep their authored wording: they need no phrasing, only accuracy.
import type { Question } from '../../engine/bank/schema.js';
import type { SpeakInput } from '../../engine/effects.js';
import { formatAnswers } from './data-slot.js';
import type { LineGuardOptions } from './line-guard.js';
import type { LoadedPrompts } from './load-prompts.js';
import type { PromptName, PromptValues } from './prompt-specs.js';

/** An LLM line: its rendered prompt, and authored text spoken after the generated part (the question itself). */
export type LinePlan = { llm: false } | { llm: true; suffix: string; render: (prompts: LoadedPrompts) => Promise<string> };

const llmLine = <N extends PromptName>(prompt: N, values: PromptValues<N>, suffix = ''): LinePlan => ({
  llm: true,
  suffix,
  render: (prompts) => prompts.render(prompt, values),
});

const END_REASON = { completed: 'all questions were asked', 'ended-early': 'the candidate ended it early', 'time-up': 'the time ran out' } as const;

function band(overall: number | null, status: string): string {
  if (overall === null) return status === 'pending' ? 'not reached' : status;
  return overall >= 70 ? 'strong' : overall >= 40 ? 'partial' : 'weak';
}

/** The closing prompts' summary: one line per question, by band, never by score. */
export function summaryLines(summary: NonNullable<SpeakInput['summary']>): string {
  return summary.map((s, i) => `- Question ${i + 1} (${s.prompt}): ${band(s.overall, s.status)}`).join('\n');
}

function followUpTarget(input: SpeakInput, target: string): { target: string; example: string } {
  const question = input.question;
  const authored = question?.followUps.filter((f) => f.target === target) ?? [];
  const round = input.request.kind === 'follow-up' ? input.request.round : 1;
  const example = authored.length > 0 ? (authored[(round - 1) % authored.length]?.prompt ?? '') : 'What else would you add?';
  if (target === 'simpler') return { target: 'the candidate could not answer; offer an easier way into the same question, without giving the answer away', example: question?.keyPoints[0]?.hint ?? 'In a sentence, what is the main idea?' };
  if (target === 'rephrase') return { target: 'the answer could not be understood; ask the candidate to rephrase it in plain words', example: 'Could you rephrase that in a sentence or two?' };
  if (target === 'depth') return { target: 'the answer covered the basics; push for depth: how it works underneath, trade-offs, failure modes or use in practice', example };
  const kp = question?.keyPoints.find((k) => k.id === target);
  return { target: kp ? `the answer left out or only touched on this: "${kp.statement}"` : 'what the answer left out', example };
}

/** Plans the line for a speak effect. */
export function planLine(input: SpeakInput): LinePlan {
  const { request, question } = input;
  switch (request.kind) {
    case 'opening':
      return llmLine('opening', { mode: input.mode, question_total: String(input.questionTotal) });
    case 'question': {
      if (!request.transition || request.retry || !question) return { llm: false };
      const number = input.questionNumber ? `Question ${input.questionNumber} of ${input.questionTotal}. ` : '';
      const values = { question: question.prompt, question_number: String(input.questionNumber ?? ''), question_total: String(input.questionTotal) };
      return llmLine('transition', values, ` ${number}${question.prompt}`);
    }
    case 'follow-up': {
      if (!question) return { llm: false };
      const { target, example } = followUpTarget(input, request.target);
      const values = { mode: input.mode, question: question.prompt, answers: formatAnswers(input.answers), target, example, round: String(request.round) };
      return llmLine('followUp', values);
    }
    case 'closing': {
      const summary = summaryLines(input.summary ?? []);
      return llmLine('closing', { reason: END_REASON[request.reason], summary: summary || '(no questions reached)' });
    }
    case 'hint':
      return { llm: false };
  }
}

const secrets = new WeakMap<Question, readonly string[]>();

/** A question's texts a mock-mode line must not give away, one array per question object (the guard keeps its runs with it). */
function secretOf(question: Question): readonly string[] {
  let texts = secrets.get(question);
  if (!texts) secrets.set(question, (texts = [question.referenceAnswer, ...question.keyPoints.map((k) => k.statement)]));
  return texts;
}

/**
 * What a mock-mode line must not give away (the reference answers and key points of every question
 * of the plan, not only the one in play: the closing line has none in play), and what the candidate
 * has seen or said already (prompts, their answers, authored follow-ups).
 */
export function guardOptions(input: SpeakInput): LineGuardOptions {
  if (input.mode !== 'mock') return { secret: [], seen: [] };
  const inPlay = input.question ? [{ question: input.question, answers: input.answers }] : [];
  const all = [...inPlay, ...(input.session ?? []).filter((s) => s.question.id !== input.question?.id)];
  return {
    secret: all.map(({ question }) => secretOf(question)),
    seen: all.flatMap(({ question, answers }) => [question.prompt, ...answers, ...question.followUps.map((f) => f.prompt)]),
  };
}
