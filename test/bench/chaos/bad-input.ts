// Bad input: connections on sessions in every state send a seeded mix of malformed, oversized,
// out-of-order and wrong-type frames (one at a time, each answer checked against the protocol),
// floods overrun the rate limit, and bad handshakes knock, while well-behaved candidates run whole
// interviews beside them. The server runs with its default limits.
import type { Bank } from '../../../src/engine/bank/schema.js';
import { createRng } from '../../../src/engine/random.js';
import { ServerFrameSchema, type ServerFrame } from '../../../src/protocol/ws-frames.js';
import { tempDir } from '../../support/temp-dir.js';
import { startProbeProcess, type ProbeProcess } from '../harness/probe-process.js';
import { badConnection, type BadInputTally, type KindTally } from './bad-connection.js';
import { checkDatabase, type DbCheck } from './db-check.js';
import { flood, knock, type FloodTally } from './refusals.js';
import { runResilientSession, type ClientTally, type SessionRecord } from './resilient-client.js';

export interface BadInputOptions {
  bank: Bank;
  /** Connections sending bad frames, spread over not-started, answering and ended sessions. */
  connections: number;
  framesPerConnection: number;
  floods: number;
  floodFrames: number;
  handshakes: number;
  wellBehaved: number;
  seed: number;
}

export interface BadInputResult {
  frames: number;
  kinds: Record<string, KindTally>;
  wrongExamples: string[];
  floods: FloodTally;
  handshakes: { attempts: number; expected: number };
  /** Sessions reopened after a 1009 close that resumed cleanly (session.state received). */
  resumedAfterTooBig: number;
  tooBigCloses: number;
  /** Server frames that failed ServerFrameSchema (must be 0). */
  outsideProtocol: number;
  wellBehaved: { sessions: number; finished: number; reconnects: number; db: DbCheck };
  serverUp: boolean;
  health: number;
  errorLogLines: number;
  seconds: number;
}

const LIMITS = { PROBE_RATE_LIMIT_PER_SEC: '10', PROBE_RATE_LIMIT_BURST: '30', PROBE_MAX_ANSWER_CHARS: '8000', PROBE_MAX_FRAME_BYTES: '65536' };
/** One frame every 110 ms stays under the default 10 frames a second, so each is answered. */
const PACE_MS = 110;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runBadInput(o: BadInputOptions): Promise<BadInputResult> {
  const started = performance.now();
  const dir = tempDir('probe-chaos-input-');
  const dbPath = dir.file('probe.db');
  const server = await startProbeProcess({ dbPath, env: LIMITS });
  const url = server.url;
  let outsideProtocol = 0;
  const validate = ({ frame }: { frame: ServerFrame }) => {
    if (!ServerFrameSchema.safeParse(frame).success) outsideProtocol += 1;
  };
  const tally: BadInputTally = { kinds: {}, wrongExamples: [], tooBigCloses: 0, resumedAfterTooBig: 0 };
  const limits = { maxAnswerChars: Number(LIMITS.PROBE_MAX_ANSWER_CHARS), maxFrameBytes: Number(LIMITS.PROBE_MAX_FRAME_BYTES) };
  const bad = (index: number) => badConnection({ url, index, seed: o.seed, frames: o.framesPerConnection, limits, paceMs: PACE_MS, onFrame: validate }, tally);
  const floods: FloodTally = { connections: o.floods, frames: 0, closed1008: 0, warned: 0 };
  const handshakes = { attempts: 0, expected: 0 };
  const knockOnce = async (i: number) => {
    handshakes.attempts += 1;
    if (await knock(url, 90_000 + i, i, validate)) handshakes.expected += 1;
  };

  const polite = politeCandidates(o, url);

  try {
    await Promise.all([
      ...Array.from({ length: o.connections }, (_, i) => bad(i)),
      ...Array.from({ length: o.floods }, (_, i) => sleep(1000 + i * 700).then(() => flood(url, 50_000 + i, o.floodFrames, floods, validate))),
      ...Array.from({ length: o.handshakes }, (_, i) => sleep(i * 20).then(() => knockOnce(i))),
      polite.done,
    ]);
    const records = polite.records;
    return {
      ...(await serverState(server)),
      frames: Object.values(tally.kinds).reduce((n, k) => n + k.sent, 0) + floods.frames,
      kinds: tally.kinds,
      wrongExamples: tally.wrongExamples,
      floods,
      handshakes,
      resumedAfterTooBig: tally.resumedAfterTooBig,
      tooBigCloses: tally.tooBigCloses,
      outsideProtocol,
      wellBehaved: { sessions: o.wellBehaved, finished: records.filter((r) => r.ended).length, reconnects: records.reduce((n, r) => n + r.resumes, 0), db: checkDatabase(dbPath, records) },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await server.stop('SIGTERM');
    dir.remove();
  }
}

/** Well-behaved candidates running whole interviews beside the bad input. */
function politeCandidates(o: BadInputOptions, url: string): { done: Promise<void>; records: SessionRecord[] } {
  const tally: ClientTally = { answersSent: 0, resent: 0, ackedAfterResend: 0, errors: new Map(), textMismatches: 0, inFlight: 0 };
  const records: SessionRecord[] = [];
  const giveUpAt = performance.now() + 180_000;
  const plan = { mode: 'mock' as const, questionCount: 6, maxFollowUps: 2 };
  const one = async (index: number) => {
    const rng = createRng(o.seed * 7 + index);
    const record = await runResilientSession({ url: () => url, bank: o.bank, plan, seed: 70_000 + index, rng, think: [100, 400], giveUpAt: () => giveUpAt, tally });
    if (record) records.push(record);
  };
  return { done: Promise.all(Array.from({ length: o.wellBehaved }, (_, i) => one(i))).then(() => {}), records };
}

/** Still running, /healthz answering, and no error-level line in its log. */
async function serverState(server: ProbeProcess): Promise<{ serverUp: boolean; health: number; errorLogLines: number }> {
  const health = await fetch(`${server.url}/healthz`).then((r) => r.status).catch(() => 0);
  let alive = true;
  try {
    server.sample();
  } catch {
    alive = false;
  }
  const errorLogLines = server.output().split('\n').filter((l) => /"level":(50|60)/.test(l)).length;
  return { serverUp: alive && health === 200, health, errorLogLines };
}
