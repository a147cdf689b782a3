// The SessionStore on PostgreSQL (node-postgres + Drizzle), for several Probe nodes on one
// database. Each append is one statement that moves the session row on only from `n - 1` and
// only for the lease's owner; PostgreSQL commits synchronously, so a resolved append is durable.
import { and, asc, eq, getTableColumns, gt, ne, sql, type Table } from 'drizzle-orm';
import { describeDatabaseUrl } from '../../config.js';
import type { SessionEvent } from '../../engine/events.js';
import { SessionConflict, StorageUnavailable } from '../../errors.js';
import type { EventCommit, NewSession, SessionMeta, SessionStore } from '../../server/session-store.js';
import { openPgDatabase, type OpenPgOptions, type PgDatabase } from './open-pg-database.js';
import { claimPgLease, NOW_MS, releasePgLease, renewPgLease } from './pg-leases.js';
import { evaluationEvent, evaluations, events, sessionPlans, sessions, turns } from './schema-pg.js';
import { metaOf } from './session-meta.js';
import { assertEvaluationIsJudged, evaluationRow, storedEvaluation, storedTurn, turnRow } from './turn-rows.js';

/** SQLSTATE classes that mean "try again later": connection, resources, shutdown, serialization. */
const TRANSIENT_STATE = /^(08|53|57P0[1-3]|40001|40P01)/;
const TRANSIENT_NODE = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)$/;
const UNIQUE_VIOLATION = '23505';

export interface PgSessionStore extends SessionStore {
  /** The Drizzle handle (its pool is `db.$client`), for tests and report queries. */
  readonly db: PgDatabase;
}

/** Connects, migrates (once across nodes) and returns the store. */
export async function createPgSessionStore(url: string, options: OpenPgOptions = {}): Promise<PgSessionStore> {
  const db = await openPgDatabase(url, options).catch((error: unknown) => {
    const cause = error instanceof Error ? error.message || (error as { code?: string }).code : String(error);
    throw new StorageUnavailable(`could not open PostgreSQL at ${describeDatabaseUrl(url)} (${cause}); check DATABASE_URL and that the database is up and reachable`, { cause: error });
  });
  let closed = false;
  const guard = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    if (closed) throw new StorageUnavailable(`the database is closed (the server is shutting down); could not ${what}`);
    try {
      return await work();
    } catch (error) {
      throw translate(what, error);
    }
  };
  const readMeta = async (id: string): Promise<SessionMeta | undefined> => {
    const [row] = await db.select({ session: sessions, plan: sessionPlans.plan }).from(sessions).innerJoin(sessionPlans, eq(sessionPlans.sessionId, sessions.id)).where(eq(sessions.id, id));
    return row ? metaOf(row.session, row.plan) : undefined;
  };

  return {
    db,
    shared: true,
    create: (s: NewSession) =>
      guard('create a session', () =>
        db.transaction(async (tx) => {
          await tx.insert(sessions).values({ id: s.id, profileId: s.profileId ?? null, tokenHash: s.tokenHash, mode: s.plan.mode, status: 'active', phase: 'not-started', createdAt: s.createdAt, updatedAt: s.createdAt });
          await tx.insert(sessionPlans).values({ sessionId: s.id, plan: s.plan });
        }),
      ),
    meta: (id) => guard('read a session', () => readMeta(id)),
    load: (id) =>
      guard('load a session', async () => {
        const meta = await readMeta(id);
        if (!meta) return undefined;
        const rows = await db.select({ payload: events.payload }).from(events).where(eq(events.sessionId, id)).orderBy(asc(events.n));
        return { meta, events: rows.map((r) => r.payload as SessionEvent) };
      }),
    append: (commit) =>
      guard('store an event', () =>
        append(db, commit).catch((error: unknown) => {
          // An event number already stored: another writer got there first (the row check should
          // have said so; stay exact). A reused client id stays what it is.
          const constraint = (error as { constraint?: unknown }).constraint ?? (error as { cause?: { constraint?: unknown } }).cause?.constraint;
          throw codeOf(error) === UNIQUE_VIOLATION && typeof constraint === 'string' && constraint.startsWith('events_') ? new SessionConflict(commit.sessionId) : error;
        }),
      ),
    turnsAfter: (id, seq) =>
      guard('read the transcript', async () => (await db.select().from(turns).where(and(eq(turns.sessionId, id), gt(turns.seq, seq))).orderBy(asc(turns.seq))).map(storedTurn)),
    answerSeqByClientId: (id, clientId) =>
      guard('look up an answer', async () => {
        const [row] = await db.select({ seq: turns.seq }).from(turns).where(and(eq(turns.sessionId, id), eq(turns.clientId, clientId)));
        return row?.seq;
      }),
    evaluations: (id) => guard('read evaluations', async () => (await db.select({ row: evaluations, event: events.payload }).from(evaluations).innerJoin(events, evaluationEvent).where(eq(evaluations.sessionId, id)).orderBy(asc(evaluations.eventN))).map(storedEvaluation)),
    unfinished: () => guard('list sessions', () => db.select({ id: sessions.id, phase: sessions.phase }).from(sessions).where(ne(sessions.status, 'ended'))),
    claimLease: (id, owner, ttlMs, { steal }) => guard('claim a session', () => claimPgLease(db, id, owner, ttlMs, steal)),
    renewLease: (id, owner, ttlMs) => guard('renew a session lease', () => renewPgLease(db, id, owner, ttlMs)),
    releaseLease: (id, owner) => guard('release a session lease', () => releasePgLease(db, id, owner)),
    pruneUnstarted: (createdBefore, keep) =>
      guard('prune sessions never started', async () => {
        // Plans, events, turns and leases go with the row (ON DELETE CASCADE). A session another
        // node holds (an open socket, not yet started) has a live lease and is kept.
        const result = await db.execute<{ id: string }>(sql`
          delete from sessions where event_count = 0 and created_at < ${createdBefore}::bigint
            and id not in (select json_array_elements_text(${JSON.stringify([...keep])}::json))
            and not exists (select 1 from session_leases l where l.session_id = sessions.id and l.expires_at > ${NOW_MS})
          returning id`);
        return result.rows.length;
      }),
    health: () =>
      guard('check the database', async () => {
        await db.execute(sql`select 1`);
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      await db.$client.end();
    },
  };
}

/**
 * One statement, one round trip: the session row moves on (only from `n - 1`, only for the lease's
 * owner) and the event, its turns and its evaluation are inserted only if it did. A statement is
 * atomic on its own, and PostgreSQL commits it synchronously before answering. Data-modifying CTEs
 * replace BEGIN, four statements and COMMIT: six round trips per event cost more than the writes.
 */
async function append(db: PgDatabase, c: EventCommit): Promise<void> {
  assertEvaluationIsJudged(c);
  const s = c.session;
  const ended = s.phase === 'ended' ? sql`, status = 'ended', ended_at = ${s.endedAt ?? s.at}::bigint, end_reason = ${s.endReason ?? null}::text` : sql``;
  const rows = (table: Table, values: Record<string, unknown>[]) => JSON.stringify(values.map((v) => byColumnName(table, v)));
  const result = await db.execute<{ moved: number }>(sql`
    with moved as (
      update sessions set event_count = ${c.n}::int, phase = ${s.phase}::text, last_seq = ${s.lastSeq}::int, updated_at = ${s.at}::bigint ${ended}
      where id = ${c.sessionId} and event_count = ${c.n - 1}::int
        and (${c.owner ?? null}::text is null or not exists (select 1 from session_leases where session_id = ${c.sessionId} and owner <> ${c.owner ?? null}::text))
      returning id
    ), event as (
      insert into events (session_id, n, type, payload, at)
      select id, ${c.n}::int, ${c.event.type}::text, ${JSON.stringify(c.event)}::json, ${c.event.at}::bigint from moved returning 1
    ), turn as (
      insert into turns select * from json_populate_recordset(null::turns, ${rows(turns, c.turns.map((t) => turnRow(c.sessionId, c.n, t)))}::json)
      where exists (select 1 from moved) returning 1
    ), evaluation as (
      insert into evaluations select * from json_populate_recordset(null::evaluations, ${rows(evaluations, c.evaluation ? [evaluationRow(c.sessionId, c.n, c.evaluation)] : [])}::json)
      where exists (select 1 from moved) returning 1
    )
    select count(*)::int as moved from moved`);
  if (Number(result.rows[0]?.moved) !== 1) throw new SessionConflict(c.sessionId);
}

/** A row keyed by SQL column names (json_populate_recordset matches keys to columns). */
function byColumnName(table: Table, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(getTableColumns(table)).map(([key, column]) => [column.name, values[key] ?? null]));
}

function translate(what: string, error: unknown): unknown {
  if (error instanceof SessionConflict || error instanceof StorageUnavailable) return error;
  const code = codeOf(error);
  const cause = (error as { cause?: unknown }).cause;
  const message = `${error instanceof Error ? error.message : String(error)} ${cause instanceof Error ? cause.message : ''}`;
  if ((typeof code === 'string' && (TRANSIENT_STATE.test(code) || TRANSIENT_NODE.test(code))) || /Connection terminated|timeout exceeded when trying to connect|after calling end on the pool/i.test(message)) {
    return new StorageUnavailable(`the database could not ${what} (${typeof code === 'string' ? code : message}); try again in a moment`, { cause: error });
  }
  return error;
}

/** The SQLSTATE or socket code of a pg error, also when Drizzle wrapped it (DrizzleQueryError). */
function codeOf(error: unknown): unknown {
  return (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
}
