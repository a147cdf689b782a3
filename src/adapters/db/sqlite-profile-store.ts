// The ProfileStore on SQLite: profiles, session ownership, a profile's history, and deletion.
// It shares the session store's database handle; deletions are one transaction each.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DeletedRows, ProfileHistory, ProfileStore } from '../../server/profile-store.js';
import type { ProbeDatabase } from './open-database.js';
import { evaluationEvent, evaluations, events, profiles, sessionPlans, sessions, turns } from './schema.js';
import { profileHistory } from './session-meta.js';

export function createSqliteProfileStore(db: ProbeDatabase): ProfileStore {
  const ownedIds = (profileId: string): string[] =>
    db.select({ id: sessions.id }).from(sessions).where(eq(sessions.profileId, profileId)).all().map((r) => r.id);

  /** Deletes sessions (children first, so the counts are real) and returns what went. */
  const deleteSessions = (ids: string[]): DeletedRows => {
    const counts: DeletedRows = { profiles: 0, sessions: 0, events: 0, turns: 0, evaluations: 0, plans: 0 };
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      counts.evaluations += db.delete(evaluations).where(inArray(evaluations.sessionId, chunk)).run().changes;
      counts.turns += db.delete(turns).where(inArray(turns.sessionId, chunk)).run().changes;
      counts.events += db.delete(events).where(inArray(events.sessionId, chunk)).run().changes;
      counts.plans += db.delete(sessionPlans).where(inArray(sessionPlans.sessionId, chunk)).run().changes;
      counts.sessions += db.delete(sessions).where(inArray(sessions.id, chunk)).run().changes;
    }
    return counts;
  };

  return {
    ensure: async (subject, now) => {
      // Read first: every API request asks, and an insert would take the write lock each time.
      const found = db.select().from(profiles).where(eq(profiles.subject, subject)).get();
      if (found) return found;
      db.insert(profiles).values({ id: randomUUID(), subject, createdAt: now }).onConflictDoNothing({ target: profiles.subject }).run();
      const row = db.select().from(profiles).where(eq(profiles.subject, subject)).get();
      if (!row) throw new Error(`profile "${subject}" vanished right after it was created`);
      return row;
    },
    find: async (subject) => db.select().from(profiles).where(eq(profiles.subject, subject)).get(),
    claim: async (profileId, sessionId) => {
      const updated = db.update(sessions).set({ profileId }).where(and(eq(sessions.id, sessionId), isNull(sessions.profileId))).run().changes;
      if (updated > 0) return 'claimed';
      const row = db.select({ profileId: sessions.profileId }).from(sessions).where(eq(sessions.id, sessionId)).get();
      return row?.profileId === profileId ? 'already-yours' : 'not-yours';
    },
    adoptUnowned: async (profileId) => db.update(sessions).set({ profileId }).where(isNull(sessions.profileId)).run().changes,
    history: async (profileId): Promise<ProfileHistory> => {
      const rows = db
        .select({ session: sessions, plan: sessionPlans.plan })
        .from(sessions)
        .innerJoin(sessionPlans, eq(sessionPlans.sessionId, sessions.id))
        .where(eq(sessions.profileId, profileId))
        .orderBy(desc(sessions.createdAt))
        .all();
      const ids = rows.map((r) => r.session.id);
      const evaluationRows = ids.length === 0 ? [] : db.select({ row: evaluations, event: events.payload }).from(evaluations).innerJoin(events, evaluationEvent).where(inArray(evaluations.sessionId, ids)).orderBy(asc(evaluations.at), asc(evaluations.eventN)).all();
      const turnRows = ids.length === 0 ? [] : db.select({ sessionId: turns.sessionId, at: turns.at }).from(turns).where(inArray(turns.sessionId, ids)).orderBy(asc(turns.at)).all();
      return profileHistory(rows, evaluationRows, turnRows);
    },
    deleteSession: async (profileId, sessionId) =>
      db.transaction(() => {
        const owned = db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.profileId, profileId))).get();
        return owned ? deleteSessions([owned.id]) : undefined;
      }),
    deleteProfile: async (profileId) =>
      db.transaction(() => {
        const counts = deleteSessions(ownedIds(profileId));
        counts.profiles = db.delete(profiles).where(eq(profiles.id, profileId)).run().changes;
        return counts;
      }),
  };
}
