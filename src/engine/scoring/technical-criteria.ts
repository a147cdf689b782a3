// Offline estimates of the technical rubric: accuracy, completeness, depth, clarity, each a
// continuous value on the rubric's 0-4 scale with a reason a candidate can act on.
import type { AnswerFeatures } from './answer-features.js';
import { clamp01, type ContentSummary } from './content-summary.js';
import { TUNING } from './tuning.js';

/** A criterion before rounding: `value` is on the 0-4 scale. */
export interface CriterionValue {
  value: number;
  reason: string;
}

export type TechnicalCriterion = 'accuracy' | 'completeness' | 'depth' | 'clarity';

export interface TechnicalInput {
  content: ContentSummary;
  features: AnswerFeatures;
  referenceLength: number;
}

/** Values for the four technical criteria. */
export function technicalValues(input: TechnicalInput): Record<TechnicalCriterion, CriterionValue> {
  return {
    accuracy: accuracy(input),
    completeness: completeness(input),
    depth: depth(input),
    clarity: clarity(input),
  };
}

function accuracy({ content }: TechnicalInput): CriterionValue {
  const support = TUNING.accuracyBest * content.best + (1 - TUNING.accuracyBest) * content.completeness;
  const focus = TUNING.precisionFloor + (1 - TUNING.precisionFloor) * content.precision;
  // The rubric's own levels: a stated reversal of a key point is at best "partly right, with a
  // notable error" (2), "mostly wrong" (1) as it grows, and "contradicts the core facts" (0) from
  // half the key point weight on.
  const cap = content.reversed > 0 ? 4 * Math.max(0, REVERSAL_CAP - content.reversed) : 4;
  const value = Math.min(cap, 4 * clamp01(support * focus - TUNING.contradictionPenalty * content.contradiction));
  const reason =
    content.contradiction > 0
      ? 'States the opposite of at least one key point.'
      : content.best === 0
        ? 'Nothing in the answer matches the reference.'
        : content.precision < 0.5
          ? 'Some of it matches the reference, but much of the answer is not about the question.'
          : 'What it says agrees with the reference.';
  return { value, reason };
}

/** Reversed key point weight at which accuracy reaches 0; a small reversal caps it near level 2. */
const REVERSAL_CAP = 0.5;

function completeness({ content }: TechnicalInput): CriterionValue {
  const reason = `Covers ${content.covered} of ${content.total} key points` + (content.partly > 0 ? `, ${content.partly} more partly.` : '.');
  return { value: 4 * content.completeness, reason };
}

function depth({ content, features, referenceLength }: TechnicalInput): CriterionValue {
  const length = clamp01(features.contentWords / Math.max(6, referenceLength));
  const raw = (features.contentWords >= 3 ? 1 : 0) + 1.5 * length + 0.5 * Math.min(3, features.reasoning);
  const value = Math.min(features.listLike ? 1 : 4, raw, 0.5 + 4 * content.completeness);
  const reason =
    features.reasoning === 0 ? 'States facts without explaining why or when they hold.' : value >= 3 ? 'Explains why, with reasoning or trade-offs.' : 'Some explanation, little reasoning about why or when.';
  return { value, reason };
}

function clarity({ content, features }: TechnicalInput): CriterionValue {
  if (features.words === 0) return { value: 0, reason: 'Empty.' };
  let value = 2.5;
  const perSentence = features.words / Math.max(1, features.sentences);
  if (features.functionShare >= 0.25 && features.functionShare <= 0.7) value += 0.5;
  if (features.listLike) value -= 2;
  if (perSentence >= 5 && perSentence <= 35) value += 0.5;
  if (perSentence > 50) value -= 1;
  if (features.contentWords >= 10 && features.distinctContent / features.contentWords < 0.5) value -= 1;
  if (features.words < 4) value -= 1;
  value += 0.5 * content.precision - 0.25;
  value = Math.min(4, Math.max(0, value), content.best > 0 ? 4 : 2);
  const reason = features.listLike ? 'Reads as a list of keywords, not an explanation.' : value >= 3 ? 'Clear and ordered.' : 'Understandable but loosely organised.';
  return { value, reason };
}
