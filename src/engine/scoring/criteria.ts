// Grades an answer on a rubric: each criterion gets a 0-4 level with a reason, and the overall
// score is the rubric-weighted mean of the unrounded values, so it keeps more resolution than
// the levels do. Criteria the offline scorer has no signal for follow key point coverage.
import type { Rubric } from '../bank/schema.js';
import type { AnswerFeatures } from './answer-features.js';
import type { ContentSummary } from './content-summary.js';
import { starValues } from './star-criteria.js';
import { technicalValues, type CriterionValue } from './technical-criteria.js';
import { TUNING } from './tuning.js';
import type { CriterionResult } from './types.js';
import { packedMap } from './stable-arrays.js';

export interface GradeInput {
  rubric: Rubric;
  content: ContentSummary;
  features: AnswerFeatures;
  folded: string;
  referenceLength: number;
  hasKeyPoints: boolean;
}

export interface Graded {
  criteria: CriterionResult[];
  /** 0..100 before flags. */
  overall: number;
}

/**
 * Technical criteria that describe how something was said, not what: they count toward the
 * overall only in proportion to the content (full credit from half the key point weight covered),
 * so a clear, long answer about something else earns nothing for being clear and long.
 */
const FORM_CRITERIA = new Set(['depth', 'clarity']);
const FULL_FORM_CREDIT_AT = 0.5;

// Below the floor a match is noise (a stray shared word) and stays near zero; above it, partial
// credit is lifted by the power.
function curve(x: number, power = TUNING.contentCurve): number {
  const floor = TUNING.contentFloor;
  return x <= floor ? x * 0.5 : floor * 0.5 + (1 - floor * 0.5) * ((x - floor) / (1 - floor)) ** power;
}

/**
 * Levels per criterion of `rubric` and the weighted overall. The content criteria of a technical
 * answer go through a curve: against key points derived from a reference's sentences, a concave
 * one (TUNING.contentCurve): matching words is a lower bound on what an answer says, and experts
 * give most of the credit to an answer that makes most of the point in its own words. Against the
 * bank's own key points, each a claim the answer is expected to make, TUNING.bankContentCurve.
 */
export function gradeOnRubric(input: GradeInput): Graded {
  const { rubric, content } = input;
  const known: Record<string, CriterionValue> =
    rubric.kind === 'behavioral' ? { ...starValues(input) } : { ...technicalValues(input) };
  const totalWeight = rubric.criteria.reduce((sum, c) => sum + c.weight, 0) || 1;
  let overall = 0;
  // A clear, deep explanation of a reversed fact is not depth: reversed weight cancels as much content.
  const formGate = Math.min(1, Math.max(0, content.completeness - content.reversed) / FULL_FORM_CREDIT_AT);
  const criteria = packedMap(rubric.criteria, (criterion) => {
    const value = known[criterion.id] ?? {
      value: 4 * content.completeness,
      reason: 'No offline signal for this criterion; estimated from key point coverage.',
    };
    const content01 = Math.min(1, Math.max(0, value.value / 4));
    const calibrated = rubric.kind === 'technical' && !FORM_CRITERIA.has(criterion.id) ? curve(content01, input.hasKeyPoints ? TUNING.bankContentCurve : TUNING.contentCurve) : content01;
    const clamped = 4 * calibrated;
    const gate = rubric.kind === 'technical' && FORM_CRITERIA.has(criterion.id) ? formGate : 1;
    overall += (criterion.weight / totalWeight) * (clamped / 4) * 100 * gate;
    return { id: criterion.id, name: criterion.name, level: Math.round(clamped), reason: value.reason };
  });
  return { criteria, overall };
}
