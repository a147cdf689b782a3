// The store contract on real PostgreSQL (a throwaway cluster; skipped locally without Debian's
// postgresql, fatal under CI=true), plus what only PostgreSQL does: nodes migrating at once,
// and an unreachable database reported as StorageUnavailable.
import { readFileSync } from 'node:fs';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgMigrationsFolder } from '../../../src/adapters/db/open-pg-database.js';
import { createPgSessionStore } from '../../../src/adapters/db/pg-session-store.js';
import { StorageUnavailable } from '../../../src/errors.js';
import { planFor } from '../../fixtures/questions.js';
import { migrationsBefore, OLD_EVALUATION } from '../../support/migrations-before.js';
import { freePort, postgresAvailable, startPostgres, type PgCluster } from '../../support/postgres-cluster.js';
import { tempDir } from '../../support/temp-dir.js';
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

  it('migrates a database made before 0002_lean_store: evaluations read from their judged events, JSON copies gone', async () => {
    const url = await cluster!.createDatabase('before_lean_store');
    const dir = tempDir();
    const folder = migrationsBefore(pgMigrationsFolder(), dir.file('migrations-pg'), '0002_lean_store');
    const evaluation = OLD_EVALUATION;
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await migrate(drizzle({ client: pool }), { migrationsFolder: folder });
      await pool.query("insert into sessions (id, token_hash, mode, status, phase, event_count, last_seq, created_at, updated_at) values ('old', 'h', 'mock', 'active', 'answering', 3, 2, 1, 1)");
      await pool.query('insert into session_plans (session_id, plan) values ($1, $2)', ['old', JSON.stringify(planFor({ questionCount: 2 }))]);
      await pool.query("insert into events (session_id, n, type, payload, at) values ('old', 3, 'judged', $1, 1)", [JSON.stringify({ type: 'judged', at: 1, questionIndex: 0, evaluation })]);
      await pool.query(
        "insert into evaluations (session_id, event_n, question_index, question_id, attempt, answer_seq, scorer, overall, offline_overall, disagreement, key_points, criteria, flags, evaluation, at) values ('old', 3, 0, 'q', 1, 2, 'offline', 50, 50, false, '[]', '[]', '[]', $1, 1)",
        [JSON.stringify(evaluation)],
      );
    } finally {
      await pool.end();
      dir.remove();
    }
    const store = await createPgSessionStore(url);
    try {
      expect(await store.evaluations('old')).toEqual([{ questionIndex: 0, questionId: 'q', attempt: 1, answerSeq: 2, at: 1, evaluation }]);
      const { rows } = await store.db.$client.query<{ column_name: string }>("select column_name from information_schema.columns where table_name = 'evaluations'");
      const columns = rows.map((r) => r.column_name);
      expect(columns).toContain('overall');
      for (const gone of ['key_points', 'criteria', 'flags', 'evaluation']) expect(columns).not.toContain(gone);
      const indexes = await store.db.$client.query<{ indexname: string; indexdef: string }>("select indexname, indexdef from pg_indexes where tablename in ('evaluations', 'turns')");
      expect(indexes.rows.map((r) => r.indexname)).not.toContain('evaluations_question_idx');
      expect(indexes.rows.find((r) => r.indexname === 'turns_client_id_idx')?.indexdef).toMatch(/WHERE \(client_id IS NOT NULL\)/);
    } finally {
      await store.close();
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
