// Events: everything that can happen to a session. Candidate actions come from the client; the
// results of effects (a line said, an answer judged, a decision) come back from the shell.
// Every event carries its time; the engine never reads a clock.
import { z } from 'zod';
import { TokenUsageSchema, EvaluationSchema } from './scoring/types.js';
import { DecisionSchema, LineRequestSchema } from './lines.js';

const At = z.number().int().nonnegative();

export const CandidateEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), at: At }),
  z.object({ type: z.literal('answer'), at: At, text: z.string() }),
  z.object({ type: z.literal('hint'), at: At }),
  z.object({ type: z.literal('skip'), at: At }),
  z.object({ type: z.literal('retry'), at: At }),
  z.object({ type: z.literal('end'), at: At }),
]);
export type CandidateEvent = z.infer<typeof CandidateEventSchema>;

/** Produced by the shell: timers, and the results of the effects it carried out. */
export const ShellEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('timeout'), at: At, scope: z.enum(['question', 'interview']), questionIndex: z.number().int() }),
  z.object({
    type: z.literal('said'),
    at: At,
    request: LineRequestSchema,
    text: z.string(),
    by: z.string(),
    fallback: z.string().optional(),
    usage: TokenUsageSchema.optional(),
  }),
  z.object({ type: z.literal('judged'), at: At, questionIndex: z.number().int(), evaluation: EvaluationSchema }),
  z.object({
    type: z.literal('decided'),
    at: At,
    questionIndex: z.number().int(),
    decision: DecisionSchema,
    by: z.string(),
    fallback: z.string().optional(),
    usage: TokenUsageSchema.optional(),
  }),
]);
export type ShellEvent = z.infer<typeof ShellEventSchema>;

export const EventSchema = z.union([CandidateEventSchema, ShellEventSchema]);
export type SessionEvent = z.infer<typeof EventSchema>;
