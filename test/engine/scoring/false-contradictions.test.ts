// False alarms of the contradiction detector: answers that are right as far as they go (strong,
// hedged, partial) but are told "Contradicted: you said ...". A candidate who reads that about a
// correct sentence stops trusting the feedback, so this holds the line: the list may shrink, never grow.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/adapters/bank/load-bank.js';
import { scoreOffline } from '../../../src/engine/scoring/offline-scorer.js';
import { defaultBankDir } from '../../../src/paths.js';
import { loadCalibration } from '../../fixtures/calibration/load-calibration.js';

const bank = await loadBank(defaultBankDir());

/** Suite answers (by id) with a false contradiction when this test was written: 8 of 96. */
const KNOWN_FALSE_ALARMS = new Set([
  'behavioral.yaml#car-production-incident/partial',
  'diffusion.yaml#diff-classifier-free-guidance/strong-own-words',
  'diffusion.yaml#diff-classifier-free-guidance/hedged',
  'diffusion.yaml#diff-fast-sampling-latent/partial',
  'evaluation-foundations.yaml#eval-hallucination-causes/hedged',
  'evaluation-foundations.yaml#found-generative-vs-discriminative/hedged',
  'transformers-llms.yaml#tf-kv-cache/hedged',
  'vaes.yaml#vae-elbo-loss/strong-own-words',
]);

const RIGHT_AS_FAR_AS_THEY_GO = new Set(['strong-own-words', 'strong-plain', 'hedged', 'partial']);

function contradicted(questionId: string, answer: string): string[] {
  const q = bank.questions.find((x) => x.id === questionId);
  if (!q) throw new Error(`bank question ${questionId} is missing`);
  const s = scoreOffline({ question: q.prompt, reference: q.referenceAnswer, keyPoints: q.keyPoints, rubric: q.rubric, answer });
  return s.keyPoints.filter((k) => k.negated).map((k) => k.id);
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
  ])('%s: %j is not marked contradicted', (questionId, answer) => {
    expect(contradicted(questionId, answer)).toEqual([]);
  });
});
