import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteSessionStore, type SqliteSessionStore } from '../../../src/adapters/db/sqlite-session-store.js';
import { createOfflineInterviewer, createOfflineJudge } from '../../../src/engine/interviewer/offline-interviewer.js';
import type { SessionEvent } from '../../../src/engine/events.js';
import { step } from '../../../src/engine/step.js';
import { initialState, type SessionState } from '../../../src/engine/state.js';
import { StorageUnavailable } from '../../../src/errors.js';
import { eventCommit } from '../../../src/server/event-commit.js';
import { dispatch, type DriverHooks } from '../../../src/server/session-driver.js';
import { planFor } from '../../fixtures/questions.js';
import { tempDir, type TempDir } from '../../support/temp-dir.js';
import { describeStoreContract } from './store-contract.js';

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
