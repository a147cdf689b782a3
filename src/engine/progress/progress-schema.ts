// The progress model of a profile: mastery per key point and per topic, the score trend, time
// practised and what is due. A zod schema (the web app parses it) and its types. Everything here
// is derived from stored evaluations by build-progress.ts; nothing of it is stored.
import { z } from 'zod';

const Millis = z.number().int().describe('Milliseconds since the Unix epoch.');
const Score100 = z.number().min(0).max(100);

/** What one session showed of a key point. `contradicted` is a missed point the answer stated wrongly. */
export const MasteryStatusSchema = z.enum(['covered', 'partly', 'missed', 'contradicted']);
export type MasteryStatus = z.infer<typeof MasteryStatusSchema>;

export const KeyPointObservationSchema = z.object({
  sessionId: z.string(),
  at: Millis,
  status: MasteryStatusSchema,
  /** True when the point was covered in the first answer, before any follow-up or retry. */
  unprompted: z.boolean(),
  /** The words of the answer behind the status (contradicting words for `contradicted`). */
  evidence: z.array(z.string()),
});
export type KeyPointObservation = z.infer<typeof KeyPointObservationSchema>;

export const KeyPointMasterySchema = z.object({
  questionId: z.string(),
  questionPrompt: z.string(),
  keyPointId: z.string(),
  statement: z.string(),
  topic: z.string(),
  /** The latest session's status. */
  status: MasteryStatusSchema,
  /** 0..1 for the heat map: covered 1, partly 0.5, missed and contradicted 0, of the latest session. */
  level: z.number().min(0).max(1),
  lastSeen: Millis,
  /** When the spaced-repetition schedule wants this point asked again. */
  due: Millis,
  /** Estimated chance (0..1) the candidate would state the point now (FSRS retrievability). */
  recall: z.number().min(0).max(1),
  history: z.array(KeyPointObservationSchema),
});
export type KeyPointMastery = z.infer<typeof KeyPointMasterySchema>;

export const TopicMasterySchema = z.object({
  topic: z.string(),
  title: z.string(),
  /** Weighted mean of its key points' levels, 0..100. */
  mastery: Score100,
  counts: z.object({ covered: z.number().int(), partly: z.number().int(), missed: z.number().int(), contradicted: z.number().int() }),
  lastPractised: Millis,
  /** The score of each session that asked about the topic, oldest first. */
  trend: z.array(z.object({ sessionId: z.string(), at: Millis, score: Score100 })),
});
export type TopicMastery = z.infer<typeof TopicMasterySchema>;

export const PracticeTimeSchema = z.object({
  totalMs: z.number().int().nonnegative(),
  sessions: z.number().int().nonnegative(),
  answers: z.number().int().nonnegative(),
  /** Days (UTC) with at least one session. */
  days: z.number().int().nonnegative(),
});

export const ProgressSchema = z.object({
  generatedAt: Millis,
  time: PracticeTimeSchema,
  topics: z.array(TopicMasterySchema),
  keyPoints: z.array(KeyPointMasterySchema),
  /** Key points due now (weakest first), then the next ones coming due. */
  due: z.array(z.object({ questionId: z.string(), keyPointId: z.string(), due: Millis, dueNow: z.boolean() })),
  scheduler: z.string().describe('Which scheduler set the due dates.'),
});
export type ProgressData = z.infer<typeof ProgressSchema>;
