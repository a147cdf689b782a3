// The interview plan: which questions, in which order, under which limits. Same seed, same plan.
import { z } from 'zod';
import type { Question } from './bank/schema.js';
import { createRng, hashString, shuffled } from './random.js';

export const ModeSchema = z.enum(['mock', 'drill']);
export type Mode = z.infer<typeof ModeSchema>;

const Level = z.number().int().min(1).max(3);

/** What a candidate (or a client) asks for. Every field has a default. */
export const PlanOptionsSchema = z
  .strictObject({
    mode: ModeSchema.default('mock'),
    topics: z.array(z.string().min(1)).max(50).default([]).describe('Topic ids; empty means every topic.'),
    difficulty: z
      .strictObject({ min: Level.default(1), max: Level.default(3) })
      .default({ min: 1, max: 3 })
      .refine((d) => d.min <= d.max, { error: 'difficulty.min must not exceed difficulty.max' }),
    questionCount: z.number().int().min(1).max(30).default(5),
    maxFollowUps: z.number().int().min(0).max(5).default(2),
    includeBehavioral: z.boolean().default(true),
    timeBudgetMinutes: z.number().min(1).max(240).optional().describe('Whole interview; it closes at the next question boundary after this.'),
    questionTimeLimitSeconds: z.number().int().min(15).max(3600).optional().describe('Per question; the question is marked timed out after this.'),
    seed: z.union([z.number().int(), z.string().min(1).max(100)]).optional().describe('Same seed, same interview.'),
  });
export type PlanOptions = z.input<typeof PlanOptionsSchema>;
export type ResolvedPlanOptions = z.output<typeof PlanOptionsSchema>;

/** A fixed plan: the questions are copied in, so a session never depends on the bank changing. */
export interface Plan {
  mode: Mode;
  seed: number;
  topics: string[];
  difficulty: { min: number; max: number };
  maxFollowUps: number;
  timeBudgetMs?: number;
  questionTimeLimitMs?: number;
  bankVersion: string;
  questions: Question[];
  /** Key point ids per question id that this drill was built to practise (weak spots); follow-ups go to them first. */
  focus?: Record<string, string[]>;
}

export type PlanResult = { ok: true; plan: Plan; shortBy: number } | { ok: false; error: string };

/**
 * Builds a plan from options: filter by topic, difficulty and kind; shuffle by seed; take questions
 * round-robin across topics so one topic does not crowd out the rest; then order easy to hard, as
 * a real interviewer warms up. `seed` must be given here (the shell draws one when the user did not).
 */
export function createPlan(all: readonly Question[], options: ResolvedPlanOptions & { seed: number | string }, bankVersion: string): PlanResult {
  const seed = typeof options.seed === 'number' ? options.seed >>> 0 : hashString(options.seed);
  const known = new Set(all.map((q) => q.topic));
  const unknown = options.topics.filter((t) => !known.has(t));
  if (unknown.length > 0) return { ok: false, error: `unknown topic(s): ${unknown.join(', ')}; known topics: ${[...known].sort().join(', ')}` };
  const { min, max } = options.difficulty;
  const eligible = all.filter(
    (q) =>
      (options.topics.length === 0 || options.topics.includes(q.topic)) &&
      q.difficulty >= min &&
      q.difficulty <= max &&
      (options.includeBehavioral || q.kind !== 'behavioral'),
  );
  if (eligible.length === 0) return { ok: false, error: `no questions match topics [${options.topics.join(', ') || 'all'}] at difficulty ${min}-${max}; widen the topics or the difficulty range` };

  const rng = createRng(seed);
  const byTopic = new Map<string, Question[]>();
  for (const q of shuffled(eligible, rng)) byTopic.set(q.topic, [...(byTopic.get(q.topic) ?? []), q]);
  const queues = shuffled([...byTopic.keys()].sort(), rng).map((t) => byTopic.get(t) ?? []);
  const chosen: Question[] = [];
  while (chosen.length < options.questionCount && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next && chosen.length < options.questionCount) chosen.push(next);
    }
  }
  const order = new Map(chosen.map((q, i) => [q.id, i]));
  chosen.sort((a, b) => a.difficulty - b.difficulty || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return {
    ok: true,
    shortBy: options.questionCount - chosen.length,
    plan: {
      mode: options.mode,
      seed,
      topics: options.topics,
      difficulty: { min, max },
      maxFollowUps: options.maxFollowUps,
      ...(options.timeBudgetMinutes !== undefined ? { timeBudgetMs: Math.round(options.timeBudgetMinutes * 60_000) } : {}),
      ...(options.questionTimeLimitSeconds !== undefined ? { questionTimeLimitMs: options.questionTimeLimitSeconds * 1000 } : {}),
      bankVersion,
      questions: chosen,
    },
  };
}
