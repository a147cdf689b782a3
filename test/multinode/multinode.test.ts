// Three Probe nodes on one real PostgreSQL database behind a real nginx (deploy/nginx.conf):
// candidates run interviews through the proxy, reconnect and land on other nodes, one node is
// killed with SIGKILL mid-interview and another drained with SIGTERM. Nothing acknowledged is lost
// or stored twice, and every interview finishes. Skipped locally without postgresql or nginx; fatal under CI=true.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { step } from '../../src/engine/step.js';
import { initialState } from '../../src/engine/state.js';
import type { CreateSessionResponse } from '../../src/protocol/http.js';
import { ServerFrameSchema } from '../../src/protocol/ws-frames.js';
import type { Plan } from '../../src/engine/plan.js';
import type { SessionEvent } from '../../src/engine/events.js';
import { nginxAvailable, startNginx, type NginxProxy } from '../support/nginx-proxy.js';
import { postgresAvailable, startPostgres, type PgCluster } from '../support/postgres-cluster.js';
import { runGroup } from '../support/process-group.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';
import { startNode, type ProbeNode } from './probe-nodes.js';

const ready = postgresAvailable() && nginxAvailable();
const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));
const CANDIDATES = 8;
const THINK_MS = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cluster: PgCluster | undefined;
let proxy: NginxProxy | undefined;
const nodes: ProbeNode[] = [];
let databaseUrl = '';
let sqliteDir: TempDir | undefined;

interface CandidateRun {
  id: string;
  /** clientId -> seq of every acknowledged answer. */
  acked: Map<string, number>;
  /** The node (host:port) each connection landed on, in order. */
  landed: string[];
  /** Connections that were cut by the server side (killed node, drain), not by the candidate. */
  cut: number;
  /** The close code of every connection the server side ended. */
  closes: number[];
}

/**
 * One candidate: answers every question and follow-up, resending an unacknowledged answer under
 * the same clientId after any reconnect, and leaves after every second acknowledged answer to come
 * back through the proxy (usually landing on another node).
 */
async function candidate(base: string, session: CreateSessionResponse, live: Map<string, string>): Promise<CandidateRun> {
  const run: CandidateRun = { id: session.id, acked: new Map(), landed: [], cut: 0, closes: [] };
  const url = `${base.replace(/^http/, 'ws')}${session.websocket}?token=${session.token}`;
  let lastSeq = 0;
  let pending: { clientId: string; text: string; prompt: number } | undefined;
  const answered = new Set<number>();
  let ended = false;
  const deadline = Date.now() + 60_000;
  while (!ended) {
    if (Date.now() > deadline) throw new Error(`candidate ${session.id} did not finish; landed on ${run.landed.join(', ')}`);
    const ws = new WebSocket(url);
    let upstream = '';
    // After a refused connection nginx lists every node it tried ("a, b"): the last one served.
    ws.on('upgrade', (res) => (upstream = String(res.headers['x-probe-upstream'] ?? '').split(',').at(-1)!.trim()));
    const leftByUs = await new Promise<boolean>((resolve) => {
      let synced = false;
      let leaving = false;
      let acksHere = 0;
      const submit = (p: NonNullable<typeof pending>) => ws.send(JSON.stringify({ type: 'answer.submit', text: p.text, clientId: p.clientId }));
      const answer = (prompt: number) => {
        if (pending || answered.has(prompt)) return;
        const p = { clientId: `${session.id}-q${prompt}`, text: `Answer to line ${prompt}: point a, point b and point c of it.`, prompt };
        pending = p;
        // A candidate takes a moment to answer, so interviews overlap the kill and the drain.
        setTimeout(() => ws.readyState === WebSocket.OPEN && pending === p && submit(p), THINK_MS);
      };
      ws.on('open', () => {
        run.landed.push(upstream);
        live.set(session.id, upstream);
        ws.send(JSON.stringify({ type: 'session.resume', lastSeq }));
        if (pending) submit(pending);
      });
      ws.on('message', (data) => {
        const f = ServerFrameSchema.parse(JSON.parse(data.toString()));
        if ('seq' in f) lastSeq = Math.max(lastSeq, f.seq);
        if (f.type === 'session.state') {
          synced = true;
          if (f.phase === 'not-started') ws.send(JSON.stringify({ type: 'session.start' }));
          else if (f.pendingQuestion) answer(f.pendingQuestion.seq);
        } else if (f.type === 'line' && synced && (f.kind === 'question' || f.kind === 'follow-up')) {
          answer(f.seq);
        } else if (f.type === 'answer.ack' && pending && f.clientId === pending.clientId) {
          run.acked.set(f.clientId, f.seq);
          answered.add(pending.prompt);
          pending = undefined;
          if (++acksHere % 2 === 0) {
            leaving = true;
            ws.close(1000);
          }
        } else if (f.type === 'error' && f.inReplyTo === 'answer.submit' && pending && (f.code === 'busy' || f.code === 'stale')) {
          pending = undefined;
        } else if (f.type === 'session.ended') {
          ended = true;
          leaving = true;
          ws.close(1000);
        }
      });
      ws.on('error', () => {});
      ws.on('close', (code) => {
        live.delete(session.id);
        if (!leaving) run.closes.push(code);
        resolve(leaving);
      });
    });
    if (!leftByUs) {
      run.cut += 1;
      await sleep(100);
    }
  }
  return run;
}

describe.skipIf(!ready)('three Probe nodes on PostgreSQL behind nginx', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
    databaseUrl = await cluster.createDatabase('probe');
    // All three start at once on an empty database: the migration runs once. One also has
    // PROBE_DB_PATH set, which DATABASE_URL overrides.
    sqliteDir = tempDir();
    nodes.push(...(await Promise.all([0, 1, 2].map((i) => startNode(databaseUrl, i === 0 ? { PROBE_DB_PATH: sqliteDir!.file('ignored.db') } : {})))));
    proxy = await startNginx(nodes.map((n) => n.address));
  }, 90_000);
  afterAll(async () => {
    await Promise.allSettled(nodes.map((n) => n.kill()));
    await proxy?.stop();
    await cluster?.stop();
    sqliteDir?.remove();
  });

  it('uses DATABASE_URL over PROBE_DB_PATH and says so at start-up', () => {
    expect(nodes[0]!.output()).toMatch(/database: PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/probe; PROBE_DB_PATH \(.*ignored\.db\) is ignored because DATABASE_URL is set/);
    expect(existsSync(sqliteDir!.file('ignored.db'))).toBe(false);
    expect(nodes[1]!.output()).not.toMatch(/PROBE_DB_PATH/);
  });

  it('loses nothing acknowledged, stores nothing twice, and finishes every interview when a node is killed', { timeout: 90_000 }, async () => {
    const base = proxy!.url;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const sessions: CreateSessionResponse[] = [];
    for (let i = 0; i < CANDIDATES; i++) {
      const res = await fetch(`${base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'mock', questionCount: 4, maxFollowUps: 1, seed: i + 1 }) });
      expect(res.status).toBe(201);
      sessions.push((await res.json()) as CreateSessionResponse);
    }
    const live = new Map<string, string>();
    const runs = Promise.all(sessions.map((s) => candidate(base, s, live)));

    // Kill the node that is serving the most candidates right now, once interviews are under way.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const answered = async () => Number((await db.query<{ n: string }>("select count(*) as n from turns where kind = 'answer'")).rows[0]?.n);
      for (let i = 0; i < 400 && ((await answered()) < CANDIDATES || live.size < CANDIDATES / 2); i++) await sleep(25);
      const busiest = nodes.map((n) => ({ n, on: [...live.values()].filter((u) => u === n.address).length })).sort((a, b) => b.on - a.on)[0]!;
      expect(busiest.on).toBeGreaterThan(0);
      const victim = busiest.n;
      await victim.kill('SIGKILL');

      // Then drain a survivor that is serving candidates: SIGTERM closes its sockets with 1012,
      // its candidates reconnect to the last node, and it exits cleanly.
      const killedAt = await answered();
      for (let i = 0; i < 400 && (await answered()) < killedAt + CANDIDATES; i++) await sleep(25);
      const survivors = nodes.filter((n) => n !== victim);
      const drained = survivors.map((n) => ({ n, on: [...live.values()].filter((u) => u === n.address).length })).sort((a, b) => b.on - a.on)[0]!;
      expect(drained.on).toBeGreaterThan(0);
      await drained.n.kill('SIGTERM');
      expect(drained.n.child.exitCode).toBe(0);
      const done = await runs;
      expect(done.flatMap((r) => r.closes)).toContain(1012);

      // Every interview finished, some after moving from node to node.
      const ids = sessions.map((s) => s.id);
      const rows = (await db.query<{ id: string; status: string; event_count: number }>('select id, status, event_count from sessions where id = any($1)', [ids])).rows;
      expect(rows.map((r) => r.status)).toEqual(ids.map(() => 'ended'));
      expect(done.filter((r) => new Set(r.landed).size > 1).length).toBeGreaterThan(CANDIDATES / 2);
      expect(new Set(done.flatMap((r) => r.landed))).toEqual(new Set(nodes.map((n) => n.address)));
      expect(done.reduce((sum, r) => sum + r.cut, 0)).toBeGreaterThan(0);

      for (const run of done) {
        // Every acknowledged answer is stored once, at the seq its ack named.
        const answers = (await db.query<{ seq: number; client_id: string }>("select seq, client_id from turns where session_id = $1 and kind = 'answer' order by seq", [run.id])).rows;
        expect(new Set(answers.map((a) => a.client_id)).size).toBe(answers.length);
        for (const [clientId, seq] of run.acked) expect(answers.filter((a) => a.client_id === clientId).map((a) => a.seq)).toEqual([seq]);
        // The log is whole: events 1..n without gaps, and it replays without a refused event.
        const events = (await db.query<{ n: number; payload: SessionEvent }>('select n, payload from events where session_id = $1 order by n', [run.id])).rows;
        expect(events.map((e) => e.n)).toEqual(events.map((_, i) => i + 1));
        expect(rows.find((r) => r.id === run.id)?.event_count).toBe(events.length);
        const plan = (await db.query<{ plan: Plan }>('select plan from session_plans where session_id = $1', [run.id])).rows[0]!.plan;
        let state = initialState(run.id, plan);
        for (const e of events) {
          const r = step(state, e.payload);
          expect(r.rejection).toBeUndefined();
          state = r.state;
        }
        expect(state.phase).toBe('ended');
        expect(state.transcript.filter((t) => t.kind === 'answer').length).toBe(answers.length);
      }
      // The last node still serves; the dead and the drained ones are skipped by the proxy.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      // `probe export` reads the report from PostgreSQL too.
      const exported = await runGroup(process.execPath, [BIN, 'export', sessions[0]!.id, '--format', 'json'], { env: { ...process.env, DATABASE_URL: databaseUrl }, timeoutMs: 30_000 });
      expect(exported.stderr).toBe('');
      expect(exported.status).toBe(0);
      expect(JSON.parse(exported.stdout)).toMatchObject({ sessionId: sessions[0]!.id });
    } finally {
      await db.end();
    }
  });
});
