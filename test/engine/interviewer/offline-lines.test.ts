// The offline interviewer's manners: acknowledgements that fit what happened and never repeat in an
// interview, follow-ups that quote the candidate's own words or the claim they contradicted, a
// simpler way in after a non-answer, a request to rephrase after gibberish. Tables, no I/O.
import { describe, expect, it } from 'vitest';
import type { AnswerOutcome } from '../../../src/engine/answer-outcome.js';
import type { SpeakInput } from '../../../src/engine/effects.js';
import { TRANSITION_ACKS } from '../../../src/engine/interviewer/acknowledgements.js';
import { contentPhrase } from '../../../src/engine/interviewer/echo-phrase.js';
import { offlineLine } from '../../../src/engine/interviewer/offline-lines.js';
import type { LineRequest } from '../../../src/engine/lines.js';
import type { Evaluation } from '../../../src/engine/scoring/types.js';
import { CGAN, evaluate, LORA, VAE } from './cases.js';
import type { Question } from '../../../src/engine/bank/schema.js';

const followUp = (question: Question, target: string, evaluation?: Evaluation, over: Partial<SpeakInput> = {}): string =>
  offlineLine({
    request: { kind: 'follow-up', questionIndex: 0, target, round: 1 },
    mode: 'mock',
    seed: 3,
    seq: 9,
    question,
    questionNumber: 1,
    questionTotal: 3,
    answers: [],
    ...(evaluation ? { evaluation } : {}),
    ...over,
  });

describe('follow-ups refer to what the candidate said', () => {
  it('quotes a short content phrase from a related point the answer touched', () => {
    const answer = 'There is a reconstruction loss, and the KL term, which keeps things regular.';
    const evaluation = evaluate(VAE, answer, { reconstruction: { status: 'covered', evidence: ['reconstruction loss'] }, 'kl-term': { status: 'partly', evidence: ['the KL term,'] } });
    const line = followUp(VAE, 'tension', evaluation);
    expect(line).toContain('“KL term”');
    expect(line).toMatch(/What happens to the KL term when you weight it more heavily\?$/);
  });

  it('quotes the probed point\'s own evidence when the answer touched it', () => {
    const answer = 'LoRA freezes the pretrained weights.';
    const evaluation = evaluate(LORA, answer, { 'frozen-base': { status: 'partly', evidence: ['freezes the pretrained weights'] } });
    expect(followUp(LORA, 'frozen-base', evaluation)).toContain('“freezes the pretrained weights”');
  });

  it.each([
    ['single letters and numbers', ['N', '0', 'k']],
    ['function words only', ['the', 'of it']],
    ['nothing', []],
  ])('never quotes %s', (_name, evidence) => {
    const answer = `N 0 k the of it ${'x'.repeat(3)}`;
    const evaluation = evaluate(VAE, answer, { reconstruction: { status: 'partly', evidence } });
    const line = followUp(VAE, 'tension', evaluation);
    expect(line).not.toMatch(/[“”]/);
    expect(line).toMatch(/What happens to the KL term/);
  });

  it('pushes a full answer further by naming something it said', () => {
    const answer = 'The reconstruction term and the KL divergence to the prior pull against each other.';
    const evaluation = evaluate(VAE, answer, {
      reconstruction: { status: 'covered', evidence: ['reconstruction term'] },
      'kl-term': { status: 'covered', evidence: ['KL divergence to the prior'] },
      tension: { status: 'covered', evidence: ['pull against each other'] },
    });
    const line = followUp(VAE, 'depth', evaluation);
    expect(line).toMatch(/“pull against each other”/);
    expect(line).toMatch(/Where does this approach break down in practice\?$/);
  });

  it('probes a contradiction by quoting it', () => {
    const answer = 'The label is not given to the generator, only the discriminator gets it.';
    const evaluation = evaluate(CGAN, answer, { 'both-conditioned': { status: 'missed', negated: true, evidence: ['The label is not given to the generator'] } });
    const line = followUp(CGAN, 'both-conditioned', evaluation);
    expect(line).toContain('you said “The label is not given to the generator”'.replace('you', line.startsWith('You') ? 'You' : 'you'));
    expect(line).toMatch(/Walk me through what the generator and the discriminator each receive\.$/);
  });

  it('says a contradiction needs a second look even when no words were found to quote', () => {
    const evaluation = evaluate(CGAN, 'x', { 'both-conditioned': { status: 'missed', negated: true } });
    expect(followUp(CGAN, 'both-conditioned', evaluation)).toMatch(/check one claim|look again|second look/);
  });
});

describe('contentPhrase', () => {
  it.each([
    [['the KL term,'], 'KL term'],
    [['N', 'two small matrices'], 'two small matrices'],
    [['a really very long stretch of words that goes on and on'], 'really very long stretch of words'],
    [['0', 'k'], undefined],
    [['GAN'], 'GAN'],
  ])('%j -> %s', (evidence, expected) => expect(contentPhrase(evidence)).toBe(expected));
});

describe('second chances', () => {
  it('offers an easier way into the same question after a non-answer, built from its heaviest point', () => {
    const line = followUp(CGAN, 'simpler', evaluate(CGAN, 'x', {}, ['dont-know']));
    expect(line).toMatch(/simpler angle|easier way in|break it down/);
    // The heaviest point without a hint: its own follow-up is the easier question.
    expect(line).toContain('Walk me through what the generator and the discriminator each receive.');
  });

  it('asks to rephrase after gibberish, and does not move on', () => {
    const line = followUp(VAE, 'rephrase', evaluate(VAE, 'asdf qwerty', {}, ['gibberish']));
    expect(line).toMatch(/rephrase|another way|plain words/);
    expect(line).not.toMatch(/move on|next/i);
  });
});

const transition = (outcome: AnswerOutcome | undefined, seed: number, seq: number, said: string[]): string =>
  offlineLine({
    request: { kind: 'question', questionIndex: 1, transition: true, retry: false } satisfies LineRequest,
    mode: 'mock',
    seed,
    seq,
    question: VAE,
    questionNumber: 2,
    questionTotal: 9,
    answers: [],
    ...(outcome ? { previousOutcome: outcome } : {}),
    said,
  });

const ackOf = (line: string): string => line.slice(0, line.indexOf('Question 2 of 9.')).trim();

describe('acknowledgements fit what happened', () => {
  const WRONG_AFTER: Record<string, RegExp> = {
    'dont-know': /^(Right|Good|Great|Nice|Thanks|Thank you)\b/,
    skipped: /^(Thank you, that|Thanks|Great|Good|Nice)/,
    gibberish: /^(Okay, let.s move on|Thanks|Good|Great|Right)/,
    'off-topic': /^(Thanks|Good|Great|Right)/,
    'timed-out': /^(Thanks|Good|Great)/,
  };
  it.each(Object.keys(TRANSITION_ACKS) as AnswerOutcome[])('after %s, for any seed, the acknowledgement is one written for it', (outcome) => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const ack = ackOf(transition(outcome, seed, 12, []));
      expect(TRANSITION_ACKS[outcome]).toContain(ack);
      if (WRONG_AFTER[outcome]) expect(ack).not.toMatch(WRONG_AFTER[outcome]);
    }
  });

  it('never says the same acknowledgement twice in one interview, and stays deterministic', () => {
    const outcomes: AnswerOutcome[] = ['strong', 'strong', 'strong', 'partial', 'strong', 'strong', 'dont-know', 'skipped', 'partial', 'strong', 'weak'];
    for (let seed = 1; seed <= 30; seed += 1) {
      const said: string[] = [];
      const acks: string[] = [];
      outcomes.forEach((outcome, i) => {
        const line = transition(outcome, seed, 10 + 3 * i, said);
        expect(transition(outcome, seed, 10 + 3 * i, said)).toBe(line);
        said.push(line);
        const ack = ackOf(line);
        if (ack) acks.push(ack);
      });
      expect(new Set(acks).size).toBe(acks.length);
      // Five "strong" lines and five phrasings: every one was acknowledged.
      expect(acks.length).toBe(outcomes.length - 1);
    }
  });

  it('uses "That covers the basics well." at most once across depth follow-ups', () => {
    const said: string[] = [];
    for (let i = 0; i < 6; i += 1) said.push(followUp(VAE, 'depth', undefined, { seq: 20 + i, said: [...said] }));
    expect(said.filter((l) => l.startsWith('That covers the basics well.')).length).toBeLessThanOrEqual(1);
  });

  it('words the opening for one question correctly', () => {
    const line = offlineLine({ request: { kind: 'opening' }, mode: 'mock', seed: 2, seq: 1, questionTotal: 1, answers: [] });
    expect(line).toMatch(/\b1 question\b/);
    expect(line).not.toMatch(/1 questions/);
  });
});
