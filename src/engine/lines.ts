// What the interviewer is asked to say: line requests, and the decision after an evaluated answer.
import { z } from 'zod';

export const EndReasonSchema = z.enum(['completed', 'ended-early', 'time-up']);
export type EndReason = z.infer<typeof EndReasonSchema>;

/** A line the engine wants spoken; the interviewer port phrases it (offline templates or an LLM). */
export const LineRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opening') }),
  z.object({ kind: z.literal('question'), questionIndex: z.number().int().nonnegative(), transition: z.boolean(), retry: z.boolean().default(false) }),
  z.object({ kind: z.literal('follow-up'), questionIndex: z.number().int().nonnegative(), target: z.string(), round: z.number().int().positive() }),
  z.object({ kind: z.literal('hint'), questionIndex: z.number().int().nonnegative(), keyPointId: z.string() }),
  z.object({ kind: z.literal('closing'), reason: EndReasonSchema }),
]);
export type LineRequest = z.infer<typeof LineRequestSchema>;
export type LineKind = LineRequest['kind'];

/** After an answer is judged: probe a key point (or depth), or move on. */
export const DecisionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('follow-up'), target: z.string(), reason: z.string().optional() }),
  z.object({ action: z.literal('next'), reason: z.string().optional() }),
]);
export type Decision = z.infer<typeof DecisionSchema>;
