// A hand-written question with key points, shared by the scoring tests (independent of rubrics/).
import type { KeyPoint } from '../../../src/engine/bank/schema.js';
import { scoreOffline, type ScoreRequest } from '../../../src/engine/scoring/offline-scorer.js';

export const QUESTION = 'What is mode collapse in a GAN, and how does the Wasserstein GAN help?';

export const REFERENCE =
  'Mode collapse is when the generator produces only a few distinct outputs, ignoring most modes of the data. ' +
  'It happens because each sample is judged on its own, so nothing rewards diversity. ' +
  'WGAN replaces the Jensen-Shannon divergence with the Earth Mover distance, whose gradients stay informative, ' +
  'and the critic must be Lipschitz, enforced by weight clipping or a gradient penalty.';

export const KEY_POINTS: KeyPoint[] = [
  { id: 'definition', statement: 'The generator produces only a few distinct outputs.', weight: 0.3, cues: ['same output', 'few distinct outputs', 'lack of diversity', 'covers few modes'] },
  { id: 'no-diversity-term', statement: 'Each sample is judged on its own, so nothing in the loss rewards diversity.', weight: 0.2, cues: ['judged individually', 'nothing rewards diversity', 'no diversity term'] },
  { id: 'earth-mover', statement: 'WGAN uses the Earth Mover (Wasserstein-1) distance instead of the JS divergence.', weight: 0.3, cues: ['EMD', 'Wasserstein distance', 'instead of JS divergence'] },
  { id: 'lipschitz', statement: 'The critic must be 1-Lipschitz, enforced by weight clipping or a gradient penalty.', weight: 0.2, cues: ['Lipschitz', 'weight clipping', 'gradient penalty'] },
];

/** Scores `answer` against the fixture question with its key points. */
export function score(answer: string, extra: Partial<ScoreRequest> = {}) {
  return scoreOffline({ question: QUESTION, reference: REFERENCE, keyPoints: KEY_POINTS, answer, ...extra });
}

/** Status of one key point in a score. */
export function statusOf(result: ReturnType<typeof score>, id: string): string {
  const kp = result.keyPoints.find((k) => k.id === id);
  return kp ? `${kp.status}${kp.negated ? ' (negated)' : ''}` : 'absent';
}
