// The PostgreSQL schema (Drizzle pg-core): the same tables as schema.ts (SQLite), column for column,
// so rows map to the same engine records. Times are milliseconds since the epoch (bigint read as a
// number). JSON columns are `json`, not jsonb: jsonb reorders object keys, and the engine compares
// a stored line request with the queued one as written (step.ts), so a replay would refuse it.
// drizzle.pg.config.ts generates migrations-pg/ from this file.
import { bigint, boolean, doublePrecision, index, integer, json, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { and, eq, sql } from 'drizzle-orm';
import type { SessionEvent } from '../../engine/events.js';
import type { Phase, DrillFeedback } from '../../engine/state.js';
import type { Plan } from '../../engine/plan.js';
import type { Progress } from '../../protocol/ws-frames.js';

const ms = (name: string) => bigint(name, { mode: 'number' });

/** Who practises; see schema.ts. */
export const profiles = pgTable('profiles', {
  id: text('id').primaryKey(),
  subject: text('subject').notNull().unique(),
  createdAt: ms('created_at').notNull(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /** The owner; null until claimed (see schema.ts). */
    profileId: text('profile_id').references(() => profiles.id),
    tokenHash: text('token_hash').notNull(),
    mode: text('mode', { enum: ['mock', 'drill'] }).notNull(),
    status: text('status', { enum: ['active', 'ended'] }).notNull(),
    phase: text('phase').$type<Phase>().notNull(),
    eventCount: integer('event_count').notNull().default(0),
    lastSeq: integer('last_seq').notNull().default(0),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    endedAt: ms('ended_at'),
    endReason: text('end_reason', { enum: ['completed', 'ended-early', 'time-up'] }),
  },
  (t) => [index('sessions_status_idx').on(t.status), index('sessions_profile_idx').on(t.profileId, t.createdAt)],
);

export const sessionPlans = pgTable('session_plans', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  plan: json('plan').$type<Plan>().notNull(),
});

export const events = pgTable(
  'events',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    n: integer('n').notNull(),
    type: text('type').$type<SessionEvent['type']>().notNull(),
    payload: json('payload').$type<SessionEvent>().notNull(),
    at: ms('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.n] })],
);

export const turns = pgTable(
  'turns',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    eventN: integer('event_n').notNull(),
    at: ms('at').notNull(),
    role: text('role', { enum: ['interviewer', 'candidate', 'system'] }).notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    questionIndex: integer('question_index'),
    target: text('target'),
    by: text('by'),
    fallback: text('fallback'),
    feedback: json('feedback').$type<DrillFeedback>(),
    progress: json('progress').$type<Progress>().notNull(),
    clientId: text('client_id'),
  },
  // Only answers carry a client id (see schema.ts).
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] }), uniqueIndex('turns_client_id_idx').on(t.sessionId, t.clientId).where(sql`${t.clientId} is not null`)],
);

/** One row per judged answer; the evaluation itself is the judged event's (see schema.ts). */
export const evaluations = pgTable(
  'evaluations',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    eventN: integer('event_n').notNull(),
    questionIndex: integer('question_index').notNull(),
    questionId: text('question_id').notNull(),
    attempt: integer('attempt').notNull(),
    answerSeq: integer('answer_seq').notNull(),
    scorer: text('scorer', { enum: ['offline', 'llm'] }).notNull(),
    model: text('model'),
    fallback: text('fallback'),
    overall: doublePrecision('overall').notNull(),
    offlineOverall: doublePrecision('offline_overall').notNull(),
    disagreement: boolean('disagreement').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.eventN] })],
);

/** Which node drives a session (see schema.ts): only the owner's appends are accepted. */
export const sessionLeases = pgTable('session_leases', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  owner: text('owner').notNull(),
  expiresAt: ms('expires_at').notNull(),
});

/** An evaluation row's judged event, which holds the evaluation itself (join `events` on this). */
export const evaluationEvent = and(eq(events.sessionId, evaluations.sessionId), eq(events.n, evaluations.eventN));
