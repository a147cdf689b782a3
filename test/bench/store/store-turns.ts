// The SQLite store's cost per LLM turn, side by side with other checkouts of Probe (interleaved in
// one process): replays the EventCommits of real interviews (rebuilt from a database a server bench
// run left behind) into fresh WAL databases, as the session runner writes them: the idempotency
// look-up and the answer alone (fsynced), then the server's events of the turn in one transaction,
// and every session's lease renewed every 5 s of the turn rate. Reports CPU per turn
// (process.cpuUsage), wall time, bytes appended to the -wal file and KB allocated per turn.
//
//   npx tsx --expose-gc --min-semi-space-size=256 --max-semi-space-size=256 test/bench/store/store-turns.ts \
//     --from probe.db [--variants base=/work/wt/base] [--sessions 50] [--reps 9]
//
// `--from` is a database with finished LLM-mode interviews in it (the bench keeps none of it).
import { statSync } from 'node:fs';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { SessionEvent } from '../../../src/engine/events.js';
import type { Effect } from '../../../src/engine/effects.js';
import type { Plan } from '../../../src/engine/plan.js';
import { initialState } from '../../../src/engine/state.js';
import { step } from '../../../src/engine/step.js';
import { eventCommit } from '../../../src/server/event-commit.js';
import type { EventCommit, SessionStore } from '../../../src/server/session-store.js';
import { tempDir } from '../../support/temp-dir.js';
import { REPO_ROOT } from '../semeval.js';

const { values: opts } = parseArgs({
  options: {
    from: { type: 'string' },
    variants: { type: 'string', multiple: true, default: [] },
    sessions: { type: 'string', default: '50' },
    reps: { type: 'string', default: '9' },
    'turns-per-second': { type: 'string', default: '46' },
  },
});
if (!opts.from) throw new Error('--from FILE: a database holding finished LLM-mode interviews (e.g. one a bench:server run left)');

/** What one candidate action costs the store: its look-up and commit, then the server's commits. */
interface Turn {
  session: number;
  clientId?: string;
  answer: EventCommit;
  after: EventCommit[][];
}

interface Recorded {
  plan: Plan;
  turns: Omit<Turn, 'session'>[];
}

const VISIBLE: ReadonlySet<Effect['type']> = new Set(['record', 'timer', 'end']);
const CANDIDATE: ReadonlySet<SessionEvent['type']> = new Set(['start', 'answer', 'hint', 'skip', 'retry', 'end']);

/** Each stored session's events folded again, as the runner commits them (candidate alone, the rest grouped). */
function record(file: string): Recorded[] {
  const db = new Database(file, { readonly: true });
  try {
    const ids = db.prepare<[], { id: string; plan: string }>("select s.id, p.plan from sessions s join session_plans p on p.session_id = s.id where s.event_count > 2 order by s.id").all();
    const eventsOf = db.prepare<[string], { n: number; payload: string }>('select n, payload from events where session_id = ? order by n');
    const keyOf = db.prepare<[string, number], { clientId: string }>('select client_id as clientId from turns where session_id = ? and event_n = ? and client_id is not null');
    return ids.map(({ id, plan: planJson }) => {
      const plan = JSON.parse(planJson) as Plan;
      let state = initialState(id, plan);
      const turns: Omit<Turn, 'session'>[] = [];
      let held: EventCommit[] = [];
      const flush = () => {
        if (held.length > 0) turns.at(-1)?.after.push(held);
        held = [];
      };
      for (const row of eventsOf.all(id)) {
        const event = JSON.parse(row.payload) as SessionEvent;
        const clientId = event.type === 'answer' ? keyOf.get(id, row.n)?.clientId : undefined;
        const result = step(state, event);
        state = result.state;
        const commit = eventCommit(id, row.n, event, result, clientId);
        if (CANDIDATE.has(event.type)) {
          flush();
          turns.push({ answer: commit, after: [], ...(clientId ? { clientId } : {}) });
          continue;
        }
        held.push(commit);
        if (result.effects.some((e) => VISIBLE.has(e.type))) flush();
      }
      flush();
      return { plan, turns };
    });
  } finally {
    db.close();
  }
}

interface Variant {
  name: string;
  open(file: string): SessionStore;
}

async function loadVariant(spec: string): Promise<Variant> {
  const [name, root] = spec.includes('=') ? (spec.split('=', 2) as [string, string]) : [path.basename(spec), spec];
  const mod = (await import(path.join(path.resolve(root), 'src/adapters/db/sqlite-session-store.ts'))) as typeof import('../../../src/adapters/db/sqlite-session-store.js');
  return { name, open: (file) => mod.createSqliteSessionStore(file) };
}

const OWNER = 'bench-node';

/** A fresh database with the sessions made and leased (not measured); `run` replays every turn. */
async function prepare(variant: Variant, recorded: Recorded[], sessions: number, dir: string, checkpoints: boolean) {
  const file = path.join(dir, `${variant.name}-${Math.random().toString(36).slice(2)}.db`);
  const store = variant.open(file);
  if (!checkpoints) (store as unknown as { db: { $client: Database.Database } }).db.$client.pragma('wal_autocheckpoint = 0');
  const ids: string[] = [];
  for (let s = 0; s < sessions; s++) {
    const id = `bench-${s}`;
    const source = recorded[s % recorded.length] as Recorded;
    await store.create({ id, tokenHash: 'x', plan: source.plan, createdAt: Date.now() });
    await store.claimLease(id, OWNER, 15_000, { steal: true });
    ids.push(id);
  }
  // Round robin over the sessions, as concurrent candidates interleave.
  const schedule: Turn[] = [];
  const longest = Math.max(...recorded.map((r) => r.turns.length));
  for (let t = 0; t < longest; t++) {
    for (let s = 0; s < sessions; s++) {
      const turn = (recorded[s % recorded.length] as Recorded).turns[t];
      if (turn) schedule.push({ ...turn, session: s });
    }
  }
  const own = (c: EventCommit, s: number): EventCommit => ({ ...c, sessionId: ids[s] as string, owner: OWNER });
  const plans = schedule.map((t) => ({ clientId: t.clientId, answer: own(t.answer, t.session), after: t.after.map((g) => g.map((c) => own(c, t.session))), id: ids[t.session] as string }));
  const answers = schedule.filter((t) => t.answer.event.type === 'answer').length;
  return { store, file, answers, run: () => replay(store, plans, ids) };
}

const turnsPerSecond = Number(opts['turns-per-second']);

async function replay(store: SessionStore, plans: { clientId?: string; answer: EventCommit; after: EventCommit[][]; id: string }[], ids: string[]) {
  // Each lease is renewed every 5 s (a third of 15 s): at the turn rate, all of them every this many turns.
  const renewEvery = Math.max(1, Math.round(5 * turnsPerSecond));
  let done = 0;
  for (const p of plans) {
    if (p.clientId !== undefined) await store.answerSeqByClientId(p.id, p.clientId);
    await store.append(p.answer);
    for (const group of p.after) await (store.appendAll ? store.appendAll(group) : Promise.all(group.map((c) => store.append(c))));
    if (++done % renewEvery === 0) {
      // A store that renews a node's leases together (SessionStore.renewLeases) gets one call, as session-lease.ts makes it.
      if (store.renewLeases) await store.renewLeases(OWNER, ids, 15_000);
      else for (const id of ids) await store.renewLease(id, OWNER, 15_000);
    }
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

const recorded = record(opts.from);
const variants = [await loadVariant(`this=${REPO_ROOT}`), ...(await Promise.all((opts.variants ?? []).map(loadVariant)))];
const sessions = Number(opts.sessions);
const reps = Number(opts.reps);
const dir = tempDir('probe-store-bench-');
const gcTimes: number[] = [];
new PerformanceObserver((list) => gcTimes.push(...list.getEntries().map((e) => e.startTime))).observe({ entryTypes: ['gc'] });
const collect = (globalThis as { gc?: () => void }).gc;
try {
  const results = new Map(variants.map((v) => [v.name, { cpu: [] as number[], sys: [] as number[], wall: [] as number[], wal: [] as number[], kb: [] as number[], answers: 0 }]));
  for (let rep = 0; rep < reps + 1; rep++) {
    // Alternate the order so neither variant always runs on a warmer (or hotter) machine.
    const order = rep % 2 === 0 ? variants : [...variants].reverse();
    for (const v of order) {
      const r = results.get(v.name) as NonNullable<ReturnType<typeof results.get>>;
      const run = await prepare(v, recorded, sessions, dir.path, rep !== 1);
      collect?.();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const heap0 = process.memoryUsage().heapUsed;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await run.run();
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const heap1 = process.memoryUsage().heapUsed;
      await new Promise((resolve) => setTimeout(resolve, 20));
      r.answers = run.answers;
      // Rep 0 warms up; rep 1 runs without checkpoints, so the -wal file holds every byte appended.
      if (rep === 1) {
        r.wal.push(statSync(`${run.file}-wal`).size / run.answers);
        // Counted only when no collection ran during the replay.
        if (collect && !gcTimes.some((at) => at >= t0 && at <= t0 + wall)) r.kb.push((heap1 - heap0) / 1024 / run.answers);
      } else if (rep > 1) {
        r.cpu.push((cpu.user + cpu.system) / 1000 / run.answers);
        r.sys.push(cpu.system / 1000 / run.answers);
        r.wall.push(wall / run.answers);
      }
      await run.store.close();
    }
  }
  console.log(`store per LLM turn: ${sessions} sessions, ${reps - 1} interleaved reps (median), ${results.values().next().value?.answers} answers each`);
  for (const [name, r] of results) {
    const kb = r.kb.length > 0 ? `${median(r.kb).toFixed(1)} KB allocated` : 'allocation not measured (run with --expose-gc --min-semi-space-size=256 --max-semi-space-size=256)';
    console.log(`${name.padEnd(8)} CPU ${median(r.cpu).toFixed(3)} ms (system ${median(r.sys).toFixed(3)})  wall ${median(r.wall).toFixed(3)} ms  WAL ${(median(r.wal) / 1024).toFixed(1)} KB  ${kb}`);
  }
} finally {
  dir.remove();
}
