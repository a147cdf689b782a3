// The profile store beside a session store, in the same database: SQLite, or PostgreSQL when the
// session store is shared by several nodes. pg is loaded only when used.
import type { ProfileStore } from '../../server/profile-store.js';
import type { SessionStore } from '../../server/session-store.js';
import type { ProbeDatabase } from './open-database.js';
import type { PgDatabase } from './open-pg-database.js';
import { createSqliteProfileStore } from './sqlite-profile-store.js';

export async function openProfileStore(store: SessionStore): Promise<ProfileStore> {
  const db = (store as { db?: unknown }).db;
  if (!db) throw new Error('this session store exposes no database; pass a ProfileStore for it (profiles: ...)');
  if (store.shared) {
    const { createPgProfileStore } = await import('./pg-profile-store.js');
    return createPgProfileStore(db as PgDatabase);
  }
  return createSqliteProfileStore(db as ProbeDatabase);
}
