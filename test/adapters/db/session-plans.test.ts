// The plan lives in its own table, written once (see schema.ts): a database made before that move
// keeps its plans through the migration, and sessions read back share identical questions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../../src/adapters/db/open-database.js';
import { createSqliteSessionStore } from '../../../src/adapters/db/sqlite-session-store.js';
import { planFor } from '../../fixtures/questions.js';
import { tempDir, type TempDir } from '../../support/temp-dir.js';

let dir: TempDir | undefined;
afterEach(() => dir?.remove());

/** A database as the first migration left it, with one session and its plan in the sessions row. */
function databaseBeforePlansMoved(file: string, plan: unknown): void {
  const db = new Database(file);
  const init = readFileSync(join(migrationsFolder(), '0000_init.sql'), 'utf8');
  for (const statement of init.split('--> statement-breakpoint')) db.exec(statement);
  db.exec('create table "__drizzle_migrations" (id integer primary key autoincrement, hash text not null, created_at numeric)');
  const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta/_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  db.prepare('insert into "__drizzle_migrations" (hash, created_at) values (?, ?)').run('0000', journal.entries[0]?.when);
  db.prepare("insert into sessions (id, token_hash, mode, status, phase, plan, created_at, updated_at) values ('old', 'h', 'mock', 'active', 'not-started', ?, 1, 1)").run(JSON.stringify(plan));
  db.close();
}

describe('session plans', () => {
  it('are carried over from the sessions row by the migration', async () => {
    dir = tempDir();
    const file = dir.file('probe.db');
    const plan = planFor({ questionCount: 2 });
    databaseBeforePlansMoved(file, plan);
    const store = createSqliteSessionStore(file);
    try {
      expect((await store.meta('old'))?.plan).toEqual(plan);
      const columns = store.db.$client.prepare('pragma table_info(sessions)').all() as { name: string }[];
      expect(columns.map((c) => c.name)).not.toContain('plan');
    } finally {
      await store.close();
    }
  });

  it('hand out one object per distinct question across sessions', async () => {
    dir = tempDir();
    const store = createSqliteSessionStore(dir.file('probe.db'));
    try {
      const plan = planFor({ questionCount: 2 });
      await store.create({ id: 'a', tokenHash: 'h', plan, createdAt: 1 });
      await store.create({ id: 'b', tokenHash: 'h', plan, createdAt: 1 });
      const [a, b] = [await store.load('a'), await store.load('b')];
      expect(a?.meta.plan).toEqual(plan);
      expect(a?.meta.plan.questions[0]).toBe(b?.meta.plan.questions[0]);
      expect(a?.meta.plan).not.toBe(b?.meta.plan);
    } finally {
      await store.close();
    }
  });
});
