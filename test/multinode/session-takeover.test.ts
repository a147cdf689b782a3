// Two nodes on one database, as two registries with their own node ids in one process: a
// reconnect that lands on the other node takes the session over, the old node's late write is
// refused and it stops driving, a question's time limit fires once, and a session left mid-work
// by a dead node is adopted. Run on SQLite (always) and on a throwaway PostgreSQL cluster
// (skipped locally without it, fatal under CI=true).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPgSessionStore } from '../../src/adapters/db/pg-session-store.js';
import { createSqliteSessionStore } from '../../src/adapters/db/sqlite-session-store.js';
import { silentLogger } from '../../src/adapters/log.js';
import { createOfflineInterviewer, createOfflineJudge } from '../../src/engine/interviewer/offline-interviewer.js';
import { step } from '../../src/engine/step.js';
import { initialState } from '../../src/engine/state.js';
import { CloseCode, type ClientFrame, type ServerFrame } from '../../src/protocol/ws-frames.js';
import { eventCommit } from '../../src/server/event-commit.js';
import { SessionRegistry } from '../../src/server/session-registry.js';
import type { RunnerDeps } from '../../src/server/session-runner.js';
import type { SessionStore } from '../../src/server/session-store.js';
import { planFor } from '../fixtures/questions.js';
import { postgresAvailable, startPostgres, type PgCluster } from '../support/postgres-cluster.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';
import { fakeConnection } from '../support/fake-connection.js';


const acks = (frames: ServerFrame[]) => frames.flatMap((f) => (f.type === 'answer.ack' ? [f.clientId] : []));

function describeTakeover(name: string, open: () => Promise<[SessionStore, SessionStore]>) {
  describe(`session takeover between nodes: ${name}`, () => {
    const opened: SessionStore[] = [];
    const registries: SessionRegistry[] = [];
    afterEach(async () => {
      for (const r of registries.splice(0)) await r.shutdown(100);
      for (const s of opened.splice(0)) await s.close();
    });

    async function twoNodes(leaseMs: number) {
      const stores = await open();
      opened.push(...stores);
      const node = (store: SessionStore, i: number) => {
        const deps: RunnerDeps = { store, log: silentLogger(), interviewerId: 'offline', nodeId: `node-${i}`, leaseMs, ports: { interviewer: createOfflineInterviewer(), judge: createOfflineJudge(), now: () => Date.now() } };
        const registry = new SessionRegistry(deps, { sweepMs: 3_600_000 });
        registries.push(registry);
        return { store, registry };
      };
      return [node(stores[0], 0), node(stores[1], 1)] as const;
    }

    async function connect(node: { registry: SessionRegistry }, id: string) {
      const runner = (await node.registry.get(id))!;
      const client = fakeConnection();
      runner.attach(client.conn);
      return { runner, client, send: (f: ClientFrame) => runner.receive(client.conn, f) };
    }

    it("hands the session to the node the candidate reconnects to, and refuses the old node's late write", async () => {
      const [a, b] = await twoNodes(60_000);
      await a.store.create({ id: 't1', tokenHash: 'x', plan: planFor({ mode: 'mock', questionCount: 2, maxFollowUps: 0 }), createdAt: Date.now() });
      const onA = await connect(a, 't1');
      await onA.send({ type: 'session.start' });
      await onA.send({ type: 'answer.submit', text: 'Point a and b.', clientId: 'first' });
      expect(acks(onA.client.frames)).toEqual(['first']);

      // The candidate reconnects through the proxy and lands on node b, which takes the session.
      const onB = await connect(b, 't1');
      await onB.send({ type: 'session.resume', lastSeq: 0 });
      expect(onB.client.frames.find((f) => f.type === 'session.state')).toMatchObject({ phase: 'answering' });

      // Node a has not noticed yet (its lease renews every 20 s): its late write is refused, it
      // stops driving and closes its connection; nothing of it is stored, and no ack is sent.
      const before = (await b.store.load('t1'))!.meta.eventCount;
      await onA.send({ type: 'answer.submit', text: 'late, through the old node', clientId: 'late' });
      expect(acks(onA.client.frames)).toEqual(['first']);
      expect(onA.client.closes).toEqual([CloseCode.replaced]);
      expect(onA.runner.driving).toBe(false);
      expect((await b.store.load('t1'))!.meta.eventCount).toBe(before);
      expect(await b.store.answerSeqByClientId('t1', 'late')).toBeUndefined();

      // Node b carries on; a reconnect to node a later rebuilds the session from the store.
      await onB.send({ type: 'answer.submit', text: 'Point a and b again.', clientId: 'second' });
      expect(acks(onB.client.frames)).toEqual(['first', 'second']);
      const back = await connect(a, 't1');
      expect(back.runner).not.toBe(onA.runner);
      await back.send({ type: 'session.resume', lastSeq: 0 });
      expect(acks(back.client.frames)).toEqual(['first', 'second']);
    });

    it('notices a takeover by renewing its lease, closes its connection and forgets the session', async () => {
      const [a, b] = await twoNodes(300);
      await a.store.create({ id: 't4', tokenHash: 'x', plan: planFor({ mode: 'mock', questionCount: 2, maxFollowUps: 0 }), createdAt: Date.now() });
      const onA = await connect(a, 't4');
      await onA.send({ type: 'session.start' });
      expect(a.registry.size).toBe(1);
      const onB = await connect(b, 't4');
      await onB.send({ type: 'session.resume', lastSeq: 0 });
      await vi.waitFor(() => expect(onA.client.closes).toEqual([CloseCode.replaced]), { timeout: 5000, interval: 20 });
      expect(a.registry.size).toBe(0);
      expect(onB.client.closes).toEqual([]);
    });

    it("fires a question's time limit once when both nodes have its timer armed", async () => {
      const [a, b] = await twoNodes(60_000);
      const plan = { ...planFor({ mode: 'mock', questionCount: 3, maxFollowUps: 0 }), questionTimeLimitMs: 1500 };
      await a.store.create({ id: 't2', tokenHash: 'x', plan, createdAt: Date.now() });
      const onA = await connect(a, 't2');
      await onA.send({ type: 'session.start' });
      // Node b takes over; node a has not noticed (no renewal for 20 s), so both have the
      // question's timer armed. Both fire; node a's timeout is refused and it stops.
      const onB = await connect(b, 't2');
      await onB.send({ type: 'session.resume', lastSeq: 0 });
      await vi.waitFor(() => expect(onB.client.types()).toContain('notice'), { timeout: 10_000, interval: 20 });
      await vi.waitFor(() => expect(onA.client.closes).toEqual([CloseCode.replaced]), { timeout: 5000, interval: 20 });
      await new Promise((r) => setTimeout(r, 300));
      const timeouts = (await b.store.turnsAfter('t2', 0)).filter((t) => t.kind === 'timeout');
      expect(timeouts.map((t) => t.questionIndex)).toEqual([0]);
      expect(onA.client.types()).not.toContain('notice');
    });

    it('resumes a session a dead node left mid-line: on a shared database only once its lease expires', async () => {
      const [a, b] = await twoNodes(60_000);
      const plan = planFor({ mode: 'mock', questionCount: 2, maxFollowUps: 0 });
      await a.store.create({ id: 't3', tokenHash: 'x', plan, createdAt: Date.now() });
      // A node took the session, stored "start" and died before the first line was stored.
      expect((await a.store.claimLease('t3', 'node-dead', 500, { steal: false })).claimed).toBe(true);
      const start = { type: 'start', at: Date.now() } as const;
      await a.store.append({ ...eventCommit('t3', 1, start, step(initialState('t3', plan), start)), owner: 'node-dead' });
      expect((await a.store.meta('t3'))?.phase).toBe('speaking');
      if (b.store.shared) {
        expect(await b.registry.resumeUnfinished()).toBe(0);
        await new Promise((r) => setTimeout(r, 700));
      }
      expect(await b.registry.resumeUnfinished()).toBe(1);
      await vi.waitFor(async () => expect((await b.store.meta('t3'))?.phase).toBe('answering'), { timeout: 5000, interval: 20 });
      expect((await b.store.turnsAfter('t3', 0)).map((t) => t.kind)).toEqual(['opening', 'question']);
    });
  });
}

const dirs: TempDir[] = [];
afterAll(() => dirs.forEach((d) => d.remove()));
describeTakeover('SQLite', async () => {
  const dir = tempDir();
  dirs.push(dir);
  return [createSqliteSessionStore(dir.file('probe.db')), createSqliteSessionStore(dir.file('probe.db'))];
});

const pgReady = postgresAvailable();
let cluster: PgCluster | undefined;
let count = 0;
describe.skipIf(!pgReady)('on PostgreSQL', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  describeTakeover('PostgreSQL', async () => {
    const url = await cluster!.createDatabase(`takeover_${++count}`);
    return [await createPgSessionStore(url), await createPgSessionStore(url)];
  });
});
