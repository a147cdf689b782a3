// One load level: N virtual users against a server process, with its CPU and memory read from
// /proc at the start and end of the measurement window.
import { percentiles, type Percentiles } from '../harness/percentiles.js';
import { coreShare, sampleProcess, type ProcSample } from '../harness/proc-stats.js';
import { runUsers, type UserContext, type UsersOptions } from '../harness/virtual-users.js';

export interface LevelResult {
  users: number;
  thinkMs: number;
  latency: Percentiles;
  ack: Percentiles;
  /** Turns begun in the window, per second. */
  perSecond: number;
  /** Server CPU over the window, as a share of one core. */
  cpu: number;
  /** Server CPU per turn (ms). */
  cpuMsPerTurn: number;
  rssStart: number;
  rssEnd: number;
  errors: Record<string, number>;
  firstErrors: string[];
  stuck: number;
  windowStart: number;
  windowEnd: number;
}

export async function runLevel(pid: number, options: UsersOptions, user: (ctx: UserContext) => Promise<void>): Promise<LevelResult> {
  let a: ProcSample | undefined;
  let b: ProcSample | undefined;
  const result = await runUsers(options, user, (phase) => {
    if (phase === 'start') a = sampleProcess(pid);
    else b = sampleProcess(pid);
  });
  if (!a || !b) throw new Error('the measurement window was not sampled');
  const seconds = (result.windowEnd - result.windowStart) / 1000;
  const turns = result.samples.length;
  const acks = result.samples.flatMap((s) => (s.ackMs === undefined ? [] : [s.ackMs]));
  return {
    users: options.users,
    thinkMs: options.thinkMs,
    latency: percentiles(result.samples.map((s) => s.latencyMs)),
    ack: percentiles(acks),
    perSecond: turns / seconds,
    cpu: coreShare(a, b),
    cpuMsPerTurn: turns > 0 ? (b.cpuMs - a.cpuMs) / turns : NaN,
    rssStart: a.rssBytes,
    rssEnd: b.rssBytes,
    errors: Object.fromEntries(result.errors),
    firstErrors: result.firstErrors,
    stuck: result.stuck,
    windowStart: result.windowStart,
    windowEnd: result.windowEnd,
  };
}
