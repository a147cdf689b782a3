import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteSessionStore, type SqliteSessionStore } from '../../../src/adapters/db/sqlite-session-store.js';
import { createOfflineInterviewer, createOfflineJudge } from '../../../src/engine/interviewer/offline-interviewer.js';
import type { SessionEvent } from '../../../src/engine/events.js';
import { step } from '../../../src/engine/step.js';
import { SessionConflict, StorageUnavailable } from '../../../src/errors.js';
import { eventCommit } from '../../../src/server/event-commit.js';
import { foldEvents } from '../../../src/server/session-runner.js';
import { tempDir, type TempDir } from '../../support/temp-dir.js';
import { describeStoreContract, recordedSession } from './store-contract.js';

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

const newSession = (id: string) => recordedSession(store, ports, { id, at: clock });

describeStoreContract('SQLite', () => {
  const files = tempDir();
  return {
    open: async () => createSqliteSessionStore(files.file('probe.db'), { busyTimeoutMs: 2000 }),
    again: async () => createSqliteSessionStore(files.file('probe.db'), { busyTimeoutMs: 2000 }),
    cleanup: async () => files.remove(),
  };
});

describe('SqliteSessionStore', () => {
  it('applies the migrations and opens in WAL mode with synchronous=NORMAL (FULL only for candidate commits)', () => {
    const tables = store.db.$client.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['sessions', 'events', 'turns', 'evaluations']));
    expect(store.db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.$client.pragma('synchronous', { simple: true })).toBe(1);
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
    // Candidate commits switch to FULL for themselves only.
    expect(store.db.$client.pragma('synchronous', { simple: true })).toBe(1);
  });
});

describe('SqliteSessionStore.appendAll: a run of commits in one transaction, one session update', () => {
  const batched = (id: string, owner?: string) => recordedSession(store, ports, { id, at: clock, owner, batch: true });
  it('stores batched turns so that folding the events rebuilds the same state, evaluation rows included', async () => {
    const s = await batched('b1', 'node-a');
    await store.claimLease('b1', 'node-a', 60_000, { steal: false });
    await s.send({ type: 'start', at: clock });
    await s.send({ type: 'answer', at: clock, text: 'Point a and point b of the question.' });
    await s.send({ type: 'answer', at: clock, text: 'More on point b.' });
    await s.send({ type: 'end', at: clock });
    const loaded = await store.load('b1');
    expect(loaded?.meta).toMatchObject({ status: 'ended', phase: 'ended', endReason: 'ended-early', lastSeq: s.state.nextSeq - 1, eventCount: loaded?.events.length });
    expect(loaded?.events.map((e) => e.type)).toContain('judged');
    expect(foldEvents('b1', loaded!.meta.plan, loaded!.events)).toEqual(s.state);
    const stored = await store.evaluations('b1');
    const made = s.state.questions.flatMap((q) => q.evaluations.map((e) => e.evaluation));
    expect(stored.map((e) => e.evaluation)).toEqual(made);
    expect(stored.length).toBeGreaterThan(0);
    const rows = store.db.$client.prepare('select overall, offline_overall as offlineOverall from evaluations where session_id = ? order by event_n').all('b1');
    expect(rows).toEqual(made.map((e) => ({ overall: e.score.overall, offlineOverall: e.offline.overall })));
  });

  it('refuses a whole run from a writer that is behind, and writes nothing of it', async () => {
    const s = await batched('b2');
    await s.send({ type: 'start', at: clock });
    await s.send({ type: 'answer', at: clock, text: 'Point a of the question.' });
    const before = await store.load('b2');
    const event: SessionEvent = { type: 'hint', at: clock };
    const stale = [1, 2].map((i) => eventCommit('b2', before!.meta.eventCount - 1 + i, event, step(s.state, event)));
    await expect(store.appendAll!(stale)).rejects.toBeInstanceOf(SessionConflict);
    expect(await store.load('b2')).toEqual(before);
    expect(await store.turnsAfter('b2', 0)).toHaveLength(before!.meta.lastSeq);
  });

  it('refuses a run whose numbers skip one, and writes nothing of it', async () => {
    const s = await batched('b3');
    await s.send({ type: 'start', at: clock });
    const before = await store.load('b3');
    const event: SessionEvent = { type: 'hint', at: clock };
    const n = before!.meta.eventCount;
    const gap = [eventCommit('b3', n + 1, event, step(s.state, event)), eventCommit('b3', n + 3, event, step(s.state, event))];
    await expect(store.appendAll!(gap)).rejects.toBeInstanceOf(SessionConflict);
    expect(await store.load('b3')).toEqual(before);
  });

  it("refuses a run from a node that lost the session's lease, and takes the owner's", async () => {
    const s = await batched('b4', 'node-a');
    await store.claimLease('b4', 'node-a', 60_000, { steal: false });
    await s.send({ type: 'start', at: clock });
    const before = await store.load('b4');
    await store.claimLease('b4', 'node-b', 60_000, { steal: true });
    const event: SessionEvent = { type: 'hint', at: clock };
    const n = before!.meta.eventCount;
    const run = (owner: string) => [1, 2].map((i) => ({ ...eventCommit('b4', n + i, event, step(s.state, event)), owner }));
    await expect(store.appendAll!(run('node-a'))).rejects.toBeInstanceOf(SessionConflict);
    expect(await store.load('b4')).toEqual(before);
    await store.appendAll!(run('node-b'));
    expect((await store.meta('b4'))?.eventCount).toBe(n + 2);
  });

  it('marks the session ended when the run ends it', async () => {
    const s = await batched('b5');
    await s.send({ type: 'start', at: clock });
    const n = (await store.meta('b5'))!.eventCount;
    const hint: SessionEvent = { type: 'hint', at: clock + 1 };
    const hinted = step(s.state, hint);
    const end: SessionEvent = { type: 'timeout', at: clock + 5, scope: 'interview', questionIndex: 0 };
    const timedOut = eventCommit('b5', n + 2, end, step(hinted.state, end));
    // The run's last commit ends the session (as a closing line's does).
    const ending = { ...timedOut, session: { phase: 'ended' as const, lastSeq: timedOut.session.lastSeq, at: clock + 5, endedAt: clock + 5, endReason: 'time-up' as const } };
    await store.appendAll!([eventCommit('b5', n + 1, hint, hinted), ending]);
    expect(await store.meta('b5')).toMatchObject({ status: 'ended', phase: 'ended', endReason: 'time-up', endedAt: clock + 5, eventCount: n + 2, updatedAt: clock + 5, lastSeq: timedOut.session.lastSeq });
    expect((await store.load('b5'))?.events.slice(-2)).toEqual([hint, end]);
  });
});

describe('SqliteSessionStore evaluations', () => {
  it('refuses an evaluation on an event that is not the judged one it is read back from, and writes nothing', async () => {
    const s = await newSession('e1');
    await s.send({ type: 'start', at: clock });
    await s.send({ type: 'answer', at: clock, text: 'Point a and point b of the question.' });
    const before = await store.load('e1');
    const [judged] = await store.evaluations('e1');
    expect(judged).toBeDefined();
    const hint: SessionEvent = { type: 'hint', at: clock };
    const wrong = { ...eventCommit('e1', before!.meta.eventCount + 1, hint, step(s.state, hint)), evaluation: judged! };
    await expect(store.append(wrong)).rejects.toThrow(/only a judged event/);
    expect(await store.load('e1')).toEqual(before);
  });
});
