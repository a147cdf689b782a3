// The offline-interviewer load levels: for each, a fresh server (and database) in its own process,
// N virtual candidates running whole interviews, and the echo floor at the same N and pace.
import type { Bank } from '../../../src/engine/bank/schema.js';
import { tempDir } from '../../support/temp-dir.js';
import type { Percentiles } from '../harness/percentiles.js';
import { startProbeProcess } from '../harness/probe-process.js';
import { interviewUser } from './interview-user.js';
import { runEchoLevel } from './echo-level.js';
import { runLevel, type LevelResult } from './load-level.js';

export const INTERVIEW_PLAN = { mode: 'mock' as const, questionCount: 8, maxFollowUps: 2 };

export interface LoadStep {
  users: number;
  thinkMs: number;
  warmupMs: number;
  measureMs: number;
}

export interface OfflineRow extends LevelResult {
  /** Server RSS right after start, before any session. */
  rssFresh: number;
  echo: Percentiles;
  echoErrors: number;
  interviews: number;
}

export interface OfflineLoadOptions {
  bank: Bank;
  echoUrl: string;
  echoFrames: readonly string[];
  /** Server process options (e.g. --cpu-prof) for the step with this many users. */
  nodeArgsFor?: (step: LoadStep) => string[] | undefined;
  log: (line: string) => void;
}

export async function runOfflineStep(step: LoadStep, o: OfflineLoadOptions): Promise<OfflineRow> {
  const dir = tempDir('probe-bench-');
  const nodeArgs = o.nodeArgsFor?.(step);
  const probe = await startProbeProcess({ dbPath: dir.file('probe.db'), ...(nodeArgs ? { nodeArgs } : {}) });
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rssFresh = probe.sample().rssBytes;
    const tally = { interviews: 0, turns: 0 };
    const level = await runLevel(probe.pid, { users: step.users, warmupMs: step.warmupMs, measureMs: step.measureMs, thinkMs: step.thinkMs, seed: 1 }, (ctx) =>
      interviewUser(ctx, { baseUrl: probe.url, bank: o.bank, plan: INTERVIEW_PLAN, timeoutMs: 60_000, tally }),
    );
    const echo = await runEchoLevel(o.echoUrl, o.echoFrames, step.users, step.thinkMs, Math.min(step.warmupMs, 3000), Math.min(step.measureMs, 10_000));
    o.log(`  ${step.users} sessions, think ${step.thinkMs} ms: ${level.perSecond.toFixed(0)} answers/s, p50 ${level.latency.p50.toFixed(2)} p99 ${level.latency.p99.toFixed(2)} ms (echo p99 ${echo.latency.p99.toFixed(3)} ms), CPU ${(level.cpu * 100).toFixed(0)}%`);
    return { ...level, rssFresh, echo: echo.latency, echoErrors: echo.errors, interviews: tally.interviews };
  } finally {
    await probe.stop('SIGTERM');
    dir.remove();
  }
}
