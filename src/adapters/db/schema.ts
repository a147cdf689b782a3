// The database schema (Drizzle): the single source of truth for the tables and their migrations.
// `events` is the log a session is rebuilt from; `turns` and `evaluations` are projections of it,
// written in the same transaction as the event that produced them.
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { and, eq, sql } from 'drizzle-orm';
import type { SessionEvent } from '../../engine/events.js';
import type { Phase, DrillFeedback } from '../../engine/state.js';
import type { Plan } from '../../engine/plan.js';
import type { Progress } from '../../protocol/ws-frames.js';

/**
 * Who practises: sessions belong to one profile. `subject` is the identity that names it: "local"
 * on a single-user install, else the user name a trusted sign-in proxy put in PROBE_AUTH_HEADER.
 * Probe keeps no passwords.
 */
export const profiles = sqliteTable('profiles', {
  id: text('id').primaryKey(),
  subject: text('subject').notNull().unique(),
  createdAt: integer('created_at').notNull(),
});

/** One interview. `phase`, `eventCount` and `lastSeq` are kept in step with the event log. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /**
     * The owner; null for sessions made before profiles existed, until they are claimed. No ON
     * DELETE here: SQLite cannot add a cascading column to an existing table, so deleting a profile
     * deletes its sessions first, in one transaction (sqlite-profile-store.ts).
     */
    profileId: text('profile_id').references(() => profiles.id),
    /** SHA-256 of the access token (hex); the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    mode: text('mode', { enum: ['mock', 'drill'] }).notNull(),
    status: text('status', { enum: ['active', 'ended'] }).notNull(),
    phase: text('phase').$type<Phase>().notNull(),
    eventCount: integer('event_count').notNull().default(0),
    lastSeq: integer('last_seq').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    endedAt: integer('ended_at'),
    endReason: text('end_reason', { enum: ['completed', 'ended-early', 'time-up'] }),
  },
  (t) => [index('sessions_status_idx').on(t.status), index('sessions_profile_idx').on(t.profileId, t.createdAt)],
);

/**
 * A session's plan (its questions copied in), written once with the session. It lives apart from
 * `sessions`, whose row is updated with every event: SQLite rewrites a whole row, overflow pages
 * and all, whenever its size changes, and a plan is tens of kilobytes.
 */
export const sessionPlans = sqliteTable('session_plans', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  plan: text('plan', { mode: 'json' }).$type<Plan>().notNull(),
});

/** The event log: every accepted event of a session, numbered from 1 without gaps. */
export const events = sqliteTable(
  'events',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    n: integer('n').notNull(),
    type: text('type').$type<SessionEvent['type']>().notNull(),
    payload: text('payload', { mode: 'json' }).$type<SessionEvent>().notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.n] })],
);

/** The transcript: every message of both sides, by sequence number (what resume replays). */
export const turns = sqliteTable(
  'turns',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** The event that produced this turn. */
    eventN: integer('event_n').notNull(),
    at: integer('at').notNull(),
    role: text('role', { enum: ['interviewer', 'candidate', 'system'] }).notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    questionIndex: integer('question_index'),
    target: text('target'),
    by: text('by'),
    fallback: text('fallback'),
    feedback: text('feedback', { mode: 'json' }).$type<DrillFeedback>(),
    /** Progress as the client showed it when the turn was made. */
    progress: text('progress', { mode: 'json' }).$type<Progress>().notNull(),
    /** The client's idempotency key of an answer: a resent answer is acknowledged, not stored twice. */
    clientId: text('client_id'),
  },
  // Only answers carry a client id: the index leaves the other turns out, one page less to write per
  // line (a look-up by client id, `client_id = ?`, still uses it).
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] }), uniqueIndex('turns_client_id_idx').on(t.sessionId, t.clientId).where(sql`${t.clientId} is not null`)],
);

/**
 * One row per judged answer: which scorer, overall, who disagreed. The evaluation itself (key points
 * with evidence, criteria, flags, the offline score) is the judged event's, `events.payload` at
 * (session_id, event_n): stored once, in the log, and read through a join (turn-rows.ts).
 */
export const evaluations = sqliteTable(
  'evaluations',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    eventN: integer('event_n').notNull(),
    questionIndex: integer('question_index').notNull(),
    questionId: text('question_id').notNull(),
    attempt: integer('attempt').notNull(),
    /** The seq of the last answer the evaluation covers. */
    answerSeq: integer('answer_seq').notNull(),
    scorer: text('scorer', { enum: ['offline', 'llm'] }).notNull(),
    model: text('model'),
    fallback: text('fallback'),
    overall: real('overall').notNull(),
    offlineOverall: real('offline_overall').notNull(),
    disagreement: integer('disagreement', { mode: 'boolean' }).notNull(),
    at: integer('at').notNull(),
  },
  // Read by session only (the key's prefix); an index by question was one more page written per judged answer.
  (t) => [primaryKey({ columns: [t.sessionId, t.eventN] })],
);

/**
 * Which node drives a session. A node takes the lease when a candidate connects to it (taking it
 * from another node: the newest connection wins) and renews it while it holds the session; once
 * another node has taken it, the store refuses the old owner's appends (see append-statements.ts).
 */
export const sessionLeases = sqliteTable('session_leases', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  owner: text('owner').notNull(),
  expiresAt: integer('expires_at').notNull(),
});

export type ProfileRow = typeof profiles.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type TurnRow = typeof turns.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;

/** An evaluation row's judged event, which holds the evaluation itself (join `events` on this). */
export const evaluationEvent = and(eq(events.sessionId, evaluations.sessionId), eq(events.n, evaluations.eventN));
