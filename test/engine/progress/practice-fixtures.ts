// Practice histories for the progress tests: sessions on chosen days with chosen key point outcomes.
import type { PracticeQuestion, PracticeSession } from '../../../src/engine/progress/practice-history.js';
import type { KeyPointResult } from '../../../src/engine/scoring/types.js';

export const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

export const reparam: PracticeQuestion = {
  id: 'vae-reparam',
  topic: 'vaes',
  prompt: 'Why does a VAE need the reparameterization trick?',
  keyPoints: [
    { id: 'sampling-blocks-gradient', statement: 'Sampling is not differentiable with respect to the encoder outputs.', weight: 0.5 },
    { id: 'noise-outside', statement: 'Write z as mu plus sigma times noise drawn outside the graph.', weight: 0.5 },
  ],
};

export const modeCollapse: PracticeQuestion = {
  id: 'gan-mode-collapse',
  topic: 'gans',
  prompt: 'What is mode collapse in a GAN?',
  keyPoints: [
    { id: 'few-modes', statement: 'The generator produces only a few kinds of samples.', weight: 0.6 },
    { id: 'remedies', statement: 'Remedies include minibatch discrimination and Wasserstein losses.', weight: 0.4 },
  ],
};

export type Outcome = 'covered' | 'partly' | 'missed' | 'contradicted';

export function keyPoint(q: PracticeQuestion, id: string, outcome: Outcome): KeyPointResult {
  const kp = q.keyPoints.find((k) => k.id === id);
  if (!kp) throw new Error(`no key point ${id}`);
  const evidence = outcome === 'missed' ? [] : [{ start: 0, end: 10, text: outcome === 'contradicted' ? 'does not use noise' : 'some words' }];
  return { id, statement: kp.statement, weight: kp.weight, status: outcome === 'contradicted' ? 'missed' : outcome, evidence, matched: [], negated: outcome === 'contradicted' };
}

/** One evaluation of question `index` with these outcomes per key point id, `minutes` into the session. */
export function evaluation(session: { questions: PracticeQuestion[]; createdAt: number }, index: number, outcomes: Record<string, Outcome>, opts: { attempt?: number; minutes?: number; overall?: number } = {}) {
  const q = session.questions[index] as PracticeQuestion;
  return {
    questionIndex: index,
    questionId: q.id,
    attempt: opts.attempt ?? 1,
    at: session.createdAt + (opts.minutes ?? 2) * 60_000,
    score: { scorer: 'offline' as const, overall: opts.overall ?? 50, keyPoints: Object.entries(outcomes).map(([id, o]) => keyPoint(q, id, o)), criteria: [], flags: [] },
  };
}

export function session(id: string, day: number, questions: PracticeQuestion[], build: (s: { questions: PracticeQuestion[]; createdAt: number }) => PracticeSession['evaluations'], turnTimes?: number[]): PracticeSession {
  const base = { questions, createdAt: T0 + day * DAY };
  return { id, ...base, evaluations: build(base), turnTimes: turnTimes ?? [base.createdAt, base.createdAt + 60_000, base.createdAt + 180_000] };
}
