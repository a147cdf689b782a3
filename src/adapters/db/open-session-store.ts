// Chooses the database: PostgreSQL when DATABASE_URL is set (several nodes may share it), else the
// SQLite file at PROBE_DB_PATH (the embedded default). Says at start-up which one it opened.
import type { Logger } from 'pino';
import { describeDatabaseUrl, type Config } from '../../config.js';
import type { SessionStore } from '../../server/session-store.js';
import { createSqliteSessionStore } from './sqlite-session-store.js';

export async function openSessionStore(config: Pick<Config, 'DATABASE_URL' | 'PROBE_DB_PATH'>, log: Logger, env: Record<string, string | undefined> = process.env): Promise<SessionStore> {
  if (!config.DATABASE_URL) {
    log.info({ database: 'sqlite', file: config.PROBE_DB_PATH }, `database: SQLite file ${config.PROBE_DB_PATH}`);
    return createSqliteSessionStore(config.PROBE_DB_PATH);
  }
  const where = describeDatabaseUrl(config.DATABASE_URL);
  const ignored = env.PROBE_DB_PATH ? `; PROBE_DB_PATH (${env.PROBE_DB_PATH}) is ignored because DATABASE_URL is set` : '';
  log.info({ database: 'postgres', url: where }, `database: PostgreSQL at ${where}${ignored}`);
  // Loaded only when used: the SQLite default never pays for pg.
  const { createPgSessionStore } = await import('./pg-session-store.js');
  return createPgSessionStore(config.DATABASE_URL, { onIdleError: (error) => log.warn({ err: error }, 'an idle PostgreSQL connection failed; the pool will reconnect') });
}
