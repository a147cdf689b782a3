// Guards on the blind check set (test/fixtures/blind-check): answers written by someone who had not
// seen the scorer and never ran it. The thresholds are what the scorer reached when the set was first
// measured (strong 29/30 in band, hedged 30/30, partial 18/30, wrong mean 53.4, 1 false
// "Contradicted" among correct answers), with a little slack: they catch a change that makes things
// worse on answers nobody tuned for. Never tune on this set; fix the scorer on training data.
import { describe, expect, it } from 'vitest';
import { BLIND_NONANSWER_DIR, BLIND_STAR_DIR, blindGraderAddress, namedNonAnswer, scoreBlind, summariseBlind } from '../../bench/blind-check.js';

const answers = await scoreBlind();
const ofKind = (kind: string) => answers.filter((a) => a.kind === kind);
const inBand = (kind: string) => ofKind(kind).filter((a) => a.miss === 0).length;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('blind check set', () => {
  it('has 30 questions with four kinds of answer each', () => {
    expect(answers).toHaveLength(120);
    expect(summariseBlind(answers).questions).toBe(30);
  });

  it('credits correct answers in the candidate\'s own words, hedged or not', () => {
    expect(inBand('strong-own-words')).toBeGreaterThanOrEqual(28);
    expect(inBand('hedged')).toBeGreaterThanOrEqual(29);
    for (const a of [...ofKind('strong-own-words'), ...ofKind('hedged')]) expect(a.flags, a.id).toEqual([]);
    const told = [...ofKind('strong-own-words'), ...ofKind('hedged'), ...ofKind('partial')].filter((a) => a.contradicted.length > 0);
    expect(told.length, told.map((a) => a.id).join('\n')).toBeLessThanOrEqual(4);
  });

  it('keeps partial answers below the strong ones and mostly in their band', () => {
    expect(inBand('partial')).toBeGreaterThanOrEqual(16);
    expect(mean(ofKind('strong-own-words').map((a) => a.overall)) - mean(ofKind('partial').map((a) => a.overall))).toBeGreaterThanOrEqual(20);
  });

  it('does not let fluent wrong answers drift up (they are the known weakness: mean 53.4 when first measured)', () => {
    expect(mean(ofKind('wrong').map((a) => a.overall))).toBeLessThanOrEqual(56);
    expect(summariseBlind(answers).wrongAbovePartial).toBeLessThanOrEqual(16);
  });
});

// The behavioural blind set (test/fixtures/blind-star), first measured after the STAR reader landed:
// strong own words 6/10 in band (mean 73.2), hedged 4/5, keyword lists 5/5 (all 0), non-answers 4/5
// (all under 1), off-topic stories 0/5 (mean 49.9: the known gap, a good story to another question).
const stories = await scoreBlind(undefined, BLIND_STAR_DIR);
const storiesOf = (kind: string) => stories.filter((a) => a.kind === kind);

describe('blind behavioural set', () => {
  it('has 40 stories to the 5 behavioural questions', () => {
    expect(stories).toHaveLength(40);
    expect(summariseBlind(stories).questions).toBe(5);
  });

  it('credits real stories and gives STAR vocabulary and non-answers nothing', () => {
    expect(storiesOf('strong-own-words').filter((a) => a.miss === 0).length).toBeGreaterThanOrEqual(5);
    expect(mean(storiesOf('strong-own-words').map((a) => a.overall))).toBeGreaterThanOrEqual(68);
    expect(storiesOf('hedged').filter((a) => a.miss === 0).length).toBeGreaterThanOrEqual(3);
    for (const a of storiesOf('keyword-list')) expect(a.overall, a.id).toBeLessThanOrEqual(35);
    for (const a of storiesOf('non-answer')) expect(a.overall, a.id).toBeLessThan(5);
    expect(mean(storiesOf('strong-own-words').map((a) => a.overall)) - mean(storiesOf('partial').map((a) => a.overall))).toBeGreaterThanOrEqual(20);
  });

  it('does not let a good story to another question drift further up (the known gap)', () => {
    expect(mean(storiesOf('off-topic').map((a) => a.overall))).toBeLessThanOrEqual(55);
  });
});

// Replies that must earn nothing, and grader-address cases (test/fixtures/blind-nonanswers), first measured
// at: non-answers 11/30 at exactly 0 (mean 2.6, 6 named as non-answers), off-topic 18/30 within 10 (mean
// 12.3), keyword lists 30/30 at most 35; injections 19/25 found, 0 of 15 talk-about-grading answers flagged.
// After the evasive-reply check (tuned on the two non-answer development sets only): 23 of 30 named;
// after the another-question check (tuned on bank references given to other questions): off-topic 23/30.
const replies = await scoreBlind(undefined, BLIND_NONANSWER_DIR);
const repliesOf = (kind: string) => replies.filter((a) => a.kind === kind);

describe('blind replies that must earn nothing', () => {
  it('keyword lists never score above 35, non-answers stay near 0, other questions\' answers stay low', () => {
    expect(replies).toHaveLength(90);
    for (const a of repliesOf('keyword-list')) expect(a.overall, a.id).toBeLessThanOrEqual(35);
    expect(mean(repliesOf('non-answer').map((a) => a.overall))).toBeLessThanOrEqual(4);
    expect(Math.max(...repliesOf('non-answer').map((a) => a.overall))).toBeLessThanOrEqual(30);
    expect(mean(repliesOf('off-topic').map((a) => a.overall))).toBeLessThanOrEqual(15);
    const named = repliesOf('non-answer').filter((a) => namedNonAnswer(a.flags));
    expect(named.length).toBeGreaterThanOrEqual(21);
    expect(repliesOf('off-topic').filter((a) => a.miss === 0).length).toBeGreaterThanOrEqual(21);
  });

  it('finds text addressed to the grader and leaves talk about grading alone', () => {
    const g = blindGraderAddress();
    expect(g.injected).toBe(25);
    // 19 of 25 when first measured; 22 after the rules tuned on the second author's development set
    // (test/fixtures/grader-address-dev), measured once after.
    expect(g.found).toBeGreaterThanOrEqual(21);
    expect(g.wronglyFlagged).toBe(0);
  });
});
