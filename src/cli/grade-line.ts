// One line of `probe grade`: the input shape (checked with zod) and the output it becomes.
import { z } from 'zod';
import { KeyPointSchema } from '../engine/bank/schema.js';
import type { ScoreRequest } from '../engine/scoring/offline-scorer.js';
import type { Score } from '../engine/scoring/types.js';

const Reference = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** An input line. `references` (the SemEval files' name) is accepted for `reference`. */
export const GradeLineSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    question: z.string().min(1),
    reference: Reference.optional(),
    references: Reference.optional(),
    answer: z.string(),
    key_points: z.array(KeyPointSchema).min(1).optional(),
  })
  .refine((line) => line.reference !== undefined || line.references !== undefined, {
    message: 'missing "reference": give the reference answer as a string or an array of strings',
    path: ['reference'],
  })
  .refine((line) => !line.key_points || Math.abs(line.key_points.reduce((sum, kp) => sum + kp.weight, 0) - 1) <= 0.01, {
    message: 'the key point weights must sum to 1',
    path: ['key_points'],
  });
export type GradeLine = z.infer<typeof GradeLineSchema>;

const FORMAT_HINT =
  'each line needs "question" (string), "reference" (string or array of strings) and "answer" (string); "key_points" and "id" are optional';

/** Parses one line's JSON value into a score request, or says what is wrong and how to fix it. */
export function toRequest(value: unknown): { request: ScoreRequest; id?: string | number } | { error: string; id?: string | number } {
  const parsed = GradeLineSchema.safeParse(value);
  const id = typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : undefined;
  const echoId = typeof id === 'string' || typeof id === 'number' ? id : undefined;
  if (!parsed.success) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: `expected a JSON object; ${FORMAT_HINT}`, id: echoId };
    const problems = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'line'}: ${issue.message}`);
    return { error: `${problems.join('; ')}. Fix: ${FORMAT_HINT}`, id: echoId };
  }
  const line = parsed.data;
  const reference = line.reference ?? line.references ?? '';
  return { request: { question: line.question, reference, answer: line.answer, keyPoints: line.key_points }, id: line.id };
}

/** The output line for a graded answer. `score` is overall / 100. */
export function toOutput(score: Score, id: string | number | undefined): Record<string, unknown> {
  const ids = (status: string): string[] => score.keyPoints.filter((kp) => kp.status === status).map((kp) => kp.id);
  return {
    ...(id === undefined ? {} : { id }),
    score: Math.round(score.overall * 10) / 1000,
    overall: score.overall,
    covered: ids('covered'),
    partly: ids('partly'),
    missed: ids('missed'),
    flags: score.flags,
    keyPoints: score.keyPoints,
    criteria: score.criteria,
  };
}
