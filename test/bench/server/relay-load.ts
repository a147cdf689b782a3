// The LLM load levels: a fresh server pointed (OPENAI_BASE_URL) at the scripted model in this
// process, which streams every line at a fixed pace; N candidates run interviews while every
// line.delta is timed from the token that released it (relay-collector.ts).
import type { Bank } from '../../../src/engine/bank/schema.js';
import { tempDir } from '../../support/temp-dir.js';
import { percentiles, type Percentiles } from '../harness/percentiles.js';
import { startProbeProcess } from '../harness/probe-process.js';
import { runUsers } from '../harness/virtual-users.js';
import { bareRelayUser } from './echo-process.js';
import { interviewUser } from './interview-user.js';
import { runLevel, type LevelResult } from './load-level.js';
import type { LoadStep } from './offline-load.js';
import { relayCollector } from './relay-collector.js';
import { startRelayModel, type RelayModel } from './relay-model.js';

export const RELAY_PLAN = { mode: 'mock' as const, questionCount: 6, maxFollowUps: 1 };

export interface RelayRow extends LevelResult {
  tokenDelayMs: number;
  relay: Percentiles;
  /** The same tokens through the bare relay (fetch in, ws out, nothing else), same pace and users. */
  floor: Percentiles;
  lines: number;
  unmatched: number;
  /** The guard windows seen (words held back), with how many lines had each. */
  holds: string;
  interviews: number;
}

/** The relay floor at the same users and pace: one streamed line per turn through the bare relay. */
async function runFloor(step: LoadStep, floorUrl: string, model: RelayModel): Promise<Percentiles> {
  const tokens: { at: number; ms: number }[] = [];
  const result = await runUsers({ users: step.users, warmupMs: Math.min(step.warmupMs, 3000), measureMs: Math.min(step.measureMs, 10_000), thinkMs: step.thinkMs, seed: 4, drainMs: 10_000 }, (ctx) =>
    bareRelayUser(ctx, floorUrl, model.server.url, model.writes, tokens),
  );
  return percentiles(tokens.filter((t) => t.at >= result.windowStart && t.at < result.windowEnd).map((t) => t.ms));
}

export async function runRelayStep(step: LoadStep, bank: Bank, tokenDelayMs: number, floorUrl: string, log: (line: string) => void, nodeArgs?: string[]): Promise<RelayRow> {
  const model = await startRelayModel(tokenDelayMs);
  const dir = tempDir('probe-bench-llm-');
  const probe = await startProbeProcess({
    dbPath: dir.file('probe.db'),
    ...(nodeArgs ? { nodeArgs } : {}),
    env: { OPENAI_BASE_URL: model.server.url, PROBE_MODEL: 'scripted-model', PROBE_LLM_TIMEOUT_MS: '30000', PROBE_LLM_MAX_RETRIES: '0' },
  });
  try {
    const collector = relayCollector(model.writes);
    const tally = { interviews: 0, turns: 0 };
    const level = await runLevel(probe.pid, { users: step.users, warmupMs: step.warmupMs, measureMs: step.measureMs, thinkMs: step.thinkMs, seed: 3 }, (ctx) =>
      interviewUser(ctx, { baseUrl: probe.url, bank, plan: RELAY_PLAN, timeoutMs: 60_000, tally, watch: collector.watch }),
    );
    const windowStart = level.windowStart;
    const inWindow = collector.tally.samples.filter((s) => s.at >= windowStart && s.at < level.windowEnd);
    const relay = percentiles(inWindow.map((s) => s.ms));
    log(`  LLM ${step.users} sessions: ${level.perSecond.toFixed(0)} answers/s, relay p50 ${relay.p50.toFixed(3)} p99 ${relay.p99.toFixed(3)} ms over ${relay.n} tokens, turn p50 ${level.latency.p50.toFixed(0)} ms`);
    const floor = await runFloor(step, floorUrl, model);
    log(`  bare relay ${step.users} sessions: p50 ${floor.p50.toFixed(3)} p99 ${floor.p99.toFixed(3)} ms over ${floor.n} tokens`);
    const holds = [...collector.tally.holds.entries()].sort((a, b) => a[0] - b[0]).map(([h, n]) => `${h} words: ${n}`).join(', ');
    return { ...level, tokenDelayMs, relay, floor, lines: collector.tally.lines, unmatched: collector.tally.unmatched, holds, interviews: tally.interviews };
  } finally {
    await probe.stop('SIGTERM');
    await model.close();
    dir.remove();
  }
}
