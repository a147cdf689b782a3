// Opens PostgreSQL (node-postgres pool + Drizzle) and applies the migrations. Several nodes may
// start at once: each takes one advisory lock around migrate(), so only one applies a migration
// and the others then find it recorded.
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema-pg.js';

export type PgDatabase = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export interface OpenPgOptions {
  /** Connections in the pool (each node holds its own pool). */
  maxConnections?: number;
  /** How long a query waits for a free connection or a new one before failing. */
  connectTimeoutMs?: number;
  /** Called when an idle pooled connection fails (the database restarted): logged, not fatal. */
  onIdleError?: (error: Error) => void;
}

/** Any 64-bit key no other application on the database uses: "PROBE" in ASCII. */
const MIGRATION_LOCK = 0x50524f4245;

export const pgMigrationsFolder = (): string => fileURLToPath(new URL('./migrations-pg', import.meta.url));

export async function openPgDatabase(url: string, options: OpenPgOptions = {}): Promise<PgDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    application_name: 'probe',
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    await migrateOnce(pool);
    return drizzle({ client: pool, schema });
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}

async function migrateOnce(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: pgMigrationsFolder() });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
