// The SessionStore on SQLite (better-sqlite3 + Drizzle): each append (or batch of appends) is one IMMEDIATE transaction.
import { and, asc, eq, gt, lt, ne } from 'drizzle-orm';
import type { SessionEvent } from '../../engine/events.js';
import { SessionConflict, StorageUnavailable } from '../../errors.js';
import type { NewSession, SessionMeta, SessionStore, StoredEvaluation } from '../../server/session-store.js';
import { prepareAppendStatements } from './append-statements.js';
import { prepareSqliteLeases } from './sqlite-leases.js';
import { openDatabase, type OpenDatabaseOptions, type ProbeDatabase } from './open-database.js';
import { evaluationEvent, evaluations, events, sessionPlans, sessions, turns } from './schema.js';
import { metaOf } from './session-meta.js';
import { storedEvaluation, storedTurn } from './turn-rows.js';

/** SQLite result codes that mean "try again later", not "the program is wrong". */
const TRANSIENT = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY)/;

export interface SqliteSessionStore extends SessionStore {
  /** The Drizzle handle, for tests and for report queries that need SQL the port does not offer. */
  readonly db: ProbeDatabase;
}

/** Opens (and migrates) the database file and returns the store on it. */
export function createSqliteSessionStore(file: string, options: OpenDatabaseOptions = {}): SqliteSessionStore {
  const db = openDatabase(file, options);
  const hot = prepareAppendStatements(db);
  const leases = prepareSqliteLeases(db);
  const readMeta = (id: string): SessionMeta | undefined => {
    const row = db.select({ session: sessions, plan: sessionPlans.plan }).from(sessions).innerJoin(sessionPlans, eq(sessionPlans.sessionId, sessions.id)).where(eq(sessions.id, id)).get();
    return row ? metaOf(row.session, row.plan) : undefined;
  };
  const guard = <T>(what: string, work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(translate(what, error));
    }
  };

  return {
    db,
    create: (s: NewSession) =>
      guard('create a session', () => {
        db.transaction((tx) => {
          tx.insert(sessions).values({ id: s.id, profileId: s.profileId ?? null, tokenHash: s.tokenHash, mode: s.plan.mode, status: 'active', phase: 'not-started', createdAt: s.createdAt, updatedAt: s.createdAt }).run();
          tx.insert(sessionPlans).values({ sessionId: s.id, plan: s.plan }).run();
        });
      }),
    meta: (id) => guard('read a session', () => readMeta(id)),
    load: (id) =>
      guard('load a session', () => {
        const meta = readMeta(id);
        if (!meta) return undefined;
        const rows = db.select({ payload: events.payload }).from(events).where(eq(events.sessionId, id)).orderBy(asc(events.n)).all();
        return { meta, events: rows.map((r) => r.payload as SessionEvent) };
      }),
    append: (commit) => guard('store an event', () => hot.append(commit)),
    appendAll: (commits) => guard('store events', () => hot.appendAll(commits)),
    turnsAfter: (id, seq) =>
      guard('read the transcript', () =>
        db.select().from(turns).where(and(eq(turns.sessionId, id), gt(turns.seq, seq))).orderBy(asc(turns.seq)).all().map(storedTurn),
      ),
    answerSeqByClientId: (id, clientId) => guard('look up an answer', () => hot.answerSeqByClientId(id, clientId)),
    evaluations: (id): Promise<StoredEvaluation[]> =>
      guard('read evaluations', () => db.select({ row: evaluations, event: events.payload }).from(evaluations).innerJoin(events, evaluationEvent).where(eq(evaluations.sessionId, id)).orderBy(asc(evaluations.eventN)).all().map(storedEvaluation)),
    unfinished: () => guard('list sessions', () => db.select({ id: sessions.id, phase: sessions.phase }).from(sessions).where(ne(sessions.status, 'ended')).all()),
    shared: false,
    claimLease: (id, owner, ttlMs, { steal }) => guard('claim a session', () => leases.claim(id, owner, ttlMs, steal)),
    renewLease: (id, owner, ttlMs) => guard('renew a session lease', () => leases.renew(id, owner, ttlMs)),
    renewLeases: (owner, ids, ttlMs) => guard('renew session leases', () => leases.renewAll(owner, ids, ttlMs)),
    releaseLease: (id, owner) => guard('release a session lease', () => leases.release(id, owner)),
    pruneUnstarted: (createdBefore, keep) =>
      guard('prune sessions never started', () => {
        // Plans, events and turns go with the row (ON DELETE CASCADE).
        const stale = db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.eventCount, 0), lt(sessions.createdAt, createdBefore))).all();
        const doomed = stale.map((r) => r.id).filter((id) => !keep.has(id));
        db.transaction((tx) => {
          for (const id of doomed) tx.delete(sessions).where(and(eq(sessions.id, id), eq(sessions.eventCount, 0))).run();
        });
        return doomed.length;
      }),
    health: () =>
      guard('check the database', () => {
        db.$client.prepare('select 1').get();
      }),
    close: async () => {
      if (db.$client.open) db.$client.close();
    },
  };
}

function translate(what: string, error: unknown): unknown {
  if (error instanceof SessionConflict) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && TRANSIENT.test(code)) {
    return new StorageUnavailable(`the database could not ${what} (${code}); try again in a moment`, { cause: error });
  }
  if (error instanceof Error && /database connection is not open/.test(error.message)) {
    return new StorageUnavailable(`the database is closed (the server is shutting down); could not ${what}`, { cause: error });
  }
  return error;
}
