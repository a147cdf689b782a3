// The follow-up chooser: never asks for what was said, probes contradictions first, gives a
// non-answer one simpler way in and gibberish one request to rephrase. Tables, no I/O.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/engine/bank/schema.js';
import type { DecideInput } from '../../../src/engine/effects.js';
import { offlineDecide } from '../../../src/engine/interviewer/offline-decide.js';
import type { Evaluation } from '../../../src/engine/scoring/types.js';
import { CFG, CGAN, evaluate, LORA, VAE, type Status } from './cases.js';

const decide = (question: Question, answer: string, evaluation: Evaluation, over: Partial<DecideInput> = {}) =>
  offlineDecide({ mode: 'mock', seed: 1, question, answers: [answer], evaluation, followUpsAsked: 0, maxFollowUps: 2, probed: [], ...over });

const CFG_FORMULA = 'We drop the prompt sometimes in training. At sampling: eps = eps_uncond + w * (eps_cond - eps_uncond). A bigger w follows the prompt more.';
const LORA_ANSWER = 'LoRA freezes the pretrained weights and adds two small matrices next to them; only A and B get gradients, so the optimizer state is tiny.';

describe('offlineDecide: never targets a point the answer made', () => {
  it.each<{ name: string; question: Question; answer: string; statuses: Record<string, Status>; never: string; expected: string }>([
    {
      name: 'a formula covers how the two predictions are combined, though the scorer missed it',
      question: CFG,
      answer: CFG_FORMULA,
      statuses: { 'condition-dropout': { status: 'partly' as const, evidence: ['drop the prompt'] }, 'scale-tradeoff': { status: 'covered' as const, evidence: ['follows the prompt more'] } },
      never: 'guidance-formula',
      expected: 'cost',
    },
    {
      name: '"only A and B get gradients" answers which parameters are updated',
      question: LORA,
      answer: LORA_ANSWER,
      statuses: { 'low-rank-update': { status: 'covered' as const, evidence: ['two small matrices'] }, 'frozen-base': { status: 'partly' as const, evidence: ['freezes'] }, 'memory-savings': { status: 'covered' as const, evidence: ['optimizer state'] } },
      never: 'frozen-base',
      expected: 'qlora',
    },
  ])('$name', ({ question, answer, statuses, never, expected }) => {
    const evaluation = evaluate(question, answer, statuses);
    const decision = decide(question, answer, evaluation);
    expect(decision).toMatchObject({ action: 'follow-up', target: expected });
    // Even in a drill with many rounds, the point the answer made is never the target.
    const targets = new Set<string>();
    let probed: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      const d = decide(question, answer, evaluation, { mode: 'drill', probed, maxFollowUps: 6, followUpsAsked: round });
      if (d.action !== 'follow-up') break;
      targets.add(d.target);
      probed = [...probed, d.target];
    }
    expect(targets.has(never)).toBe(false);
  });

  it('an evaluation\'s covered point is never probed, whatever its weight', () => {
    const answer = 'The reconstruction term and the KL term, which trade off.';
    const evaluation = evaluate(VAE, answer, { reconstruction: { status: 'covered', evidence: ['reconstruction term'] }, tension: { status: 'covered', evidence: ['trade off'] } });
    expect(decide(VAE, answer, evaluation)).toMatchObject({ action: 'follow-up', target: 'kl-term' });
  });

  it('a formula that names nothing of a point does not count for it', () => {
    const answer = 'Loss = a + b * c, roughly.';
    const evaluation = evaluate(CFG, answer, {});
    expect(decide(CFG, answer, evaluation)).toMatchObject({ action: 'follow-up', target: 'guidance-formula' });
  });
});

describe('offlineDecide: order of probes', () => {
  it('probes a contradicted point before a heavier missed one', () => {
    const answer = 'The label is not given to the generator, only the discriminator sees it.';
    const evaluation = evaluate(CGAN, answer, { 'both-conditioned': { status: 'missed', negated: true, evidence: ['The label is not given to the generator'] } });
    expect(decide(CGAN, answer, evaluation)).toMatchObject({ action: 'follow-up', target: 'both-conditioned', reason: expect.stringMatching(/^contradicted/) });
  });

  it('probes a missed point before a partly covered heavier one', () => {
    const answer = 'There is a KL term.';
    const evaluation = evaluate(VAE, answer, { tension: { status: 'partly', evidence: ['KL term'] }, reconstruction: { status: 'covered', evidence: ['There'] } });
    expect(decide(VAE, answer, evaluation)).toMatchObject({ target: 'kl-term' });
  });

  it('pushes for depth once when everything is covered, then moves on', () => {
    const answer = 'full answer';
    const all = Object.fromEntries(VAE.keyPoints.map((k) => [k.id, { status: 'covered' as const }]));
    const evaluation = evaluate(VAE, answer, all);
    expect(decide(VAE, answer, evaluation)).toMatchObject({ action: 'follow-up', target: 'depth' });
    expect(decide(VAE, answer, evaluation, { probed: ['depth'], followUpsAsked: 1 })).toMatchObject({ action: 'next' });
  });
});

describe('offlineDecide: non-answers', () => {
  const flagged = (flag: 'dont-know' | 'gibberish' | 'off-topic' | 'empty') => evaluate(VAE, 'x', {}, [flag]);
  it.each([
    ['dont-know', 'mock', [], { action: 'follow-up', target: 'simpler' }],
    ['off-topic', 'mock', [], { action: 'follow-up', target: 'simpler' }],
    ['empty', 'mock', [], { action: 'follow-up', target: 'simpler' }],
    ['dont-know', 'mock', ['simpler'], { action: 'next' }],
    ['gibberish', 'mock', [], { action: 'follow-up', target: 'rephrase' }],
    ['gibberish', 'mock', ['rephrase'], { action: 'next' }],
    ['gibberish', 'drill', [], { action: 'follow-up', target: 'rephrase' }],
    ['dont-know', 'drill', [], { action: 'follow-up', target: 'tension' }],
  ] as const)('%s in %s after %j -> %j', (flag, mode, probed, expected) => {
    expect(decide(VAE, 'x', flagged(flag), { mode, probed: [...probed], followUpsAsked: probed.length })).toMatchObject(expected);
  });

  it('respects the follow-up limit even for a second chance', () => {
    expect(decide(VAE, 'x', flagged('dont-know'), { maxFollowUps: 0 })).toMatchObject({ action: 'next' });
  });
});
