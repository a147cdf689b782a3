// The SessionStore on SQLite (better-sqlite3 + Drizzle): each append is one IMMEDIATE transaction.
import { and, asc, eq, gt, ne } from 'drizzle-orm';
import type { SessionEvent } from '../../engine/events.js';
import { SessionConflict, StorageUnavailable } from '../../errors.js';
import type { EventCommit, NewSession, SessionMeta, SessionStore, StoredEvaluation, StoredTurn } from '../../server/session-store.js';
import { openDatabase, type OpenDatabaseOptions, type ProbeDatabase } from './open-database.js';
import { evaluations, events, sessions, turns, type SessionRow } from './schema.js';
import { evaluationRow, storedEvaluation, storedTurn, turnRow } from './turn-rows.js';

/** SQLite result codes that mean "try again later", not "the program is wrong". */
const TRANSIENT = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY)/;

export interface SqliteSessionStore extends SessionStore {
  /** The Drizzle handle, for tests and for report queries that need SQL the port does not offer. */
  readonly db: ProbeDatabase;
}

/** Opens (and migrates) the database file and returns the store on it. */
export function createSqliteSessionStore(file: string, options: OpenDatabaseOptions = {}): SqliteSessionStore {
  const db = openDatabase(file, options);
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
        db.insert(sessions)
          .values({ id: s.id, tokenHash: s.tokenHash, mode: s.plan.mode, status: 'active', phase: 'not-started', plan: s.plan, createdAt: s.createdAt, updatedAt: s.createdAt })
          .run();
      }),
    meta: (id) => guard('read a session', () => metaOf(db.select().from(sessions).where(eq(sessions.id, id)).get())),
    load: (id) =>
      guard('load a session', () => {
        const meta = metaOf(db.select().from(sessions).where(eq(sessions.id, id)).get());
        if (!meta) return undefined;
        const rows = db.select({ payload: events.payload }).from(events).where(eq(events.sessionId, id)).orderBy(asc(events.n)).all();
        return { meta, events: rows.map((r) => r.payload as SessionEvent) };
      }),
    append: (commit) => guard('store an event', () => append(db, commit)),
    turnsAfter: (id, seq) =>
      guard('read the transcript', () =>
        db.select().from(turns).where(and(eq(turns.sessionId, id), gt(turns.seq, seq))).orderBy(asc(turns.seq)).all().map(storedTurn),
      ),
    answerSeqByClientId: (id, clientId) =>
      guard('look up an answer', () => db.select({ seq: turns.seq }).from(turns).where(and(eq(turns.sessionId, id), eq(turns.clientId, clientId))).get()?.seq),
    evaluations: (id): Promise<StoredEvaluation[]> =>
      guard('read evaluations', () => db.select().from(evaluations).where(eq(evaluations.sessionId, id)).orderBy(asc(evaluations.eventN)).all().map(storedEvaluation)),
    unfinished: () => guard('list sessions', () => db.select({ id: sessions.id, phase: sessions.phase }).from(sessions).where(ne(sessions.status, 'ended')).all()),
    health: () =>
      guard('check the database', () => {
        db.$client.prepare('select 1').get();
      }),
    close: async () => {
      if (db.$client.open) db.$client.close();
    },
  };
}

function append(db: ProbeDatabase, c: EventCommit): void {
  db.transaction(
    (tx) => {
      const s = c.session;
      const updated = tx
        .update(sessions)
        .set({
          eventCount: c.n,
          phase: s.phase,
          lastSeq: s.lastSeq,
          updatedAt: s.at,
          ...(s.phase === 'ended' ? { status: 'ended' as const, endedAt: s.endedAt ?? s.at, endReason: s.endReason ?? null } : {}),
        })
        .where(and(eq(sessions.id, c.sessionId), eq(sessions.eventCount, c.n - 1)))
        .run();
      if (updated.changes !== 1) throw new SessionConflict(c.sessionId);
      tx.insert(events).values({ sessionId: c.sessionId, n: c.n, type: c.event.type, payload: c.event, at: c.event.at }).run();
      for (const turn of c.turns) tx.insert(turns).values(turnRow(c.sessionId, c.n, turn)).run();
      if (c.evaluation) tx.insert(evaluations).values(evaluationRow(c.sessionId, c.n, c.evaluation)).run();
    },
    { behavior: 'immediate' },
  );
}

function metaOf(row: SessionRow | undefined): SessionMeta | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    tokenHash: row.tokenHash,
    mode: row.mode,
    status: row.status,
    phase: row.phase,
    plan: row.plan,
    eventCount: row.eventCount,
    lastSeq: row.lastSeq,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...(row.endedAt !== null ? { endedAt: row.endedAt } : {}),
    ...(row.endReason !== null ? { endReason: row.endReason } : {}),
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
