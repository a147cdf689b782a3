// The feedback report's data model: a zod schema (exported for the web app and other consumers)
// and its inferred types. Every renderer (md, html, pdf, json) draws from this one shape.
import { z } from 'zod';
import { AnswerFlagSchema, CoverageSchema, TokenUsageSchema } from '../scoring/types.js';

/** Bumped whenever a field changes meaning or is removed; adding an optional field does not. */
export const REPORT_SCHEMA_VERSION = 1;

const Score100 = z.number().min(0).max(100);
const Level = z.number().min(0).max(4);
const Count = z.number().int().nonnegative();
const Millis = z.number().int().nonnegative().describe('Milliseconds since the Unix epoch.');

/**
 * What became of a question: answered (scored), skipped and timed-out (both count as 0),
 * unscored (answered, but the interview ended before the answer was judged), unanswered (asked,
 * then the interview ended) and not-reached (never asked). Only the first three count.
 */
export const QuestionStatusSchema = z.enum(['answered', 'skipped', 'timed-out', 'unscored', 'unanswered', 'not-reached']);
export type QuestionStatus = z.infer<typeof QuestionStatusSchema>;

export const ScoreBandSchema = z.enum(['strong', 'solid', 'developing', 'starting']);
export type ScoreBand = z.infer<typeof ScoreBandSchema>;

/** One answer of the candidate, with the interviewer line it answered (question, follow-up or hint). */
export const ExchangeSchema = z.object({
  seq: Count,
  askedKind: z.enum(['question', 'follow-up', 'hint']).nullable(),
  asked: z.string().nullable(),
  /** Key point id or "depth" the follow-up or hint aimed at. */
  target: z.string().nullable(),
  answer: z.string(),
});

export const ReportKeyPointSchema = z.object({
  id: z.string(),
  statement: z.string(),
  weight: z.number(),
  /** Null when the question was never answered (nothing to assess). */
  status: CoverageSchema.nullable(),
  /** Quotes from the candidate's answer that support the status. */
  evidence: z.array(z.string()),
  matched: z.array(z.string()),
  negated: z.boolean(),
});

export const ReportCriterionSchema = z.object({
  id: z.string(),
  name: z.string(),
  weight: z.number().nullable(),
  level: Level,
  reason: z.string(),
  /** The rubric's descriptor of the level reached, when the criterion is in the question's rubric. */
  descriptor: z.string().nullable(),
});

export const ScorerKindSchema = z.enum(['offline', 'llm', 'offline-fallback', 'none']);
export type ScorerKind = z.infer<typeof ScorerKindSchema>;

export const QuestionScoringSchema = z.object({
  scorer: ScorerKindSchema,
  model: z.string().nullable(),
  /** Why the offline scorer stood in for the LLM judge. */
  fallback: z.string().nullable(),
  droppedClaims: z.array(z.object({ keyPointId: z.string(), quote: z.string() })),
  disagreement: z.boolean(),
  /** The offline scorer's overall, always computed beside an LLM score. */
  offlineScore: Score100.nullable(),
  usage: TokenUsageSchema.nullable(),
  /** The LLM judge's own overall when a check kept it from counting (`capped` says which): show it beside the score. */
  llmScore: Score100.nullable().optional(),
  /** Why the offline score counts although the LLM judge answered (docs/llm-judge.md). */
  capped: z.string().nullable().optional(),
  /** Sentences of the answer addressed to the grader, taken out before scoring (flag 'addresses-grader'). */
  graderText: z.array(z.string()).optional(),
});
export type QuestionScoring = z.infer<typeof QuestionScoringSchema>;

/** A drill attempt the candidate started over with Retry: what they said, the hints and probes, the score. */
export const EarlierAttemptSchema = z.object({
  attempt: z.number().int().positive(),
  score: Score100.nullable(),
  exchanges: z.array(ExchangeSchema),
  hints: z.array(z.string()),
  followUps: Count,
});
export type EarlierAttempt = z.infer<typeof EarlierAttemptSchema>;

export const ReportQuestionSchema = z.object({
  number: z.number().int().positive(),
  id: z.string(),
  topic: z.string(),
  /** The topic's title as the bank names it (the id when a stored plan predates titles). */
  topicTitle: z.string(),
  difficulty: z.number().int().min(1).max(3),
  kind: z.enum(['technical', 'behavioral']),
  /** The guide section to study, or "beyond-guide". */
  source: z.string(),
  beyondGuide: z.boolean(),
  prompt: z.string(),
  referenceAnswer: z.string(),
  status: QuestionStatusSchema,
  /** The score that counts toward the overall (0 for skipped / timed-out); null when not counted. */
  score: Score100.nullable(),
  /** Weight in the overall and topic means. */
  weight: z.number().positive(),
  attempts: z.number().int().positive(),
  exchanges: z.array(ExchangeSchema),
  keyPoints: z.array(ReportKeyPointSchema),
  criteria: z.array(ReportCriterionSchema),
  flags: z.array(AnswerFlagSchema),
  /** Key point ids the candidate asked hints for (drill). */
  hints: z.array(z.string()),
  followUps: Count,
  scoring: QuestionScoringSchema,
  /** The flags and a scorer disagreement in words, as every format shows them. */
  notes: z.array(z.string()),
  /** Drill: the attempts before a retry, oldest first (the one that counts is the question itself). */
  earlierAttempts: z.array(EarlierAttemptSchema),
});
export type ReportQuestion = z.infer<typeof ReportQuestionSchema>;

export const TopicScoreSchema = z.object({ id: z.string(), title: z.string(), score: Score100.nullable(), counted: Count, total: Count });
export type TopicScore = z.infer<typeof TopicScoreSchema>;

export const CriterionScoreSchema = z.object({ id: z.string(), name: z.string(), average: Level, percent: Score100, questions: Count });
export type CriterionScore = z.infer<typeof CriterionScoreSchema>;

export const OverallSchema = z.object({
  /** Null when no question counted (nothing answered, skipped or timed out). */
  score: Score100.nullable(),
  band: ScoreBandSchema.nullable(),
  total: Count,
  counted: Count,
  answered: Count,
  skipped: Count,
  timedOut: Count,
  /** Unscored, unanswered and not-reached questions: left out of the overall. */
  notCounted: Count,
  /** The rule, in words, so a reader can check the number by hand. */
  rule: z.string(),
});
export type Overall = z.infer<typeof OverallSchema>;

export const GapPointSchema = z.object({
  questionNumber: z.number().int().positive(),
  questionId: z.string(),
  keyPointId: z.string(),
  statement: z.string(),
  status: z.enum(['missed', 'partly']),
  missedWeight: z.number().nonnegative(),
});

/**
 * A place to study: a topic, its weakest questions (the report holds each one's reference answer
 * and key points) and the key points missed there. `source` is the topic id.
 */
export const GapSchema = z.object({
  rank: z.number().int().positive(),
  title: z.string(),
  source: z.string(),
  beyondGuide: z.boolean(),
  study: z.string(),
  /** The topic's weak questions, weakest first. */
  questions: z.array(z.object({ number: z.number().int().positive(), score: Score100 })),
  /** Sum of missed key point weights (missed = weight, partly = half), in question units. */
  missedWeight: z.number().nonnegative(),
  points: z.array(GapPointSchema),
});
export type Gap = z.infer<typeof GapSchema>;

export const StrengthSchema = z.object({
  kind: z.enum(['section', 'criterion']),
  title: z.string(),
  detail: z.string(),
  source: z.string().nullable(),
  beyondGuide: z.boolean(),
});
export type Strength = z.infer<typeof StrengthSchema>;

export const DrillProbeSchema = z.object({
  questionNumber: z.number().int().positive(),
  questionId: z.string(),
  keyPointId: z.string(),
  statement: z.string(),
  probes: Count,
  hinted: z.boolean(),
  status: CoverageSchema,
});
export type DrillProbe = z.infer<typeof DrillProbeSchema>;

export const ProvenanceSchema = z.object({
  /** 'offline-after-failure': an LLM was configured but no call to it succeeded. */
  method: z.enum(['offline', 'llm', 'llm-with-fallback', 'offline-after-failure']),
  summary: z.string(),
  models: z.array(z.string()),
  interviewers: z.array(z.string()),
  /** Every turn where the offline interviewer or scorer stood in for the LLM. */
  fallbacks: z.array(z.object({ at: Millis, where: z.enum(['line', 'decision', 'judge']), questionNumber: z.number().int().positive().nullable(), reason: z.string() })),
  /** Interviewer lines phrased by the offline interviewer because the LLM failed. */
  fallbackLines: z.array(z.object({ seq: Count, kind: z.string(), questionNumber: z.number().int().positive().nullable(), by: z.string(), reason: z.string(), text: z.string() })),
  droppedClaims: Count,
  disagreements: z.array(z.object({ questionNumber: z.number().int().positive(), score: Score100, offlineScore: Score100 })),
  usage: TokenUsageSchema.extend({ totalTokens: Count, calls: Count }).nullable(),
  bankVersion: z.string(),
  /** Who produced what, counted: interviewer lines and judgements by the LLM, by the offline stand-in, and in total. */
  mix: z
    .object({
      lines: z.object({ llm: Count, standIn: Count, total: Count }),
      judgements: z.object({ llm: Count, capped: Count, standIn: Count, total: Count }),
      decisions: z.object({ standIn: Count }),
    })
    .optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  sessionId: z.string(),
  createdAt: Millis,
  generatedAt: Millis,
  startedAt: Millis.nullable(),
  endedAt: Millis.nullable(),
  mode: z.enum(['mock', 'drill']),
  status: z.enum(['completed', 'ended-early', 'time-up', 'in-progress']),
  plan: z.object({
    topics: z.array(z.string()),
    difficulty: z.object({ min: z.number().int(), max: z.number().int() }),
    questionCount: Count,
    maxFollowUps: Count,
    seed: z.number().int(),
  }),
  overall: OverallSchema,
  /** One coaching line: where the candidate stands and what to work on next (never hire / no-hire). */
  verdict: z.string(),
  topics: z.array(TopicScoreSchema),
  criteria: z.array(CriterionScoreSchema),
  strengths: z.array(StrengthSchema),
  gaps: z.array(GapSchema).max(3),
  /** Drill mode only: how many probes each key point needed. */
  drill: z.object({ probes: z.array(DrillProbeSchema) }).nullable(),
  questions: z.array(ReportQuestionSchema),
  provenance: ProvenanceSchema,
});
export type Report = z.infer<typeof ReportSchema>;
