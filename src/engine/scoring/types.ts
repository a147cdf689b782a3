// The evaluation model shared by the offline scorer and the LLM judge: what was covered, with
// evidence, per-criterion levels, an overall score, and which scorer produced it.
import { z } from 'zod';

export const CoverageSchema = z.enum(['covered', 'partly', 'missed']);
export type Coverage = z.infer<typeof CoverageSchema>;

/** A span of the candidate's answer: character offsets [start, end) and the text they hold. */
export const EvidenceSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const KeyPointResultSchema = z.object({
  id: z.string(),
  statement: z.string(),
  weight: z.number(),
  status: CoverageSchema,
  /** Spans of the answer that support the status (empty when missed). */
  evidence: z.array(EvidenceSchema),
  /** The cue phrases (or derived terms) that matched, for "the words that counted". */
  matched: z.array(z.string()),
  /** True when a matching cue was found but negated ("it does not use a discriminator"). */
  negated: z.boolean().default(false),
});
export type KeyPointResult = z.infer<typeof KeyPointResultSchema>;

export const CriterionResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.number().int().min(0).max(4),
  reason: z.string(),
});
export type CriterionResult = z.infer<typeof CriterionResultSchema>;

/** 'addresses-grader': sentences aimed at the grader were taken out before scoring (grader-address.ts). */
export const AnswerFlagSchema = z.enum(['empty', 'too-short', 'gibberish', 'off-topic', 'dont-know', 'repeats-question', 'addresses-grader']);
export type AnswerFlag = z.infer<typeof AnswerFlagSchema>;

export const ScorerIdSchema = z.enum(['offline', 'llm']);
export type ScorerId = z.infer<typeof ScorerIdSchema>;

/** What one scorer concluded about one answer. */
export const ScoreSchema = z.object({
  scorer: ScorerIdSchema,
  overall: z.number().min(0).max(100),
  keyPoints: z.array(KeyPointResultSchema),
  criteria: z.array(CriterionResultSchema),
  flags: z.array(AnswerFlagSchema),
});
export type Score = z.infer<typeof ScoreSchema>;

export const TokenUsageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
});
export type TokenUsage = z.infer<typeof TokenUsageSchema>;

/**
 * The evaluation of one answer as the interview records it: the score that counts, the offline
 * score that is always computed beside it, and how it came about (model, fallback, dropped claims).
 */
export const EvaluationSchema = z.object({
  score: ScoreSchema,
  offline: ScoreSchema,
  model: z.string().optional(),
  /** Set when the LLM judge was meant to score but the offline scorer did: why. */
  fallback: z.string().optional(),
  /** Covered claims from the LLM whose quote was not found in the answer, dropped. */
  droppedClaims: z.array(z.object({ keyPointId: z.string(), quote: z.string() })).default([]),
  /** True when the LLM and offline overall scores differ by more than the disagreement threshold. */
  disagreement: z.boolean().default(false),
  usage: TokenUsageSchema.optional(),
  /** Sentences of the answer addressed to the grader, taken out before any scorer saw it (flag 'addresses-grader'). */
  graderText: z.array(z.string()).optional(),
  /** The LLM judge's own overall when a check kept it from counting (see `capped`): the report shows both. */
  llmScore: z.number().min(0).max(100).optional(),
  /** Why the LLM judge was not asked at all: a sure non-answer, which scores 0 whoever grades it. */
  notAsked: z.string().optional(),
  /** Why the counted score is the offline one although the LLM judge answered (docs/llm-judge.md). */
  capped: z.string().optional(),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;
