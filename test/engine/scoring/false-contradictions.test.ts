// False alarms of the contradiction detector: answers that are right as far as they go (strong,
// hedged, partial) but are told "Contradicted: you said ...". A candidate who reads that about a
// correct sentence stops trusting the feedback, so this holds the line: the list may shrink, never grow.
import { describe, expect, it } from 'vitest';
import { gradeBank } from './bank-grade.js';
import { loadCalibration } from '../../fixtures/calibration/load-calibration.js';


/** Suite answers (by id) with a false contradiction: 8 of 96 when this test was written, 6 after the clause-claims work, 5 once a negation stopped spreading over a preposition's list, 4 once a role swap had to hold in the clause the sentence speaks about, 3 once eps_uncond read as unconditional, 2 once part of a cue could no longer show a swap, 1 once stories were no longer read for contradictions. */
const KNOWN_FALSE_ALARMS = new Set([
  'diffusion.yaml#diff-fast-sampling-latent/partial',
]);

const RIGHT_AS_FAR_AS_THEY_GO = new Set(['strong-own-words', 'strong-plain', 'hedged', 'partial']);

function contradicted(questionId: string, answer: string): string[] {
  return gradeBank(questionId, answer).keyPoints.filter((k) => k.negated).map((k) => k.id);
}

describe('false contradictions', () => {
  it('no correct or partial suite answer outside the known list is told it contradicted a point', () => {
    const alarms = loadCalibration()
      .filter((a) => RIGHT_AS_FAR_AS_THEY_GO.has(a.kind))
      .filter((a) => contradicted(a.questionId, a.text).length > 0)
      .map((a) => a.id);
    expect(alarms.filter((id) => !KNOWN_FALSE_ALARMS.has(id))).toEqual([]);
  });

  it.each([
    // Agreeing with a negated claim is not contradicting it.
    ['tf-self-attention-qkv', 'You divide the dot products by the square root of the key size so the softmax does not saturate.'],
    // A cue the point itself denies ("... and saturate the softmax" under "does not"), denied again by the answer.
    ['tf-self-attention-qkv', "You compare each query with all the keys, scale those similarities down by the root of their width so they don't saturate, and normalise each row."],
    // "not supported by the facts or the given context": the negation is about "supported" (the
    // point's "unsupported"), not about the context.
    ['eval-hallucination-causes', 'Fluent, confident output that is not supported by the facts or the given context.'],
    // The query of the new token is not a swap for "past keys and values don't change": that is another clause of the point.
    ['tf-kv-cache', "The cache keeps the keys and values of earlier tokens. Queries are not kept, since only the new token's query matters, so each step processes just the new token."],
    // The guidance formula written with subscripts, as in issue 11 (it was told it contradicted the formula).
    ['diff-classifier-free-guidance', 'At each sampling step you run the model twice and combine: eps = eps_uncond + w * (eps_cond - eps_uncond).'],
    // "inputs and labels" is part of the cue "maps inputs to labels", said here of the generative model: no swap.
    ['found-generative-vs-discriminative', 'A discriminative model learns p(y|x), so just the boundary, and a generative model models the joint distribution of inputs and labels.'],
    // Keys and values in one sentence are not a role swap when each is in its own place.
    ['tf-self-attention-qkv', 'You dot the query with every key, scale by one over root d_k, take a softmax across the keys, and use that to average the values.'],
  ])('%s: %j is not marked contradicted', (questionId, answer) => {
    expect(contradicted(questionId, answer)).toEqual([]);
  });
});
