// The statements of the store's hot path, prepared once per database: appending an event with its
// turns and evaluation, and looking up an answer by its idempotency key. Drizzle builds each query
// and better-sqlite3 compiles it on every call otherwise, which cost more than the write itself.
// Also where a commit is fsynced or not (see open-database.ts).
import { and, eq, getTableColumns, sql, type Table } from 'drizzle-orm';
import { SessionConflict } from '../../errors.js';
import type { SessionEvent } from '../../engine/events.js';
import type { EventCommit } from '../../server/session-store.js';
import type { ProbeDatabase } from './open-database.js';
import { evaluations, events, sessionLeases, sessions, turns } from './schema.js';
import { assertEvaluationIsJudged, evaluationRow, turnRow } from './turn-rows.js';

const p = (name: string) => sql.placeholder(name);
/** A placeholder where Drizzle's update types want SQL (the value goes to the driver as it is). */
const raw = (name: string) => sql`${p(name)}`;

/** Events the candidate sent: acknowledged (or acted on) only once they are on disk. */
const CANDIDATE_EVENTS: ReadonlySet<SessionEvent['type']> = new Set(['start', 'answer', 'hint', 'skip', 'retry', 'end']);

export interface AppendStatements {
  /** Stores a commit in one IMMEDIATE transaction; throws SessionConflict when `n` is taken. */
  append(commit: EventCommit): void;
  /** Stores consecutive commits in one IMMEDIATE transaction (one write to disk); all or none. */
  appendAll(commits: EventCommit[]): void;
  answerSeqByClientId(sessionId: string, clientId: string): number | undefined;
}

export function prepareAppendStatements(db: ProbeDatabase): AppendStatements {
  const write = prepareWrite(db);
  const answerSeq = db
    .select({ seq: turns.seq })
    .from(turns)
    .where(and(eq(turns.sessionId, p('sessionId')), eq(turns.clientId, p('clientId'))))
    .prepare();
  // The database runs with synchronous=NORMAL; a candidate's own action is fsynced (see open-database.ts).
  const fsyncCommits = db.$client.prepare('PRAGMA synchronous = FULL');
  const deferSyncs = db.$client.prepare('PRAGMA synchronous = NORMAL');
  const store = (commits: EventCommit[]) => {
    if (!commits.some((c) => CANDIDATE_EVENTS.has(c.event.type))) return write(commits);
    fsyncCommits.run();
    try {
      write(commits);
    } finally {
      deferSyncs.run();
    }
  };
  return {
    append: (commit) => store([commit]),
    appendAll: (commits) => {
      if (commits.length > 0) store(commits);
    },
    answerSeqByClientId: (sessionId, clientId) => answerSeq.get({ sessionId, clientId })?.seq,
  };
}

/**
 * The append itself: the session row moves on from `first.n - 1` to the last commit's number, once
 * per transaction, then each event and what it made; several commits in one transaction.
 */
function prepareWrite(db: ProbeDatabase): (commits: EventCommit[]) => void {
  // The fence: when the commit names its owner, another node's lease on the session refuses it.
  const fenced = sql`(${p('owner')} is null or not exists (select 1 from ${sessionLeases} where ${sessionLeases.sessionId} = ${p('id')} and ${sessionLeases.owner} <> ${p('owner')}))`;
  const where = and(eq(sessions.id, p('id')), eq(sessions.eventCount, p('previous')), fenced);
  const progress = { eventCount: raw('n'), phase: raw('phase'), lastSeq: raw('lastSeq'), updatedAt: raw('at') };
  const advance = db.update(sessions).set(progress).where(where).prepare();
  const end = db
    .update(sessions)
    .set({ ...progress, status: 'ended', endedAt: raw('endedAt'), endReason: raw('endReason') })
    .where(where)
    .prepare();
  const insertEvent = db.insert(events).values({ sessionId: p('sessionId'), n: p('n'), type: p('type'), payload: p('payload'), at: p('at') }).prepare();
  // Every column is a placeholder named after it: turnRow and evaluationRow give a value for each.
  const insertTurn = db.insert(turns).values(everyColumn(turns)).prepare();
  // The evaluation itself is serialised once, in its judged event's payload (schema.ts).
  const insertEvaluation = db.insert(evaluations).values(everyColumn(evaluations)).prepare();
  /** Moves the session row from `previous` to the last commit (all of them applied in order); refuses a stale or fenced-off writer. */
  const moveOn = (sessionId: string, previous: number, owner: string | null, commits: EventCommit[]) => {
    const last = commits.at(-1) as EventCommit;
    const s = last.session;
    const values = { id: sessionId, previous, owner, n: last.n, phase: s.phase, lastSeq: s.lastSeq, at: s.at };
    const ended = commits.findLast((c) => c.session.phase === 'ended')?.session;
    const updated = ended ? end.run({ ...values, endedAt: ended.endedAt ?? ended.at, endReason: ended.endReason ?? null }) : advance.run(values);
    if (updated.changes !== 1) throw new SessionConflict(sessionId);
  };
  const insertOne = (c: EventCommit) => {
    assertEvaluationIsJudged(c);
    insertEvent.run({ sessionId: c.sessionId, n: c.n, type: c.event.type, payload: c.event, at: c.event.at });
    for (const turn of c.turns) insertTurn.run(turnRow(c.sessionId, c.n, turn));
    if (c.evaluation) insertEvaluation.run(evaluationRow(c.sessionId, c.n, c.evaluation));
  };
  const transaction = db.$client.transaction((commits: EventCommit[]) => {
    const [first] = commits as [EventCommit];
    // One session row update for the run when the commits are one session's next events in order;
    // otherwise each is fenced on its own (the run then fails where the numbers break).
    const run = commits.every((c, i) => c.sessionId === first.sessionId && c.n === first.n + i && (c.owner ?? null) === (first.owner ?? null));
    if (run) moveOn(first.sessionId, first.n - 1, first.owner ?? null, commits);
    for (const c of commits) {
      if (!run) moveOn(c.sessionId, c.n - 1, c.owner ?? null, [c]);
      insertOne(c);
    }
  });
  return (commits) => transaction.immediate(commits);
}

/** Insert values with a placeholder for each of the table's columns, named after the column's key. */
function everyColumn<T extends Table>(table: T): T['$inferInsert'] {
  return Object.fromEntries(Object.keys(getTableColumns(table)).map((key) => [key, p(key)])) as T['$inferInsert'];
}
