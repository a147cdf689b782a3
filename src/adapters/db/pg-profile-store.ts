// The ProfileStore on PostgreSQL: the same behaviour as sqlite-profile-store.ts, on the session
// store's pool. Deletions are one transaction each; children are deleted first so the counts are real.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DeletedRows, ProfileHistory, ProfileStore } from '../../server/profile-store.js';
import type { PgDatabase } from './open-pg-database.js';
import { evaluationEvent, evaluations, events, profiles, sessionPlans, sessions, turns } from './schema-pg.js';
import { profileHistory } from './session-meta.js';

type Tx = Parameters<Parameters<PgDatabase['transaction']>[0]>[0];

async function deleteSessions(tx: Tx, ids: string[]): Promise<DeletedRows> {
  const counts: DeletedRows = { profiles: 0, sessions: 0, events: 0, turns: 0, evaluations: 0, plans: 0 };
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    counts.evaluations += (await tx.delete(evaluations).where(inArray(evaluations.sessionId, chunk))).rowCount ?? 0;
    counts.turns += (await tx.delete(turns).where(inArray(turns.sessionId, chunk))).rowCount ?? 0;
    counts.events += (await tx.delete(events).where(inArray(events.sessionId, chunk))).rowCount ?? 0;
    counts.plans += (await tx.delete(sessionPlans).where(inArray(sessionPlans.sessionId, chunk))).rowCount ?? 0;
    counts.sessions += (await tx.delete(sessions).where(inArray(sessions.id, chunk))).rowCount ?? 0;
  }
  return counts;
}

export function createPgProfileStore(db: PgDatabase): ProfileStore {
  const find = async (subject: string) => (await db.select().from(profiles).where(eq(profiles.subject, subject)))[0];
  return {
    find,
    ensure: async (subject, now) => {
      const found = await find(subject);
      if (found) return found;
      await db.insert(profiles).values({ id: randomUUID(), subject, createdAt: now }).onConflictDoNothing({ target: profiles.subject });
      const row = await find(subject);
      if (!row) throw new Error(`profile "${subject}" vanished right after it was created`);
      return row;
    },
    claim: async (profileId, sessionId) => {
      const updated = await db.update(sessions).set({ profileId }).where(and(eq(sessions.id, sessionId), isNull(sessions.profileId)));
      if ((updated.rowCount ?? 0) > 0) return 'claimed';
      const [row] = await db.select({ profileId: sessions.profileId }).from(sessions).where(eq(sessions.id, sessionId));
      return row?.profileId === profileId ? 'already-yours' : 'not-yours';
    },
    adoptUnowned: async (profileId) => (await db.update(sessions).set({ profileId }).where(isNull(sessions.profileId))).rowCount ?? 0,
    history: async (profileId): Promise<ProfileHistory> => {
      const rows = await db
        .select({ session: sessions, plan: sessionPlans.plan })
        .from(sessions)
        .innerJoin(sessionPlans, eq(sessionPlans.sessionId, sessions.id))
        .where(eq(sessions.profileId, profileId))
        .orderBy(desc(sessions.createdAt));
      const ids = rows.map((r) => r.session.id);
      const evaluationRows = ids.length === 0 ? [] : await db.select({ row: evaluations, event: events.payload }).from(evaluations).innerJoin(events, evaluationEvent).where(inArray(evaluations.sessionId, ids)).orderBy(asc(evaluations.at), asc(evaluations.eventN));
      const turnRows = ids.length === 0 ? [] : await db.select({ sessionId: turns.sessionId, at: turns.at }).from(turns).where(inArray(turns.sessionId, ids)).orderBy(asc(turns.at));
      return profileHistory(rows, evaluationRows, turnRows);
    },
    deleteSession: (profileId, sessionId) =>
      db.transaction(async (tx) => {
        const [owned] = await tx.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.profileId, profileId)));
        return owned ? deleteSessions(tx, [owned.id]) : undefined;
      }),
    deleteProfile: (profileId) =>
      db.transaction(async (tx) => {
        const ids = (await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.profileId, profileId))).map((r) => r.id);
        const counts = await deleteSessions(tx, ids);
        counts.profiles = (await tx.delete(profiles).where(eq(profiles.id, profileId))).rowCount ?? 0;
        return counts;
      }),
  };
}
