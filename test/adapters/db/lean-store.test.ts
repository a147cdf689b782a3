// Migration 0004 (lean store): an evaluation is kept once, in its judged event (the evaluations row
// loses its JSON copies), the evaluations' index by question goes (nothing reads by it), and the
// turns' client-id index keeps only answers. A database made before it keeps its evaluations, and an
// answer's client id is still unique per session and still found through the index.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../../src/adapters/db/open-database.js';
import { createSqliteSessionStore } from '../../../src/adapters/db/sqlite-session-store.js';
import { planFor } from '../../fixtures/questions.js';
import { migrationsBefore, OLD_EVALUATION } from '../../support/migrations-before.js';
import { tempDir, type TempDir } from '../../support/temp-dir.js';

let dir: TempDir | undefined;
afterEach(() => dir?.remove());

/** A database migrated up to 0003 (before 0004_lean_store), with one session's answer, judged event and evaluation. */
function databaseBeforeLeanStore(d: TempDir): string {
  const folder = migrationsBefore(migrationsFolder(), d.file('migrations'), '0004_lean_store');
  const file = d.file('probe.db');
  const client = new Database(file);
  migrate(drizzle({ client }), { migrationsFolder: folder });
  expect(client.prepare("select name from sqlite_master where name = 'evaluations_question_idx'").get()).toBeDefined();
  client.prepare("insert into sessions (id, token_hash, mode, status, phase, event_count, last_seq, created_at, updated_at) values ('old', 'h', 'mock', 'active', 'answering', 2, 2, 1, 1)").run();
  client.prepare('insert into session_plans (session_id, plan) values (?, ?)').run('old', JSON.stringify(planFor({ questionCount: 2 })));
  const turn = client.prepare("insert into turns (session_id, seq, event_n, at, role, kind, text, progress, client_id) values ('old', ?, ?, 1, ?, ?, 'x', '{}', ?)");
  turn.run(1, 1, 'interviewer', 'question', null);
  turn.run(2, 2, 'candidate', 'answer', 'answer-1');
  const event = client.prepare("insert into events (session_id, n, type, payload, at) values ('old', ?, ?, ?, 1)");
  event.run(1, 'start', JSON.stringify({ type: 'start', at: 1 }));
  event.run(2, 'answer', JSON.stringify({ type: 'answer', at: 1, text: 'x' }));
  event.run(3, 'judged', JSON.stringify({ type: 'judged', at: 1, questionIndex: 0, evaluation: OLD_EVALUATION }));
  client
    .prepare(
      "insert into evaluations (session_id, event_n, question_index, question_id, attempt, answer_seq, scorer, overall, offline_overall, disagreement, key_points, criteria, flags, evaluation, at) values ('old', 3, 0, 'q', 1, 2, 'offline', 50, 50, 0, '[]', '[]', '[]', ?, 1)",
    )
    .run(JSON.stringify(OLD_EVALUATION));
  client.close();
  return file;
}

describe('migration 0004_lean_store', () => {
  it('drops the evaluations\' JSON copies and index by question, keeps only answers in the client-id index, and keeps the data', async () => {
    dir = tempDir();
    const store = createSqliteSessionStore(databaseBeforeLeanStore(dir));
    try {
      const c = store.db.$client;
      expect(c.prepare("select name from sqlite_master where name = 'evaluations_question_idx'").get()).toBeUndefined();
      expect((c.prepare("select sql from sqlite_master where name = 'turns_client_id_idx'").get() as { sql: string }).sql).toMatch(/where .*client_id.* is not null/i);
      expect(await store.answerSeqByClientId('old', 'answer-1')).toBe(2);
      expect(await store.answerSeqByClientId('old', 'never')).toBeUndefined();
      expect(await store.evaluations('old')).toEqual([{ questionIndex: 0, questionId: 'q', attempt: 1, answerSeq: 2, at: 1, evaluation: OLD_EVALUATION }]);
      const columns = (c.prepare('pragma table_info(evaluations)').all() as { name: string }[]).map((col) => col.name);
      expect(columns).toEqual(expect.arrayContaining(['overall', 'scorer', 'answer_seq']));
      for (const gone of ['key_points', 'criteria', 'flags', 'evaluation']) expect(columns).not.toContain(gone);
      // Still one answer per client id in a session; turns without one are not in the index at all.
      const turn = c.prepare("insert into turns (session_id, seq, event_n, at, role, kind, text, progress, client_id) values ('old', ?, 4, 1, 'candidate', 'answer', 'y', '{}', ?)");
      expect(() => turn.run(3, 'answer-1')).toThrow(/UNIQUE/);
      turn.run(4, null);
      turn.run(5, null);
      const plan = c.prepare("explain query plan select seq from turns where session_id = ? and client_id = ?").all('old', 'answer-1') as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/turns_client_id_idx/);
    } finally {
      await store.close();
    }
  });
});
