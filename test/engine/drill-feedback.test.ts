// Drill feedback names contradictions and non-answers in words and counts each status apart.
import { describe, expect, it } from 'vitest';
import { drillFeedback } from '../../src/engine/drill-feedback.js';
import { CGAN, evaluate, VAE } from './interviewer/cases.js';

describe('drillFeedback', () => {
  it('counts covered, partly, missed and contradicted separately, and lists each point once', () => {
    const answer = 'The label is not given to the generator. It is used for super-resolution, with a one-hot vector.';
    const evaluation = evaluate(CGAN, answer, {
      'both-conditioned': { status: 'missed', negated: true, evidence: ['The label is not given to the generator'] },
      applications: { status: 'covered', evidence: ['super-resolution'] },
      injection: { status: 'partly', evidence: ['one-hot vector'] },
    });
    const feedback = drillFeedback(CGAN, evaluation);
    expect(feedback.counts).toEqual({ covered: 1, partly: 1, missed: 0, contradicted: 1 });
    expect(feedback.covered.map((c) => [c.id, c.status, c.words])).toEqual([
      ['applications', 'covered', ['super-resolution']],
      ['injection', 'partly', ['one-hot vector']],
    ]);
    // The contradicted point stays in `missed` (marked negated, with its words), as renderers expect.
    expect(feedback.missed).toEqual([{ id: 'both-conditioned', statement: CGAN.keyPoints[0]?.statement, negated: true, words: ['The label is not given to the generator'] }]);
    expect(feedback.contradicted).toEqual([
      {
        id: 'both-conditioned',
        statement: CGAN.keyPoints[0]?.statement,
        said: 'The label is not given to the generator',
        message: `Contradicted: you said "The label is not given to the generator"; the point is: ${CGAN.keyPoints[0]?.statement}`,
      },
    ]);
    expect(feedback.nonAnswer).toBeUndefined();
  });

  it.each([
    ['dont-know', /^That was a don't-know: /],
    ['empty', /^That was an empty answer: /],
    ['gibberish', /^That answer could not be read as words: /],
    ['off-topic', /^That answer was off-topic: /],
  ] as const)('names a %s non-answer in words', (flag, message) => {
    const feedback = drillFeedback(VAE, evaluate(VAE, 'x', {}, [flag]));
    expect(feedback.nonAnswer).toEqual({ flag, message: expect.stringMatching(message) });
    expect(feedback.flags).toEqual([flag]);
    expect(feedback.counts).toEqual({ covered: 0, partly: 0, missed: 3, contradicted: 0 });
    expect(feedback.overall).toBe(0);
  });

  it('does not call a weak but real answer a non-answer', () => {
    expect(drillFeedback(VAE, evaluate(VAE, 'x', {}, ['too-short'])).nonAnswer).toBeUndefined();
  });
});
