// The one contract every SessionStore keeps, run against SQLite and PostgreSQL alike
// (sqlite-session-store.test.ts, pg-session-store.test.ts): the event log and its projections,
// the `n` check, atomic commits, reopening, and the session lease with its fence.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineInterviewer, createOfflineJudge } from '../../../src/engine/interviewer/offline-interviewer.js';
import type { SessionEvent } from '../../../src/engine/events.js';
import { step } from '../../../src/engine/step.js';
import { initialState, type SessionState } from '../../../src/engine/state.js';
import { SessionConflict, StorageUnavailable } from '../../../src/errors.js';
import { eventCommit } from '../../../src/server/event-commit.js';
import { dispatch, type DriverHooks } from '../../../src/server/session-driver.js';
import type { SessionStore } from '../../../src/server/session-store.js';
import { planFor } from '../../fixtures/questions.js';

export interface StoreHarness {
  /** A store on a fresh, empty database. */
  open(): Promise<SessionStore>;
  /** Another store on the same database as the last `open()` (a second handle or node). */
  again(): Promise<SessionStore>;
  cleanup(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Ports = Parameters<typeof dispatch>[2];

/**
 * Creates a session (2 questions, 1 follow-up) in `store` and returns a driver that sends events
 * through the real session driver, storing every event as the runner does (as `owner` if given;
 * with `batch`, the server's events of a step in one appendAll as the runner does when it can).
 */
export async function recordedSession(store: SessionStore, ports: Ports, o: { id: string; mode?: 'mock' | 'drill'; at: number; owner?: string; batch?: boolean }) {
  const plan = planFor({ mode: o.mode ?? 'mock', questionCount: 2, maxFollowUps: 1 });
  await store.create({ id: o.id, tokenHash: 'h'.repeat(64), plan, createdAt: o.at });
  let n = 0;
  let state: SessionState = initialState(o.id, plan);
  const hooks: DriverHooks = {
    commit: async (event, result) => {
      const commit = eventCommit(o.id, n + 1, event, result, event.type === 'answer' ? `c-${n}` : undefined);
      await store.append(o.owner === undefined ? commit : { ...commit, owner: o.owner });
      n += 1;
    },
    ...(o.batch && store.appendAll
      ? {
          commitAll: async (items) => {
            const commits = items.map(({ event, result }, i) => eventCommit(o.id, n + 1 + i, event, result));
            await store.appendAll?.(o.owner === undefined ? commits : commits.map((c) => ({ ...c, owner: o.owner })));
            n += items.length;
          },
        }
      : {}),
    entry: () => {},
    delta: () => {},
    timer: () => {},
    end: () => {},
  };
  return {
    send: async (event: SessionEvent) => {
      const r = await dispatch(state, event, ports, hooks);
      state = r.state;
      return r;
    },
    get state() {
      return state;
    },
  };
}

export function describeStoreContract(name: string, harness: () => StoreHarness): void {
  describe(`SessionStore contract: ${name}`, () => {
    let h: StoreHarness;
    let store: SessionStore;
    const others: SessionStore[] = [];
    let clock = 1_000_000;
    const ports = { interviewer: createOfflineInterviewer(), judge: createOfflineJudge(), now: () => (clock += 1000) };

    beforeEach(async () => {
      h = harness();
      store = await h.open();
    });
    afterEach(async () => {
      for (const s of others.splice(0)) await s.close();
      await store.close();
      await h.cleanup();
    });
    const second = async () => {
      const s = await h.again();
      others.push(s);
      return s;
    };

    const newSession = (id: string, mode: 'mock' | 'drill' = 'mock', owner?: string) => recordedSession(store, ports, { id, mode, at: clock, owner });

    it('stores a whole interview so that folding its events rebuilds the same state', async () => {
      const s = await newSession('s1', 'drill');
      await s.send({ type: 'start', at: clock });
      await s.send({ type: 'answer', at: clock, text: 'Point a and point b of the question.' });
      await s.send({ type: 'end', at: clock });
      const loaded = await store.load('s1');
      expect(loaded?.meta).toMatchObject({ status: 'ended', phase: 'ended', endReason: 'ended-early', lastSeq: s.state.nextSeq - 1 });
      expect(loaded?.meta.eventCount).toBe(loaded?.events.length);
      expect(loaded?.meta.createdAt).toBe(1_000_000);
      // Every stored event replays without a refusal (a database that reorders JSON keys fails this).
      const folded = (loaded?.events ?? []).reduce((st, e) => {
        const r = step(st, e);
        expect(r.rejection).toBeUndefined();
        return r.state;
      }, initialState('s1', loaded!.meta.plan));
      expect(folded).toEqual(s.state);
      expect(await store.unfinished()).toEqual([]);
    });

    it('projects turns with progress and client ids, and evaluations per judged answer', async () => {
      const s = await newSession('s2', 'drill');
      await s.send({ type: 'start', at: clock });
      await s.send({ type: 'answer', at: clock, text: 'something about a' });
      const turns = await store.turnsAfter('s2', 0);
      expect(turns.map((t) => t.seq)).toEqual(s.state.transcript.map((e) => e.seq));
      expect(turns.map((t) => t.kind)).toEqual(s.state.transcript.map((e) => e.kind));
      const answer = turns.find((t) => t.kind === 'answer');
      expect(answer?.clientId).toMatch(/^c-/);
      expect(await store.answerSeqByClientId('s2', answer!.clientId!)).toBe(answer!.seq);
      expect(await store.answerSeqByClientId('s2', 'never-sent')).toBeUndefined();
      expect(turns.find((t) => t.kind === 'feedback')?.feedback?.missed.length).toBeGreaterThan(0);
      expect(turns[0]?.progress).toMatchObject({ questionTotal: 2, maxFollowUps: 1 });
      expect((await store.turnsAfter('s2', answer!.seq)).every((t) => t.seq > answer!.seq)).toBe(true);
      const evaluations = await store.evaluations('s2');
      expect(evaluations).toHaveLength(1);
      expect(evaluations[0]).toMatchObject({ questionIndex: 0, answerSeq: answer!.seq, attempt: 1 });
      expect(evaluations[0]?.evaluation).toEqual(s.state.questions[0]?.evaluations[0]?.evaluation);
      expect(await store.unfinished()).toEqual([{ id: 's2', phase: 'answering' }]);
    });

    it('refuses an event number that is taken, and writes nothing of it', async () => {
      const s = await newSession('s3');
      await s.send({ type: 'start', at: clock });
      const before = await store.load('s3');
      const event: SessionEvent = { type: 'answer', at: clock, text: 'late' };
      await expect(store.append(eventCommit('s3', 2, event, step(s.state, event)))).rejects.toBeInstanceOf(SessionConflict);
      expect(await store.load('s3')).toEqual(before);
    });

    it('lets exactly one of two handles store the same event number at once', async () => {
      const s = await newSession('race');
      await s.send({ type: 'start', at: clock });
      const other = await second();
      const n = (await store.meta('race'))!.eventCount + 1;
      const commits = ['one', 'two'].map((text) => {
        const event: SessionEvent = { type: 'answer', at: clock, text };
        return eventCommit('race', n, event, step(s.state, event), text);
      });
      const results = await Promise.allSettled([store.append(commits[0]!), other.append(commits[1]!)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(SessionConflict);
      const answers = (await store.turnsAfter('race', 0)).filter((t) => t.kind === 'answer');
      expect(answers).toHaveLength(1);
      expect((await store.meta('race'))?.eventCount).toBe(n);
    });

    it('rolls the whole event back when a projection fails (a reused client id)', async () => {
      const s = await newSession('s4');
      await s.send({ type: 'start', at: clock });
      const meta = await store.meta('s4');
      const event: SessionEvent = { type: 'answer', at: clock, text: 'a' };
      await store.append(eventCommit('s4', meta!.eventCount + 1, event, step(s.state, event), 'same'));
      const again = eventCommit('s4', meta!.eventCount + 2, event, step(s.state, event), 'same');
      again.turns = again.turns.map((t) => ({ ...t, seq: t.seq + 100 }));
      await expect(store.append(again)).rejects.toThrow();
      expect((await store.meta('s4'))?.eventCount).toBe(meta!.eventCount + 1);
      expect((await store.load('s4'))?.events).toHaveLength(meta!.eventCount + 1);
    });

    it('keeps everything across a reopen, and migrating twice is harmless', async () => {
      const s = await newSession('s6');
      await s.send({ type: 'start', at: clock });
      await store.close();
      store = await h.again();
      expect((await store.load('s6'))?.events.map((e) => e.type)).toEqual(['start', 'said', 'said']);
      expect(await store.meta('nope')).toBeUndefined();
      expect(await store.load('nope')).toBeUndefined();
    });

    it('fails health checks once closed', async () => {
      await expect(store.health()).resolves.toBeUndefined();
      await store.close();
      await expect(store.health()).rejects.toBeInstanceOf(StorageUnavailable);
    });

    it('gives a lease to one node at a time: taken only when free, ours, expired, or stolen', async () => {
      await newSession('l1');
      const other = await second();
      expect(await store.claimLease('l1', 'node-a', 60_000, { steal: false })).toEqual({ claimed: true });
      expect(await other.claimLease('l1', 'node-b', 60_000, { steal: false })).toMatchObject({ claimed: false });
      expect(await store.claimLease('l1', 'node-a', 60_000, { steal: false })).toEqual({ claimed: true, previousOwner: 'node-a' });
      expect(await store.renewLease('l1', 'node-a', 60_000)).toBe(true);
      // A candidate reconnected to node b: it takes the session over.
      expect(await other.claimLease('l1', 'node-b', 60_000, { steal: true })).toEqual({ claimed: true, previousOwner: 'node-a' });
      expect(await store.renewLease('l1', 'node-a', 60_000)).toBe(false);
      await store.releaseLease('l1', 'node-a');
      expect(await store.claimLease('l1', 'node-c', 60_000, { steal: false })).toMatchObject({ claimed: false });
      await other.releaseLease('l1', 'node-b');
      expect(await store.claimLease('l1', 'node-c', 60_000, { steal: false })).toEqual({ claimed: true });
    });

    it('lets an expired lease be adopted without stealing', async () => {
      await newSession('l2');
      expect((await store.claimLease('l2', 'node-a', 1, { steal: false })).claimed).toBe(true);
      await sleep(30);
      expect(await store.claimLease('l2', 'node-b', 60_000, { steal: false })).toEqual({ claimed: true, previousOwner: 'node-a' });
    });

    it('refuses a late write from a node that lost the lease, and takes the owner\'s', async () => {
      const s = await newSession('f1', 'mock', 'node-a');
      await store.claimLease('f1', 'node-a', 60_000, { steal: false });
      await s.send({ type: 'start', at: clock });
      const before = await store.load('f1');
      await store.claimLease('f1', 'node-b', 60_000, { steal: true });
      const event: SessionEvent = { type: 'answer', at: clock, text: 'written by the old owner' };
      const late = { ...eventCommit('f1', before!.meta.eventCount + 1, event, step(s.state, event), 'x'), owner: 'node-a' };
      await expect(store.append(late)).rejects.toBeInstanceOf(SessionConflict);
      expect(await store.load('f1')).toEqual(before);
      await store.append({ ...late, owner: 'node-b' });
      expect((await store.meta('f1'))?.eventCount).toBe(before!.meta.eventCount + 1);
    });

    it('prunes sessions never started once old, except those held (in memory here, or leased elsewhere)', async () => {
      for (const id of ['old', 'kept', 'leased', 'young']) await newSession(id);
      const started = await newSession('started');
      await started.send({ type: 'start', at: clock });
      await store.create({ id: 'new', tokenHash: 'h'.repeat(64), plan: planFor({ mode: 'mock', questionCount: 1 }), createdAt: clock + 10_000_000 });
      await store.claimLease('leased', 'node-b', 60_000, { steal: false });
      const pruned = await store.pruneUnstarted!(clock + 1, new Set(['kept']));
      const left = (await Promise.all(['old', 'kept', 'leased', 'young', 'started', 'new'].map(async (id) => ((await store.meta(id)) ? id : undefined)))).filter(Boolean);
      // SQLite serves one node: a lease there is this node's own, and `keep` says what it holds.
      if (store.shared) {
        expect(pruned).toBe(2);
        expect(left).toEqual(['kept', 'leased', 'started', 'new']);
      } else {
        expect(pruned).toBe(3);
        expect(left).toEqual(['kept', 'started', 'new']);
      }
      expect(await store.load('old')).toBeUndefined();
    });
  });
}
