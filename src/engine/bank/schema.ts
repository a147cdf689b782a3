// The question-bank model: zod schemas for the YAML files in rubrics/ and the camelCase types the
// engine works with. Pure: the loading (files, YAML parsing) lives in src/adapters/bank.
import { z } from 'zod';

const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens (e.g. "gan-mode-collapse")');

/** Difficulty: 1 = entry, 2 = mid, 3 = senior. */
export const DifficultySchema = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1 (entry), 2 (mid) or 3 (senior)' });
export type Difficulty = z.infer<typeof DifficultySchema>;

export const QuestionKindSchema = z.enum(['technical', 'behavioral']);
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

/** One thing a strong answer says, with the words that show a candidate said it. */
export const KeyPointSchema = z.strictObject({
  id: Slug,
  statement: z.string().min(10).describe('One sentence: what a strong answer says.'),
  weight: z.number().positive().max(1).describe('Share of the question; the weights of a question sum to 1.'),
  cues: z
    .array(z.string().min(1))
    .min(1, 'a key point needs at least one cue')
    .describe('Words and phrasings (synonyms, abbreviations, symbols) that show the point was covered.'),
  hint: z.string().min(5).optional().describe('A nudge toward this point that does not give it away (drill mode).'),
});
export type KeyPoint = z.infer<typeof KeyPointSchema>;

/** A follow-up probe: tied to a key point id (asks for what was missed) or to "depth". */
export const FollowUpSchema = z.strictObject({
  target: z.union([Slug, z.literal('depth')]).describe('A key point id of this question, or "depth".'),
  prompt: z.string().min(10),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** A rubric criterion with one descriptor per level, 0 (absent) to 4 (excellent). */
export const CriterionSchema = z.strictObject({
  id: Slug,
  name: z.string().min(1),
  weight: z.number().positive().max(1),
  levels: z.tuple([z.string(), z.string(), z.string(), z.string(), z.string()]).describe('Descriptors for levels 0..4.'),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const RubricSchema = z.strictObject({
  id: Slug,
  kind: QuestionKindSchema,
  title: z.string().min(1),
  criteria: z.array(CriterionSchema).min(1),
});
export type Rubric = z.infer<typeof RubricSchema>;

/** A question as written in YAML (snake_case keys). */
export const QuestionFileSchema = z.strictObject({
  id: Slug,
  topic: Slug,
  difficulty: DifficultySchema,
  kind: QuestionKindSchema,
  source: z.string().min(1).describe('The guide section heading this question comes from, or "beyond-guide".'),
  tags: z.array(z.string().min(1)).default([]),
  prompt: z.string().min(10).describe('The question as an interviewer would ask it aloud.'),
  reference_answer: z.string().min(1).describe('A strong answer of 80-250 words, in our own words.'),
  key_points: z.array(KeyPointSchema).min(3, 'needs 3 to 6 key points').max(6, 'needs 3 to 6 key points'),
  follow_ups: z.array(FollowUpSchema).min(2, 'needs at least 2 follow-ups'),
  rubric: Slug.optional().describe('Rubric id; defaults to the shared rubric of the question kind.'),
  rubric_weights: z.record(Slug, z.number().positive().max(1)).optional().describe('Re-weighting of rubric criteria by id.'),
});
export type QuestionFile = z.infer<typeof QuestionFileSchema>;

export const TopicSchema = z.strictObject({
  id: Slug,
  title: z.string().min(1),
  description: z.string().default(''),
  /** Where the topic comes in the guide (1 first); the app lists topics in this order, unordered ones last. */
  order: z.number().int().positive().optional(),
});
export type Topic = z.infer<typeof TopicSchema>;

/** One YAML file of the bank: a topic with its questions, and/or shared rubrics. */
export const BankFileSchema = z.strictObject({
  $schema: z.string().optional(),
  topic: TopicSchema.optional(),
  rubrics: z.array(RubricSchema).optional(),
  questions: z.array(QuestionFileSchema).optional(),
});
export type BankFile = z.infer<typeof BankFileSchema>;

/** The file without its questions checked, so each question can be validated (and reported) alone. */
export const BankEnvelopeSchema = BankFileSchema.extend({ topic: z.unknown().optional(), questions: z.array(z.unknown()).optional() });

/** A question as the engine sees it. The rubric is resolved (shared rubric plus re-weighting). */
export interface Question {
  id: string;
  topic: string;
  /** The topic's title, copied in so a stored plan (and its report) can name the topic without the bank. */
  topicTitle?: string;
  difficulty: Difficulty;
  kind: QuestionKind;
  source: string;
  tags: string[];
  prompt: string;
  referenceAnswer: string;
  keyPoints: KeyPoint[];
  followUps: FollowUp[];
  rubric: Rubric;
}

/** The loaded, validated bank. `version` identifies its content (a hash of the files). */
export interface Bank {
  version: string;
  topics: Topic[];
  rubrics: Rubric[];
  questions: Question[];
}
