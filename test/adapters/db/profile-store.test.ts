// The ProfileStore on SQLite and on PostgreSQL (a throwaway cluster; skipped locally without
// Debian's postgresql, fatal under CI=true): ownership, claims, history, and deletion that leaves
// no row behind, checked with SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgSessionStore } from '../../../src/adapters/db/pg-session-store.js';
import { createPgProfileStore } from '../../../src/adapters/db/pg-profile-store.js';
import { createSqliteProfileStore } from '../../../src/adapters/db/sqlite-profile-store.js';
import { createSqliteSessionStore } from '../../../src/adapters/db/sqlite-session-store.js';
import type { ProfileStore } from '../../../src/server/profile-store.js';
import type { SessionStore } from '../../../src/server/session-store.js';
import { drill, offlineMock } from '../../engine/report/scenarios.js';
import { realBank } from '../../engine/report/sessions.js';
import { storeSession } from '../../server/stored-sessions.js';
import { postgresAvailable, startPostgres, type PgCluster } from '../../support/postgres-cluster.js';
import { tempDir, type TempDir } from '../../support/temp-dir.js';

interface Opened {
  store: SessionStore;
  profiles: ProfileStore;
  /** Rows of a table, optionally of one session. */
  rows(table: string, sessionId?: string): Promise<number>;
  close(): Promise<void>;
}

function describeProfileStore(name: string, open: () => Promise<Opened>): void {
  describe(`ProfileStore on ${name}`, () => {
    let db: Opened;
    beforeAll(async () => {
      db = await open();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('creates a profile once, claims unowned sessions, and refuses another profile its sessions', async () => {
      const bank = await realBank();
      await storeSession(db.store, offlineMock(bank), 't1');
      await storeSession(db.store, drill(bank), 't2');
      const alice = await db.profiles.ensure('alice', 1);
      expect(await db.profiles.ensure('alice', 2)).toEqual(alice);
      expect(await db.profiles.find('nobody')).toBeUndefined();
      const bob = await db.profiles.ensure('bob', 3);
      expect(await db.profiles.claim(alice.id, 'offline-mock')).toBe('claimed');
      expect(await db.profiles.claim(alice.id, 'offline-mock')).toBe('already-yours');
      expect(await db.profiles.claim(bob.id, 'offline-mock')).toBe('not-yours');
      expect(await db.profiles.adoptUnowned(bob.id)).toBe(1);
      expect((await db.store.meta('drill-1'))?.profileId).toBe(bob.id);
      const history = await db.profiles.history(alice.id);
      expect(history.sessions.map((s) => s.id)).toEqual(['offline-mock']);
      expect(history.evaluations.length).toBeGreaterThan(0);
      expect(history.evaluations.every((e) => e.sessionId === 'offline-mock')).toBe(true);
      expect(history.turnTimes.get('offline-mock')?.length).toBeGreaterThan(0);
    });

    it("deletes a session only for its owner, and a profile with every row it owns", async () => {
      const alice = await db.profiles.ensure('alice', 1);
      const bob = await db.profiles.ensure('bob', 3);
      expect(await db.profiles.deleteSession(alice.id, 'drill-1')).toBeUndefined();
      const before = await db.rows('evaluations', 'offline-mock');
      const deleted = await db.profiles.deleteProfile(alice.id);
      expect(deleted).toMatchObject({ profiles: 1, sessions: 1, plans: 1, evaluations: before });
      for (const table of ['events', 'turns', 'evaluations', 'session_plans']) expect(await db.rows(table, 'offline-mock')).toBe(0);
      expect(await db.rows('profiles')).toBe(1);
      const one = await db.profiles.deleteSession(bob.id, 'drill-1');
      expect(one?.sessions).toBe(1);
      for (const table of ['events', 'turns', 'evaluations', 'session_plans']) expect(await db.rows(table, 'drill-1')).toBe(0);
      expect(await db.rows('sessions')).toBe(0);
    });
  });
}

let dir: TempDir;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

describeProfileStore('SQLite', async () => {
  const store = createSqliteSessionStore(dir.file('profiles.db'));
  const count = (sql: string, ...args: unknown[]) => (store.db.$client.prepare(sql).get(...args) as { n: number }).n;
  return {
    store,
    profiles: createSqliteProfileStore(store.db),
    rows: async (table, id) => (id === undefined ? count(`select count(*) as n from ${table}`) : count(`select count(*) as n from ${table} where session_id = ?`, id)),
    close: () => store.close(),
  };
});

const pgAvailable = postgresAvailable();
let cluster: PgCluster | undefined;
describe.skipIf(!pgAvailable)('with PostgreSQL', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  describeProfileStore('PostgreSQL', async () => {
    const store = await createPgSessionStore(await cluster!.createDatabase('profiles'));
    const count = async (sql: string, args: unknown[] = []) => Number((await store.db.$client.query<{ n: string }>(sql, args)).rows[0]?.n);
    return {
      store,
      profiles: createPgProfileStore(store.db),
      rows: (table, id) => (id === undefined ? count(`select count(*) as n from ${table}`) : count(`select count(*) as n from ${table} where session_id = $1`, [id])),
      close: () => store.close(),
    };
  });
});
