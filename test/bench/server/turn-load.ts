// One level of the LLM turn benchmark: a fresh server (Probe in LLM mode, or the single-call
// reference) and a fresh scripted model, K candidates answering about once a second, the server's
// CPU from /proc over the window, and each turn split into model time and overhead.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Bank } from '../../../src/engine/bank/schema.js';
import { tempDir } from '../../support/temp-dir.js';
import { startProbeProcess, UNTHROTTLED } from '../harness/probe-process.js';
import { sampleProcess } from '../harness/proc-stats.js';
import { runLevel, type LevelResult } from './load-level.js';
import type { LoadStep } from './offline-load.js';
import { RELAY_PLAN } from './relay-load.js';
import { startTurnModelProcess } from './turn-model-process.js';
import { breakDown, type TurnBreakdown } from './turn-overhead.js';
import { turnUser, type TurnRecord } from './turn-user.js';

/**
 * 'probe' (LLM mode), 'offline' (Probe with no model configured: the offline interviewer and scorer,
 * what the LLM mode also runs beside every judgement), 'reference', or 'probe@NAME' for another
 * checkout of Probe (an ablation, --variants).
 */
export type TurnServer = string;

export interface TurnRow extends LevelResult {
  server: TurnServer;
  breakdown: TurnBreakdown;
  interviews: number;
  failed: number;
  /** Lines the offline interviewer phrased in place of the model (recorded as fallbacks). */
  fallbacks: number;
  /** Session creations refused with 503 (and retried after Retry-After). */
  refused: number;
}

interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<unknown>;
}

const REFERENCE = fileURLToPath(new URL('./reference-interviewer.ts', import.meta.url));

function startReference(dbPath: string, modelUrl: string, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', REFERENCE], {
    env: { ...process.env, OPENAI_BASE_URL: modelUrl, PROBE_DB_PATH: dbPath },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the reference interviewer did not start')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (!url || child.pid === undefined) return;
      clearTimeout(timer);
      resolve({ url, pid: child.pid, stop: () => (child.kill('SIGTERM'), exited) });
    });
    child.once('error', reject);
  });
}

export interface TurnStepOptions {
  bank: Bank;
  log: (line: string) => void;
  nodeArgs?: string[];
  /** Extra environment for Probe (admission limits...). */
  env?: Record<string, string>;
  /** Checkouts of Probe by variant name (their src/cli/bin.js is run instead of this one's). */
  variants?: Record<string, string>;
}

/** Another checkout's `probe serve`, started like startProbeProcess starts this one. */
function startVariant(dir: string, dbPath: string, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [`${dir}/src/cli/bin.js`, 'serve'], {
    cwd: dir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PROBE_DB_PATH: dbPath, PROBE_LOG_LEVEL: 'warn', ...UNTHROTTLED, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${dir} did not start`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Probe is listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (!url || child.pid === undefined) return;
      clearTimeout(timer);
      resolve({ url, pid: child.pid, stop: () => (child.kill('SIGTERM'), exited) });
    });
    child.once('error', reject);
  });
}

export async function runTurnStep(server: TurnServer, step: LoadStep, o: TurnStepOptions): Promise<TurnRow> {
  const model = await startTurnModelProcess();
  const dir = tempDir('probe-bench-turn-');
  const env = { OPENAI_BASE_URL: model.url, PROBE_MODEL: 'scripted-model', PROBE_LLM_TIMEOUT_MS: '30000', ...o.env };
  const variant = server.startsWith('probe@') ? o.variants?.[server.slice(6)] : undefined;
  const proc: ServerProcess = variant
    ? await startVariant(variant, dir.file('probe.db'), env)
    : server === 'probe' || server === 'offline'
      ? await startProbeProcess({ dbPath: dir.file('probe.db'), env: server === 'offline' ? { ...o.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' } : env, ...(o.nodeArgs ? { nodeArgs: o.nodeArgs } : {}) }).then((p) => ({ url: p.url, pid: p.pid, stop: () => p.stop('SIGTERM') }))
      : await startReference(dir.file('reference.db'), model.url, o.nodeArgs);
  try {
    sampleProcess(proc.pid);
    const turns: TurnRecord[] = [];
    const tally = { interviews: 0, fallbacks: 0, refused: 0 };
    const level = await runLevel(proc.pid, { users: step.users, warmupMs: step.warmupMs, measureMs: step.measureMs, thinkMs: step.thinkMs, seed: 5, drainMs: 60_000 }, (ctx) =>
      turnUser(ctx, { baseUrl: proc.url, bank: o.bank, plan: RELAY_PLAN, timeoutMs: 60_000, turns, tally }),
    );
    const breakdown = breakDown(turns, await model.calls());
    const failed = (level.errors['interview failed'] ?? 0) + (level.errors['user crashed'] ?? 0);
    const b = breakdown;
    o.log(
      `  ${server} K=${step.users}: ${level.perSecond.toFixed(0)} turns/s, overhead p50 ${b.overhead.p50.toFixed(1)} p99 ${b.overhead.p99.toFixed(1)} ms (turn p50 ${b.turn.p50.toFixed(0)}, model p50 ${b.model.p50.toFixed(0)}, ${b.callsPerTurn.toFixed(2)} calls; before ${b.before.toFixed(1)} between ${b.between.toFixed(1)} after ${b.after.toFixed(1)}), CPU ${level.cpuMsPerTurn.toFixed(2)} ms/turn at ${(level.cpu * 100).toFixed(0)}%, failed ${failed}, fallbacks ${tally.fallbacks}, refused ${tally.refused}`,
    );
    if (level.firstErrors.length > 0) o.log(`    first errors: ${level.firstErrors.join(' | ')}`);
    return { ...level, server, breakdown, interviews: tally.interviews, failed, fallbacks: tally.fallbacks, refused: tally.refused };
  } finally {
    await proc.stop();
    await model.stop();
    dir.remove();
  }
}
