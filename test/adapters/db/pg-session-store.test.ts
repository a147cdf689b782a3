// The store contract on real PostgreSQL (a throwaway cluster; skipped locally without Debian's
// postgresql, fatal under CI=true), plus what only PostgreSQL does: nodes migrating at once,
// and an unreachable database reported as StorageUnavailable.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgSessionStore } from '../../../src/adapters/db/pg-session-store.js';
import { StorageUnavailable } from '../../../src/errors.js';
import { freePort, postgresAvailable, startPostgres, type PgCluster } from '../../support/postgres-cluster.js';
import { describeStoreContract } from './store-contract.js';

const available = postgresAvailable();
const pgMigrationCount = (): number =>
  (JSON.parse(readFileSync(new URL('../../../src/adapters/db/migrations-pg/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] }).entries.length;
let cluster: PgCluster | undefined;
let databases = 0;

describe.skipIf(!available)('PostgreSQL', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  describeStoreContract('PostgreSQL', () => {
    let url: Promise<string> | undefined;
    const database = () => (url ??= cluster!.createDatabase(`contract_${++databases}`));
    return {
      open: async () => createPgSessionStore(await database()),
      again: async () => createPgSessionStore(await database()),
      cleanup: async () => {},
    };
  });

  it('migrates once when several nodes start on an empty database at the same time', async () => {
    const url = await cluster!.createDatabase('together');
    const stores = await Promise.all([1, 2, 3, 4].map(() => createPgSessionStore(url)));
    try {
      const { rows } = await stores[0]!.db.$client.query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations');
      // Each migration recorded once, however many nodes raced to apply it.
      expect(Number(rows[0]?.n)).toBe(pgMigrationCount());
      const tables = await stores[0]!.db.$client.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by tablename");
      expect(tables.rows.map((r) => r.tablename)).toEqual(['evaluations', 'events', 'profiles', 'session_leases', 'session_plans', 'sessions', 'turns']);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('says the database is unavailable when nothing listens at DATABASE_URL', async () => {
    const port = await freePort();
    const refused = createPgSessionStore(`postgres://postgres:hunter2@127.0.0.1:${port}/probe`, { connectTimeoutMs: 2000 });
    await expect(refused).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(refused).rejects.toThrow(new RegExp(`could not open PostgreSQL at postgres://postgres@127\\.0\\.0\\.1:${port}/probe \\(.*ECONNREFUSED.*\\); check DATABASE_URL`));
    await expect(refused).rejects.not.toThrow(/hunter2/);
    const store = await createPgSessionStore(await cluster!.createDatabase('goes_away'));
    await store.close();
    await expect(store.meta('x')).rejects.toBeInstanceOf(StorageUnavailable);
  });
});
