// The hot path's statements run on better-sqlite3 with Drizzle's SQL: each value must reach the row
// encoded as Drizzle encodes it (JSON columns stringified, booleans 0/1), constants kept, and a
// missing value refused, or rows written by the hot path would read back differently.
import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { compileStatement } from '../../../src/adapters/db/compiled-statement.js';

const things = sqliteTable('things', {
  id: text('id').primaryKey(),
  done: integer('done', { mode: 'boolean' }).notNull(),
  data: text('data', { mode: 'json' }).$type<{ words: string[] }>().notNull(),
  note: text('note'),
  status: text('status').notNull(),
});

const p = (name: string) => sql.placeholder(name);

function setup() {
  const client = new Database(':memory:');
  client.exec('create table things (id text primary key, done integer not null, data text not null, note text, status text not null)');
  return { client, db: drizzle(client) };
}

describe('compileStatement', () => {
  it('writes what Drizzle would write, and the row reads back through Drizzle unchanged', () => {
    const { client, db } = setup();
    const insert = compileStatement(client, db.insert(things).values({ id: p('id'), done: p('done'), data: p('data'), note: p('note'), status: 'new' }).toSQL());
    insert.run({ id: 'a', done: true, data: { words: ['x', 'y "quoted"'] }, note: null });
    expect(client.prepare('select * from things').all()).toEqual([{ id: 'a', done: 1, data: '{"words":["x","y \\"quoted\\""]}', note: null, status: 'new' }]);
    expect(db.select().from(things).all()).toEqual([{ id: 'a', done: true, data: { words: ['x', 'y "quoted"'] }, note: null, status: 'new' }]);
  });

  it('fills a placeholder used twice and reports the rows changed', () => {
    const { client, db } = setup();
    client.exec(`insert into things values ('a', 0, '{"words":[]}', null, 'new'), ('b', 0, '{"words":[]}', null, 'new')`);
    const update = compileStatement(client, db.update(things).set({ note: sql`${p('id')}`, status: 'seen' }).where(eq(things.id, p('id'))).toSQL());
    expect(update.run({ id: 'b' }).changes).toBe(1);
    expect(update.run({ id: 'zzz' }).changes).toBe(0);
    expect(client.prepare('select id, note, status from things order by id').all()).toEqual([
      { id: 'a', note: null, status: 'new' },
      { id: 'b', note: 'b', status: 'seen' },
    ]);
  });

  it('refuses a run that leaves a placeholder without a value', () => {
    const { client, db } = setup();
    const insert = compileStatement(client, db.insert(things).values({ id: p('id'), done: p('done'), data: p('data'), status: 'new' }).toSQL());
    expect(() => insert.run({ id: 'a', done: false })).toThrow('No value for placeholder "data"');
    expect(client.prepare('select count(*) as n from things').get()).toEqual({ n: 0 });
  });
});
