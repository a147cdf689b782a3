import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteSessionStore, type SqliteSessionStore } from '../../../src/adapters/db/sqlite-session-store.js';
import { createOfflineInterviewer, createOfflineJudge } from '../../../src/engine/interviewer/offline-interviewer.js';
import type { SessionEvent } from '../../../src/engine/events.js';
import { step } from '../../../src/engine/step.js';
import { initialState, type SessionState } from '../../../src/engine/state.js';
import { SessionConflict, StorageUnavailable } from '../../../src/errors.js';
import { eventCommit } from '../../../src/server/event-commit.js';
import { dispatch, type DriverHooks } from '../../../src/server/session-driver.js';
import { planFor } from '../../fixtures/questions.js';
import { tempDir, type TempDir } from '../../support/temp-dir.js';

let dir: TempDir;
let store: SqliteSessionStore;
let clock = 1_000_000;
const ports = { interviewer: createOfflineInterviewer(), judge: createOfflineJudge(), now: () => (clock += 1000) };

beforeEach(() => {
  dir = tempDir();
  store = createSqliteSessionStore(dir.file('probe.db'), { busyTimeoutMs: 20 });
});
afterEach(async () => {
  await store.close();
  dir.remove();
});

/** Drives a session through the real driver, storing every event as the runner does. */
function recorder(id: string, initial: SessionState) {
  let n = 0;
  let state = initial;
  const hooks: DriverHooks = {
    commit: async (event, result) => {
      await store.append(eventCommit(id, n + 1, event, result, event.type === 'answer' ? `c-${n}` : undefined));
      n += 1;
    },
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

async function newSession(id: string, mode: 'mock' | 'drill' = 'mock') {
  const plan = planFor({ mode, questionCount: 2, maxFollowUps: 1 });
  await store.create({ id, tokenHash: 'h'.repeat(64), plan, createdAt: clock });
  return recorder(id, initialState(id, plan));
}

describe('SqliteSessionStore', () => {
  it('applies the migrations and opens in WAL mode with synchronous=NORMAL (FULL only for candidate commits)', () => {
    const tables = store.db.$client.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['sessions', 'events', 'turns', 'evaluations']));
    expect(store.db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.$client.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('stores a whole interview so that folding its events rebuilds the same state', async () => {
    const s = await newSession('s1', 'drill');
    await s.send({ type: 'start', at: clock });
    await s.send({ type: 'answer', at: clock, text: 'Point a and point b of the question.' });
    await s.send({ type: 'end', at: clock });
    const loaded = await store.load('s1');
    expect(loaded?.meta).toMatchObject({ status: 'ended', phase: 'ended', endReason: 'ended-early', lastSeq: s.state.nextSeq - 1 });
    expect(loaded?.meta.eventCount).toBe(loaded?.events.length);
    const folded = (loaded?.events ?? []).reduce((st, e) => step(st, e).state, initialState('s1', loaded!.meta.plan));
    expect(folded).toEqual(s.state);
    expect(await store.unfinished()).toEqual([]);
    // Candidate commits switch to FULL for themselves only.
    expect(store.db.$client.pragma('synchronous', { simple: true })).toBe(1);
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
    expect(turns.find((t) => t.kind === 'feedback')?.feedback?.missed.length).toBeGreaterThan(0);
    expect(turns[0]?.progress).toMatchObject({ questionTotal: 2, maxFollowUps: 1 });
    expect((await store.turnsAfter('s2', answer!.seq)).every((t) => t.seq > answer!.seq)).toBe(true);
    const evaluations = await store.evaluations('s2');
    expect(evaluations).toHaveLength(1);
    expect(evaluations[0]).toMatchObject({ questionIndex: 0, answerSeq: answer!.seq, attempt: 1 });
    expect(await store.unfinished()).toEqual([{ id: 's2', phase: 'answering' }]);
  });

  it('refuses an event number that is taken, and writes nothing of it', async () => {
    const s = await newSession('s3');
    await s.send({ type: 'start', at: clock });
    const before = await store.load('s3');
    const event: SessionEvent = { type: 'answer', at: clock, text: 'late' };
    const commit = eventCommit('s3', 2, event, step(s.state, event));
    await expect(store.append(commit)).rejects.toBeInstanceOf(SessionConflict);
    expect(await store.load('s3')).toEqual(before);
  });

  it('rolls the whole event back when a projection fails (a reused client id)', async () => {
    const s = await newSession('s4');
    await s.send({ type: 'start', at: clock });
    const meta = await store.meta('s4');
    const event: SessionEvent = { type: 'answer', at: clock, text: 'a' };
    await store.append(eventCommit('s4', meta!.eventCount + 1, event, step(s.state, event), 'same'));
    const again = eventCommit('s4', meta!.eventCount + 2, event, step(s.state, event), 'same');
    again.turns = again.turns.map((t) => ({ ...t, seq: t.seq + 100 }));
    await expect(store.append(again)).rejects.toThrow(/UNIQUE constraint failed: turns.session_id, turns.client_id/);
    expect((await store.meta('s4'))?.eventCount).toBe(meta!.eventCount + 1);
  });

  it('reports a busy database as StorageUnavailable and recovers once the lock is gone', async () => {
    const s = await newSession('s5');
    const other = new Database(dir.file('probe.db'));
    other.exec('BEGIN IMMEDIATE');
    await expect(s.send({ type: 'start', at: clock })).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(store.health()).resolves.toBeUndefined();
    other.exec('ROLLBACK');
    other.close();
    const r = await s.send({ type: 'start', at: clock });
    expect(r.state.phase).toBe('answering');
  });

  it('keeps everything across a reopen, and migrating twice is harmless', async () => {
    const s = await newSession('s6');
    await s.send({ type: 'start', at: clock });
    await store.close();
    store = createSqliteSessionStore(dir.file('probe.db'));
    expect((await store.load('s6'))?.events.map((e) => e.type)).toEqual(['start', 'said', 'said']);
    expect(await store.meta('nope')).toBeUndefined();
  });

  it('fails health checks once closed', async () => {
    await store.close();
    await expect(store.health()).rejects.toBeInstanceOf(StorageUnavailable);
  });
});
