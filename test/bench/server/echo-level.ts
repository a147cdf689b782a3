// The echo floor for one load level: the same users, pace and client code as the interviews, each
// sending answer-sized frames to the bare `ws` echo server.
import { percentiles, type Percentiles } from '../harness/percentiles.js';
import { runUsers } from '../harness/virtual-users.js';
import { echoUser } from './echo-process.js';

export async function runEchoLevel(url: string, frames: readonly string[], users: number, thinkMs: number, warmupMs: number, measureMs: number): Promise<{ latency: Percentiles; errors: number }> {
  const result = await runUsers({ users, warmupMs, measureMs, thinkMs, seed: 2, drainMs: 10_000 }, (ctx) => echoUser(ctx, url, frames, 10_000));
  const errors = [...result.errors.values()].reduce((a, b) => a + b, 0);
  return { latency: percentiles(result.samples.map((s) => s.latencyMs)), errors };
}
