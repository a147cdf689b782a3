// Fluent answers with the facts reversed (issue 11): the reversed claim earns nothing for its key
// point and is shown as "Contradicted: you said ..."; the same claim the right way round, in other
// words, hedged, or with a negation that agrees, is never called a contradiction. Pairs written
// for this test in our own words, scored against the bank's questions as the interview scores them.
import { describe, expect, it } from 'vitest';
import { contradictionMessage } from '../../../src/engine/drill-feedback.js';
import { analyzeText } from '../../../src/engine/scoring/analyze-text.js';
import { clauseContradictions, compileClauseClaims } from '../../../src/engine/scoring/clause-claims.js';
import { indexAnswer } from '../../../src/engine/scoring/pattern-match.js';
import { coordinatedRoles, deniedConjunct } from '../../../src/engine/scoring/roles.js';
import { toTerms } from '../../../src/engine/scoring/terms.js';
import { gradeBank } from './bank-grade.js';


const score = gradeBank;

/** [question, key point, the claim reversed, the claim right in other words]. */
const PAIRS: [string, string, string, string][] = [
  // Direction of a comparison.
  ['eval-is-vs-fid', 'fid-mechanics', 'For FID a higher number is better: a large FID means the generator is doing well.', 'For FID a lower number is better: a small FID means the generated features sit close to the real ones.'],
  ['vae-reparameterization-trick', 'low-variance-estimator', 'This gradient estimate has a higher variance than REINFORCE, so each example needs many samples.', 'This gradient estimate has a far lower variance than REINFORCE, so a single sample per example is enough.'],
  // A quantity that moves the other way.
  ['diff-classifier-free-guidance', 'scale-tradeoff', 'Turning the guidance scale up increases the diversity of the samples.', 'Turning the guidance scale up reduces the diversity of the samples, though they match the prompt better.'],
  ['diff-ddpm-forward-reverse', 'forward-noising', 'The forward process removes Gaussian noise from the image step by step over T steps.', 'The forward process adds Gaussian noise to the image step by step over T steps.'],
  // A negated conjunct, and "only" one of two parts.
  ['gan-conditional-gans', 'both-conditioned', 'The class label goes to the generator only; the discriminator never gets to see it.', 'The class label goes to the generator and to the discriminator, so an image that looks real but has the wrong label is still rejected.'],
  // Paired / unpaired swapped between two named methods.
  ['gan-image-translation', 'paired-vs-unpaired', 'pix2pix is for when you have no aligned pairs, and CycleGAN needs exact paired examples.', 'pix2pix needs exact paired examples, while CycleGAN learns from two unpaired collections.'],
  // A claim about one named thing said of the other the question names.
  ['train-mixed-precision-scale', 'fp16-loss-scaling', 'bf16 is the format with the narrow exponent range, so bf16 gradients underflow.', 'fp16 is the format with the narrow exponent range, so tiny fp16 gradients underflow unless the loss is scaled.'],
  // Roles swapped.
  ['tf-self-attention-qkv', 'dot-product-scores', "A token's scores are the dot products of its value with the queries of every position.", "A token's scores are the dot products of its query with the keys of every position."],
];

describe('reversed facts against the bank', () => {
  it.each(PAIRS)('%s / %s: the reversed claim is contradicted and earns nothing for the point', (questionId, pointId, reversed) => {
    const s = score(questionId, reversed);
    const point = s.keyPoints.find((k) => k.id === pointId);
    expect(point).toMatchObject({ status: 'missed', negated: true });
    expect(point?.evidence.length).toBeGreaterThan(0);
    const said = point?.evidence.map((e) => e.text).join(' ') ?? '';
    expect(contradictionMessage(said, point?.statement ?? '')).toMatch(/^Contradicted: you said ".+"; the point is: /);
    for (const e of point?.evidence ?? []) expect(reversed.slice(e.start, e.end)).toBe(e.text);
  });

  it.each(PAIRS)('%s / %s: the claim the right way round is never called a contradiction and scores higher', (questionId, pointId, reversed, right) => {
    const s = score(questionId, right);
    expect(s.keyPoints.filter((k) => k.negated).map((k) => k.id)).toEqual([]);
    expect(s.keyPoints.find((k) => k.id === pointId)?.negated).toBe(false);
    expect(s.overall).toBeGreaterThan(score(questionId, reversed).overall + 10);
  });

  it.each([
    ['eval-is-vs-fid', 'Um, I think for FID maybe lower is better? Like a small FID means the two feature distributions are close, I believe.'],
    ['diff-classifier-free-guidance', 'I guess a bigger scale reduces the diversity, probably, and if you push it too far the colours saturate.'],
    ['tf-self-attention-qkv', 'You divide by root d_k, otherwise the scores would grow with the dimension and the softmax would saturate.'],
    ['gan-conditional-gans', 'It is not only the generator that gets the label: the discriminator is conditioned on it too.'],
    ['train-mixed-precision-scale', 'bf16 has a wide exponent range, as wide as fp32, so it rarely needs loss scaling.'],
    // Both directions in one clause, each with its own process.
    ['diff-ddpm-forward-reverse', 'Noise is added in the forward process and removed in the reverse process, one step at a time.'],
    ['tf-kv-cache', 'The cache grows linearly with context length; keys and values of past tokens are stored per layer, queries are not.'],
    ['llm-lora-peft', 'LoRA keeps the base frozen and trains small low-rank matrices; QLoRA also quantises the frozen base to 4-bit.'],
  ])('%s: a right answer (hedged, supposing, agreeing negation, both directions) %j is not contradicted', (questionId, answer) => {
    expect(score(questionId, answer).keyPoints.filter((k) => k.negated).map((k) => k.id)).toEqual([]);
  });
});

describe('clause claims', () => {
  const read = (statement: string, answer: string, questionTerms: string[] = []): string[] => {
    const claims = compileClauseClaims(statement, new Set(questionTerms.flatMap((w) => toTerms(w).map((t) => t.term))));
    return clauseContradictions(claims, indexAnswer(analyzeText(answer))).map((m) => m.matched.join(' '));
  };

  it('reads a direction word against its opposite in the same clause, next to what it is about', () => {
    expect(read('Sharing weights makes the model smaller.', 'Sharing weights makes the model bigger.')).not.toEqual([]);
    expect(read('Sharing weights makes the model smaller.', 'Sharing weights makes the model smaller.')).toEqual([]);
    // Two opposites cancel: "lower ... better" is "higher ... worse".
    expect(read('The metric is a distance, so lower is better.', 'With this metric distance, higher is worse.')).toEqual([]);
  });

  it('knows general opposites of machine-learning explanations (lexicon/synonyms.ts DIRECTION_PAIRS)', () => {
    expect(read('Prefill processes the prompt tokens in parallel.', 'Prefill processes the prompt tokens sequentially, one at a time.')).not.toEqual([]);
    expect(read('Prefill processes the prompt tokens in parallel.', 'Prefill processes all the prompt tokens in parallel.')).toEqual([]);
    expect(read('Weight decay shrinks the weights toward zero.', 'Weight decay grows the weights away from zero.')).not.toEqual([]);
  });

  it('keeps a clause about another named thing apart', () => {
    const statement = 'CycleGAN works with two unpaired image collections.';
    expect(read(statement, 'CycleGAN works only with paired image collections.')).not.toEqual([]);
    expect(read(statement, 'pix2pix works with paired image collections, and CycleGAN with unpaired ones.')).toEqual([]);
  });

  it('does not read suppositions, contrasts or the noun "difference" as claims', () => {
    expect(read('The variance does not grow with the dimension.', 'Otherwise the variance would grow with the dimension.')).toEqual([]);
    expect(read('Both images are the same size.', 'The difference between the two images is their size.')).toEqual([]);
    const claims = compileClauseClaims('Attention is global, unlike local convolutions.', new Set()).map((c) => c.pattern.text);
    expect(claims).toEqual(['Attention global']);
  });

  it('lets a right statement of the claim elsewhere outweigh a stray opposite', () => {
    expect(read('Adding noise corrupts the image.', 'Adding noise corrupts the image; later the model removes noise to restore the image.')).toEqual([]);
  });
});

describe('denied conjuncts', () => {
  const parts = coordinatedRoles('The condition is fed to the discriminator as well as the generator.');

  it('finds parts named side by side, not parts in separate clauses', () => {
    expect(parts).toHaveLength(2);
    expect(coordinatedRoles('The generator maps noise to samples and a discriminator classifies them.')).toEqual([]);
  });

  it('reads "not given to the generator" and "only the discriminator" as denying one of them', () => {
    const words = new Set(toTerms('label condition').map((t) => t.term));
    expect(deniedConjunct(parts, words, analyzeText('The label is not given to the generator.'))).not.toEqual([]);
    expect(deniedConjunct(parts, words, analyzeText('Only the discriminator sees it.'))).not.toEqual([]);
    expect(deniedConjunct(parts, words, analyzeText('Not only the discriminator but also the generator gets the label.'))).toEqual([]);
    expect(deniedConjunct(parts, words, analyzeText('If only the generator saw the label, it could ignore it.'))).toEqual([]);
  });
});
