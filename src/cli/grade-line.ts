// One line of `probe grade`: the input shape (checked with zod) and the output it becomes. A line
// names a bank question (`question_id`: graded exactly as the interview grades it, on that question's
// reference, key points and rubric) or brings its own question and reference, optionally with key
// points and a rubric ("technical", "behavioral" or a rubric id of the bank).
import { z } from 'zod';
import { KeyPointSchema, type Question, type Rubric } from '../engine/bank/schema.js';
import { scoreRequestFor } from '../engine/interviewer/offline-interviewer.js';
import type { ScoreRequest } from '../engine/scoring/offline-scorer.js';
import type { Score } from '../engine/scoring/types.js';

const Reference = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const OWN_FIELDS = ['question', 'reference', 'references', 'key_points', 'rubric'] as const;

/** An input line. `references` (the SemEval files' name) is accepted for `reference`. */
export const GradeLineSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    question_id: z.string().min(1).optional(),
    question: z.string().min(1).optional(),
    reference: Reference.optional(),
    references: Reference.optional(),
    answer: z.string(),
    key_points: z.array(KeyPointSchema).min(1).optional(),
    rubric: z.string().min(1).optional(),
  })
  .superRefine((line, ctx) => {
    if (line.question_id !== undefined) {
      for (const field of OWN_FIELDS) {
        if (line[field] === undefined) continue;
        ctx.addIssue({ code: 'custom', path: [field], message: `not allowed with "question_id": a bank question brings its own ${field.replace('_', ' ')}; give one or the other` });
      }
      return;
    }
    if (line.question === undefined) ctx.addIssue({ code: 'custom', path: ['question'], message: 'missing "question": give the question text, or "question_id" for a bank question' });
    if (line.reference === undefined && line.references === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reference'], message: 'missing "reference": give the reference answer as a string or an array of strings' });
    }
    if (line.key_points && Math.abs(line.key_points.reduce((sum, kp) => sum + kp.weight, 0) - 1) > 0.01) {
      ctx.addIssue({ code: 'custom', path: ['key_points'], message: 'the key point weights must sum to 1' });
    }
  });
export type GradeLine = z.infer<typeof GradeLineSchema>;

const FORMAT_HINT =
  'each line needs "question" (string), "reference" (string or array of strings) and "answer" (string), or "question_id" (a bank question) and "answer"; "key_points", "rubric" and "id" are optional';

/** What a line may look up in the question bank. */
export interface GradeBank {
  question(id: string): Question | undefined;
  rubric(id: string): Rubric | undefined;
  rubricIds(): string[];
}

/** True when grading this value needs the bank (so the caller loads it only when a line asks). */
export const needsBank = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && ('question_id' in value || 'rubric' in value);

type Id = string | number | undefined;

/** Parses one line's JSON value into a score request, or says what is wrong and how to fix it. */
export function toRequest(value: unknown, bank?: GradeBank): { request: ScoreRequest; id?: Id; question?: Question } | { error: string; id?: Id } {
  const parsed = GradeLineSchema.safeParse(value);
  const id = typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : undefined;
  const echoId = typeof id === 'string' || typeof id === 'number' ? id : undefined;
  if (!parsed.success) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: `expected a JSON object; ${FORMAT_HINT}`, id: echoId };
    const problems = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'line'}: ${issue.message}`);
    return { error: `${problems.join('; ')}. Fix: ${FORMAT_HINT}`, id: echoId };
  }
  const line = parsed.data;
  if (line.question_id !== undefined) {
    const question = bank?.question(line.question_id);
    if (!question) return { error: `"question_id": no question "${line.question_id}" in the bank; \`probe bank list\` shows the ids`, id: line.id };
    return { request: scoreRequestFor(question, line.answer), id: line.id, question };
  }
  let rubric: Rubric | undefined;
  if (line.rubric !== undefined) {
    rubric = bank?.rubric(line.rubric);
    if (!rubric) return { error: `"rubric": no rubric "${line.rubric}"; use one of ${(bank?.rubricIds() ?? ['technical', 'behavioral']).map((r) => `"${r}"`).join(', ')}`, id: line.id };
  }
  const reference = line.reference ?? line.references ?? '';
  const request: ScoreRequest = { question: line.question ?? '', reference, answer: line.answer, ...(line.key_points ? { keyPoints: line.key_points } : {}), ...(rubric ? { rubric } : {}) };
  return { request, id: line.id };
}

/** The output line for a graded answer. `score` is overall / 100. */
export function toOutput(score: Score, id: Id, extra: { questionId?: string; rubric?: string } = {}): Record<string, unknown> {
  const ids = (status: string): string[] => score.keyPoints.filter((kp) => kp.status === status).map((kp) => kp.id);
  return {
    ...(id === undefined ? {} : { id }),
    ...(extra.questionId ? { question_id: extra.questionId } : {}),
    ...(extra.rubric ? { rubric: extra.rubric } : {}),
    score: Math.round(score.overall * 10) / 1000,
    overall: score.overall,
    covered: ids('covered'),
    partly: ids('partly'),
    missed: ids('missed'),
    contradicted: score.keyPoints.filter((kp) => kp.negated).map((kp) => kp.id),
    flags: score.flags,
    keyPoints: score.keyPoints,
    criteria: score.criteria,
  };
}
