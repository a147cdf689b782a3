// The profile store that lives beside a session store: the same SQLite database.
import { createSqliteProfileStore } from '../adapters/db/sqlite-profile-store.js';
import type { ProfileStore } from './profile-store.js';
import type { SessionStore } from './session-store.js';

/** Profiles in a SQLite session store's own database (createApp's default); other stores pass theirs (open-profile-store.ts). */
export function profileStoreOf(store: SessionStore): ProfileStore {
  const db = (store as { db?: Parameters<typeof createSqliteProfileStore>[0] }).db;
  if (!db || store.shared) throw new Error('this session store has no SQLite database; pass a ProfileStore for it (profiles: ...)');
  return createSqliteProfileStore(db);
}
