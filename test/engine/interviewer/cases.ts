// Questions and evaluations for the interviewer's tests, shaped like the bank's (written for these
// tests; the bank itself is not read). Each evaluation is what a scorer might have said, so the
// tests can show the interviewer copes when the scorer missed something.
import type { Question } from '../../../src/engine/bank/schema.js';
import type { Evaluation, KeyPointResult, Score } from '../../../src/engine/scoring/types.js';
import { technicalRubric } from '../../fixtures/questions.js';

type Kp = { id: string; statement: string; weight: number; probe: string; hint?: string };

export function makeQuestion(id: string, prompt: string, kps: Kp[]): Question {
  return {
    id,
    topic: 'test',
    difficulty: 2,
    kind: 'technical',
    source: 'beyond-guide',
    tags: [],
    prompt,
    referenceAnswer: `Reference for ${id}.`,
    keyPoints: kps.map((k) => ({ id: k.id, statement: k.statement, weight: k.weight, cues: [k.id], ...(k.hint ? { hint: k.hint } : {}) })),
    followUps: [...kps.map((k) => ({ target: k.id, prompt: k.probe })), { target: 'depth', prompt: 'Where does this approach break down in practice?' }],
    rubric: technicalRubric,
  };
}

export const CFG = makeQuestion('cfg', 'How does classifier-free guidance work?', [
  { id: 'condition-dropout', statement: 'The condition is randomly dropped to a null token during training so one network learns both predictions.', weight: 0.25, probe: 'How does one network learn both the conditional and the unconditional prediction?' },
  { id: 'guidance-formula', statement: 'At sampling the unconditional prediction plus w times the conditional-minus-unconditional difference is used.', weight: 0.3, probe: 'At each sampling step, how exactly are the two predictions combined?' },
  { id: 'scale-tradeoff', statement: 'A higher guidance scale improves prompt adherence but reduces diversity.', weight: 0.3, probe: 'What happens as you turn the guidance scale up?' },
  { id: 'cost', statement: 'It doubles the compute per step but needs no separate classifier.', weight: 0.15, probe: 'What does it cost compared with classifier guidance?' },
]);

export const LORA = makeQuestion('lora', 'How does LoRA work?', [
  { id: 'low-rank-update', statement: 'LoRA adds a trainable low-rank product BA to frozen weight matrices.', weight: 0.3, probe: 'What exactly does LoRA add to a layer?' },
  { id: 'frozen-base', statement: 'The base weights stay frozen and only a small fraction of parameters is trained.', weight: 0.2, probe: 'Which parameters are actually being updated during LoRA training?' },
  { id: 'memory-savings', statement: 'Frozen weights need no gradients or optimiser states.', weight: 0.2, probe: 'Where do the memory savings come from?' },
  { id: 'qlora', statement: 'QLoRA quantises the frozen base to 4-bit and trains adapters on top.', weight: 0.3, probe: 'Where does QLoRA come in?' },
]);

export const CGAN = makeQuestion('cgan', 'What is a conditional GAN?', [
  { id: 'both-conditioned', statement: 'The condition is fed to the discriminator as well as the generator.', weight: 0.35, probe: 'Walk me through what the generator and the discriminator each receive.' },
  { id: 'applications', statement: 'Applications include image-to-image translation and super-resolution.', weight: 0.35, probe: 'Where would you use one?' },
  { id: 'injection', statement: 'The condition is injected by concatenating a one-hot vector or an embedding.', weight: 0.3, probe: 'How is the label actually fed in?', hint: 'Think about how a label becomes part of a network input.' },
]);

export const VAE = makeQuestion('vae-loss', 'Break the VAE loss down for me.', [
  { id: 'reconstruction', statement: 'The reconstruction term is the expected log-likelihood of the input under the decoder.', weight: 0.3, probe: 'What does the reconstruction term measure?' },
  { id: 'kl-term', statement: 'The KL term measures the divergence from the encoder distribution to the prior.', weight: 0.3, probe: 'What does the other term compare?' },
  { id: 'tension', statement: 'The KL term and the reconstruction term trade off against each other.', weight: 0.4, probe: 'What happens to the KL term when you weight it more heavily?' },
]);

export type Status = { status: KeyPointResult['status']; evidence?: string[]; negated?: boolean };

/** An evaluation of `answer` with the given statuses (evidence texts are located in the answer). */
export function evaluate(q: Question, answer: string, statuses: Record<string, Status>, flags: Score['flags'] = [], overall = 50): Evaluation {
  const keyPoints: KeyPointResult[] = q.keyPoints.map((k) => {
    const s = statuses[k.id] ?? { status: 'missed' };
    const evidence = (s.evidence ?? []).map((text) => {
      const start = answer.indexOf(text);
      if (start < 0) throw new Error(`evidence "${text}" is not in the answer`);
      return { start, end: start + text.length, text };
    });
    return { id: k.id, statement: k.statement, weight: k.weight, status: s.status, evidence, matched: [], negated: s.negated ?? false };
  });
  const score: Score = { scorer: 'offline', overall: flags.length > 0 ? 0 : overall, keyPoints, criteria: [], flags };
  return { score, offline: score, droppedClaims: [], disagreement: false };
}
