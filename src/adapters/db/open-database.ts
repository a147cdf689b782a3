// Opens the SQLite database: creates its folder, sets the pragmas, applies the migrations.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type ProbeDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDatabaseOptions {
  /** How long a write waits for another process's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

export const migrationsFolder = (): string => fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * WAL mode with synchronous=NORMAL, and FULL for the commits of the candidate's own actions (an
 * answer, a skip...; append-statements.ts). Every commit survives a kill of the process; one the
 * candidate is told about (answer.ack) is also fsynced, so it survives a power cut or OS crash.
 * The server's own events (lines, judgments, decisions) are not fsynced one by one: a power cut can
 * lose those since the last candidate action, which the session redoes on restart (its pending
 * effects). Under load this saves three fsyncs a turn, each one blocking the event loop (measured
 * in docs/benchmarks.md).
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): ProbeDatabase {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client = new Database(file);
  try {
    client.pragma('journal_mode = WAL');
    client.pragma('synchronous = NORMAL');
    client.pragma('foreign_keys = ON');
    client.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? 2000))}`);
    const db = drizzle({ client, schema });
    migrate(db, { migrationsFolder: migrationsFolder() });
    return db;
  } catch (error) {
    client.close();
    throw error;
  }
}
