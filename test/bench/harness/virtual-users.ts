// Runs N virtual users at once: they start spread over a ramp, work until a deadline, and record
// samples only for work begun inside the measurement window (after the warm-up).
import { createRng } from '../../../src/engine/random.js';

export interface UserContext {
  index: number;
  rng: () => number;
  /** performance.now() after which a user starts no new turn. */
  deadline: number;
  /** Samples of work started before this (the warm-up) are not recorded. */
  windowStart: number;
  /** Waits the think time before a turn: uniform in [0.5, 1.5] x the mean, 0 for none. */
  think(): Promise<void>;
  record(sample: TurnSample): void;
  error(kind: string, error: unknown): void;
}

export interface TurnSample {
  /** When the turn began (performance.now()). */
  at: number;
  latencyMs: number;
  /** Time to the answer's acknowledgement, when there is one. */
  ackMs?: number;
}

export interface UsersOptions {
  users: number;
  warmupMs: number;
  measureMs: number;
  /** Mean pause between a line arriving and the answer being sent; 0 = answer at once. */
  thinkMs: number;
  seed: number;
  /** How long after the deadline the users may take to finish their turn. */
  drainMs?: number;
}

export interface UsersResult {
  samples: TurnSample[];
  errors: Map<string, number>;
  firstErrors: string[];
  windowStart: number;
  windowEnd: number;
  /** Users still busy when the drain time ran out. */
  stuck: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runUsers(options: UsersOptions, user: (ctx: UserContext) => Promise<void>, onWindow?: (phase: 'start' | 'end') => void): Promise<UsersResult> {
  const start = performance.now();
  const windowStart = start + options.warmupMs;
  const windowEnd = windowStart + options.measureMs;
  const samples: TurnSample[] = [];
  const errors = new Map<string, number>();
  const firstErrors: string[] = [];
  const rampMs = Math.min(options.warmupMs / 2, options.users * 10);
  const runs = Array.from({ length: options.users }, async (_, index) => {
    const rng = createRng(options.seed * 7919 + index);
    await sleep((rampMs * index) / options.users);
    const ctx: UserContext = {
      index,
      rng,
      deadline: windowEnd,
      windowStart,
      think: () => (options.thinkMs > 0 ? sleep(options.thinkMs * (0.5 + rng())) : Promise.resolve()),
      record: (s) => {
        if (s.at >= windowStart && s.at < windowEnd) samples.push(s);
      },
      error: (kind, error) => {
        errors.set(kind, (errors.get(kind) ?? 0) + 1);
        if (firstErrors.length < 5) firstErrors.push(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
      },
    };
    await user(ctx).catch((error: unknown) => ctx.error('user crashed', error));
  });
  const marks = [sleep(options.warmupMs).then(() => onWindow?.('start')), sleep(options.warmupMs + options.measureMs).then(() => onWindow?.('end'))];
  let finished = 0;
  const all = Promise.all(runs.map((r) => r.then(() => void (finished += 1))));
  await Promise.race([all, sleep(options.warmupMs + options.measureMs + (options.drainMs ?? 30_000))]);
  await Promise.all(marks);
  return { samples, errors, firstErrors, windowStart, windowEnd, stuck: options.users - finished };
}
