// Crash resilience: candidates run interviews while the server is killed with SIGKILL at seeded
// random moments and restarted on the same database (on a new port; clients follow it). Every
// client resumes and resends what was not acknowledged; afterwards the database is checked.
import type { Bank } from '../../../src/engine/bank/schema.js';
import { createRng } from '../../../src/engine/random.js';
import { tempDir } from '../../support/temp-dir.js';
import { percentiles, type Percentiles } from '../harness/percentiles.js';
import { startProbeProcess, type ProbeProcess } from '../harness/probe-process.js';
import { checkDatabase, type DbCheck } from './db-check.js';
import { runResilientSession, type ClientTally, type SessionRecord } from './resilient-client.js';

export interface CrashOptions {
  bank: Bank;
  kills: number;
  clients: number;
  /** Server uptime before each kill: uniform in this range (ms), counted from when it listens. */
  uptimeMs: [number, number];
  seed: number;
  log: (line: string) => void;
}

export interface CrashResult {
  kills: number;
  uptimeMs: [number, number];
  clients: number;
  sessions: number;
  finished: number;
  resumes: number;
  resumeFailures: number;
  /** Sessions a client could not even create before giving up (server down too long). */
  neverCreated: number;
  answersSent: number;
  resent: number;
  ackedAfterResend: number;
  textMismatches: number;
  /** Answers in flight (sent, not yet acknowledged) at the moments of the kills, summed. */
  inFlightAtKills: number;
  restartMs: Percentiles;
  errors: Record<string, number>;
  db: DbCheck;
  seconds: number;
}

const PLAN = { mode: 'mock' as const, questionCount: 4, maxFollowUps: 2 };
/** Lines stream word by word (3 ms a word), so kills also land in the middle of a line. */
const SERVER_ARGS = ['--pace-ms', '3'];
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runCrashTest(o: CrashOptions): Promise<CrashResult> {
  const started = performance.now();
  const dir = tempDir('probe-chaos-crash-');
  const dbPath = dir.file('probe.db');
  const boot = () => startProbeProcess({ dbPath, args: SERVER_ARGS });
  let server: ProbeProcess = await boot();
  const tally: ClientTally = { answersSent: 0, resent: 0, ackedAfterResend: 0, errors: new Map(), textMismatches: 0, inFlight: 0 };
  const records: SessionRecord[] = [];
  let neverCreated = 0;
  let chaosOver = false;
  let giveUpAt = Infinity;
  const client = async (index: number) => {
    const rng = createRng(o.seed * 31 + index);
    for (let n = 0; !chaosOver; n += 1) {
      const record = await runResilientSession({ url: () => server.url, bank: o.bank, plan: PLAN, seed: index * 10_000 + n, rng, think: [0, 40], giveUpAt: () => giveUpAt, tally });
      if (record) records.push(record);
      else neverCreated += 1;
    }
  };
  const clients = Array.from({ length: o.clients }, (_, i) => client(i));
  const rng = createRng(o.seed);
  const restarts: number[] = [];
  let inFlightAtKills = 0;
  try {
    for (let k = 0; k < o.kills; k += 1) {
      await sleep(o.uptimeMs[0] + rng() * (o.uptimeMs[1] - o.uptimeMs[0]));
      inFlightAtKills += tally.inFlight;
      await server.stop('SIGKILL');
      const t0 = performance.now();
      server = await boot();
      restarts.push(performance.now() - t0);
      if ((k + 1) % 10 === 0) o.log(`  ${k + 1} kills, ${records.length} sessions so far`);
    }
    chaosOver = true;
    giveUpAt = performance.now() + 60_000;
    await Promise.all(clients);
  } finally {
    chaosOver = true;
    await server.stop('SIGTERM');
  }
  const db = checkDatabase(dbPath, records);
  dir.remove();
  return {
    kills: o.kills,
    uptimeMs: o.uptimeMs,
    clients: o.clients,
    sessions: records.length,
    finished: records.filter((r) => r.ended).length,
    resumes: records.reduce((n, r) => n + r.resumes, 0),
    resumeFailures: records.reduce((n, r) => n + r.resumeFailures, 0),
    neverCreated,
    answersSent: tally.answersSent,
    resent: tally.resent,
    ackedAfterResend: tally.ackedAfterResend,
    textMismatches: tally.textMismatches,
    inFlightAtKills,
    restartMs: percentiles(restarts),
    errors: Object.fromEntries(tally.errors),
    db,
    seconds: (performance.now() - started) / 1000,
  };
}
