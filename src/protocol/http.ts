// HTTP bodies of the API under /api, as zod schemas shared by the server and web/.
import { z } from 'zod';
import { PlanOptionsSchema } from '../engine/plan.js';
import { PhaseSchema, ProgressSchema } from './ws-frames.js';

export { PlanOptionsSchema };

/** POST /api/sessions: the plan options (every field optional). */
export const CreateSessionBodySchema = PlanOptionsSchema;
export type CreateSessionBody = z.input<typeof CreateSessionBodySchema>;

export const CreateSessionResponseSchema = z.object({
  id: z.string(),
  /** Secret access token: send as `Authorization: Bearer <token>` over HTTP and `?token=` on the WebSocket. */
  token: z.string(),
  mode: z.enum(['mock', 'drill']),
  questionCount: z.number().int(),
  /** Fewer questions matched than asked for, by this many. */
  shortBy: z.number().int(),
  interviewer: z.string(),
  websocket: z.string(),
});
export type CreateSessionResponse = z.infer<typeof CreateSessionResponseSchema>;

export const TranscriptItemSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  role: z.enum(['interviewer', 'candidate', 'system']),
  kind: z.string(),
  text: z.string(),
  questionIndex: z.number().int().nullable(),
});

export const SessionViewSchema = z.object({
  id: z.string(),
  mode: z.enum(['mock', 'drill']),
  status: z.enum(['active', 'ended']),
  phase: PhaseSchema,
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  topics: z.array(z.string()),
  progress: ProgressSchema,
  interviewer: z.string(),
  transcript: z.array(TranscriptItemSchema),
  /** Overall score, only once the interview has ended (mock interviews show no scores before). */
  overall: z.number().nullable(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

export const TopicViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  questionCount: z.number().int(),
  byDifficulty: z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int() }),
});
export type TopicView = z.infer<typeof TopicViewSchema>;

/** A question as listed publicly: never the reference answer or key points. */
export const QuestionViewSchema = z.object({
  id: z.string(),
  topic: z.string(),
  difficulty: z.number().int(),
  kind: z.enum(['technical', 'behavioral']),
  source: z.string(),
  tags: z.array(z.string()),
  prompt: z.string(),
});
export type QuestionView = z.infer<typeof QuestionViewSchema>;

export const ServerInfoSchema = z.object({
  interviewer: z.string(),
  bankVersion: z.string(),
  limits: z.object({ maxAnswerChars: z.number().int(), maxFrameBytes: z.number().int() }),
});
export type ServerInfo = z.infer<typeof ServerInfoSchema>;

export const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
