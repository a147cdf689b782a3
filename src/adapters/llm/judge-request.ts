// What the judge is asked: the zod schema of its reply (ids constrained to the question's key points
// and criteria) and the judge prompt, built from one question and one answer.
import { z } from 'zod';
import type { Question } from '../../engine/bank/schema.js';
import { CoverageSchema } from '../../engine/scoring/types.js';
import { kept } from './kept-renders.js';
import type { LoadedPrompts, SplitPrompt } from './load-prompts.js';
import type { PromptValues } from './prompt-specs.js';

/** The judge's reply: a status with quotes per key point, a level with a reason per criterion. */
export interface Judgement {
  keyPoints: { id: string; status: z.infer<typeof CoverageSchema>; quotes: string[] }[];
  criteria: { id: string; level: number; reason: string }[];
}

const ids = (values: string[]) => z.enum(values as [string, ...string[]]);

const schemas = new WeakMap<Question, z.ZodType<Judgement>>();

/** The reply schema for one question: strict json_schema on the wire; extra fields a model adds are dropped when parsing. Built once per question object. */
export function judgementSchema(question: Question): z.ZodType<Judgement> {
  let schema = schemas.get(question);
  if (!schema) schemas.set(question, (schema = buildJudgementSchema(question)));
  return schema;
}

function buildJudgementSchema(question: Question): z.ZodType<Judgement> {
  return z.object({
    keyPoints: z.array(
      z.object({
        id: ids(question.keyPoints.map((k) => k.id)),
        status: CoverageSchema,
        quotes: z.array(z.string()).describe('Exact words copied from the answer; empty when missed.'),
      }),
    ),
    criteria: z.array(
      z.object({
        id: ids(question.rubric.criteria.map((c) => c.id)),
        level: z.number().int().min(0).max(4),
        reason: z.string(),
      }),
    ),
  });
}

/** The reply's form spelt out in the prompt, for servers with json_object mode or none. */
function outputFormat(question: Question): string {
  const keyPoints = question.keyPoints.map((k) => `    {"id": "${k.id}", "status": "covered" | "partly" | "missed", "quotes": ["<exact words from the answer>"]}`);
  const criteria = question.rubric.criteria.map((c) => `    {"id": "${c.id}", "level": <0 to 4>, "reason": "<one sentence>"}`);
  return `{\n  "keyPoints": [\n${keyPoints.join(',\n')}\n  ],\n  "criteria": [\n${criteria.join(',\n')}\n  ]\n}`;
}

type QuestionValues = Omit<PromptValues<'judge'>, 'answer'>;

const questionValues = new WeakMap<Question, QuestionValues>();

/** Values of prompts/judge.md. The answer goes to its data slot (neutralised by the loader); the rest is the question's, built once per question object. */
export function judgePromptValues(question: Question, answer: string): PromptValues<'judge'> {
  return { ...judgeQuestionValues(question), answer };
}

/** The values of prompts/judge.md that come from the question (all but the answer), built once per question object. */
export function judgeQuestionValues(question: Question): QuestionValues {
  let values = questionValues.get(question);
  if (!values) questionValues.set(question, (values = valuesOf(question)));
  return values;
}

function valuesOf(question: Question): QuestionValues {
  return {
    question: question.prompt,
    reference_answer: question.referenceAnswer.trim(),
    key_points: question.keyPoints.map((k) => `- ${k.id}: ${k.statement}`).join('\n'),
    rubric: question.rubric.criteria
      .map((c) => `- ${c.id}: ${c.name}\n${c.levels.map((text, level) => `    ${level}: ${text}`).join('\n')}`)
      .join('\n'),
    output_format: outputFormat(question),
  };
}

/** Per prompts and question: the judge's prompt with everything but the answer rendered (null: the template cannot be split). */
const judgePrompts = kept<SplitPrompt | null>();

/** The judge's prompt for `answer`: the same text as rendering prompts/judge.md, the question's part rendered once. */
export async function judgeMessage(prompts: LoadedPrompts, question: Question, answer: string): Promise<string> {
  const split = await judgePrompts(prompts, question, 'answer', () => prompts.split('judge', judgeQuestionValues(question), 'answer') ?? null);
  return split ? split.fill(answer) : prompts.render('judge', judgePromptValues(question, answer));
}
