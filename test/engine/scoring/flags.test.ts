import { describe, expect, it } from 'vitest';
import { QUESTION, score } from './fixtures.js';

const GOOD =
  'Mode collapse is when the generator keeps producing the same output, a lack of diversity, because nothing rewards diversity. ' +
  "WGAN uses the Earth Mover's distance instead of JS divergence and keeps the critic Lipschitz with a gradient penalty.";

describe('flags', () => {
  it.each([
    ['', ['empty']],
    ['   \n ', ['empty']],
    ['?!', ['empty']],
    ['Yes.', ['too-short']],
    ['asdfgh qwerty lack of diversity zxcvbn same output hjkl EMD', ['gibberish']],
    ["I don't know.", ['dont-know']],
    ['No idea, sorry.', ['dont-know']],
    ["I'm not sure what mode collapse is.", ['dont-know']],
    ['pass', ['dont-know']],
    [QUESTION, ['repeats-question']],
    ['What is mode collapse in a GAN and how does Wasserstein help?', ['repeats-question']],
    ['I enjoy hiking in the mountains with my family every summer holiday, and cooking pasta afterwards.', ['off-topic']],
    [GOOD, []],
    ["I'm not sure, but I think the generator keeps producing the same output because nothing rewards diversity.", []],
  ])('%j -> %j', (answer, flags) => {
    expect(score(answer).flags).toEqual(flags);
  });

  it('a flagged answer scores near zero whatever cue words it holds', () => {
    const stuffed = score('asdfgh qwerty lack of diversity zxcvbn same output hjkl EMD gradient penalty qwrtz');
    expect(stuffed.flags).toEqual(['gibberish']);
    expect(stuffed.overall).toBeLessThan(5);
    expect(stuffed.keyPoints.map((k) => k.status)).toEqual(['missed', 'missed', 'missed', 'missed']);
    expect(score(`${QUESTION} ${QUESTION}`).overall).toBeLessThan(5);
    expect(score("I don't know").overall).toBeLessThan(5);
    expect(score('').overall).toBe(0);
  });

  it('a good answer is not flagged and scores high', () => {
    expect(score(GOOD).overall).toBeGreaterThan(80);
  });
});
