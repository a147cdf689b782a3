import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteSessionStore, type SqliteSessionStore } from '../../../src/adapters/db/sqlite-session-store.js';
import { createOfflineInterviewer, createOfflineJudge } from '../../../src/engine/interviewer/offline-interviewer.js';
import { StorageUnavailable } from '../../../src/errors.js';
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
