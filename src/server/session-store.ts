// The storage port of the server: sessions, their event log and its projections (turns,
// evaluations), and the lease that says which node drives a session. SQLite and PostgreSQL
// implement it in src/adapters/db; test/adapters/db/store-contract.ts holds both to one contract.
import type { SessionEvent } from '../engine/events.js';
import type { EndReason } from '../engine/lines.js';
import type { Plan } from '../engine/plan.js';
import type { Phase, TranscriptEntry } from '../engine/state.js';
import type { Evaluation } from '../engine/scoring/types.js';
import type { Progress } from '../protocol/ws-frames.js';

export interface NewSession {
  id: string;
  tokenHash: string;
  plan: Plan;
  createdAt: number;
  /** The owning profile (profile-store.ts); left out, the session waits to be claimed. */
  profileId?: string;
}

/** A session's row, without its events. */
export interface SessionMeta {
  id: string;
  tokenHash: string;
  mode: Plan['mode'];
  status: 'active' | 'ended';
  phase: Phase;
  plan: Plan;
  eventCount: number;
  lastSeq: number;
  createdAt: number;
  updatedAt: number;
  endedAt?: number;
  endReason?: EndReason;
  /** The owning profile; absent for a session nobody has claimed yet. */
  profileId?: string;
}

/** A stored transcript entry with what the client needs to show it again. */
export interface StoredTurn extends TranscriptEntry {
  progress: Progress;
  clientId?: string;
}

export interface StoredEvaluation {
  questionIndex: number;
  questionId: string;
  attempt: number;
  answerSeq: number;
  at: number;
  evaluation: Evaluation;
}

/** One accepted event with everything it changed, stored in one transaction. */
export interface EventCommit {
  sessionId: string;
  /** The event's number: exactly one more than the events already stored, or the append fails. */
  n: number;
  event: SessionEvent;
  turns: StoredTurn[];
  /** Only with a judged event, whose evaluation it is: the store keeps the evaluation once, in the event. */
  evaluation?: StoredEvaluation;
  session: { phase: Phase; lastSeq: number; at: number; endedAt?: number; endReason?: EndReason };
  /**
   * The node that drives the session. When given, the append is refused (SessionConflict) if another
   * node holds the session's lease: a late write from a node that lost the session never lands.
   */
  owner?: string;
}

/** The result of claiming a session's lease. */
export interface LeaseClaim {
  claimed: boolean;
  /** Who held the lease before (expired or not); absent when nobody had. */
  previousOwner?: string;
}

export interface SessionStore {
  create(session: NewSession): Promise<void>;
  meta(id: string): Promise<SessionMeta | undefined>;
  /** The session and its events in order: fold them with `step` to rebuild its state. */
  load(id: string): Promise<{ meta: SessionMeta; events: SessionEvent[] } | undefined>;
  /**
   * Stores an event with its turns and evaluation atomically, durable before it resolves.
   * Throws SessionConflict when `n` is taken, StorageUnavailable when the database is busy or full.
   */
  append(commit: EventCommit): Promise<void>;
  /**
   * Stores consecutive commits (numbered n, n + 1, ...) atomically in one transaction, as `append`
   * would one by one. Optional: without it they are appended one by one.
   */
  appendAll?(commits: EventCommit[]): Promise<void>;
  turnsAfter(id: string, seq: number): Promise<StoredTurn[]>;
  /** The seq of the answer stored under this idempotency key, if any. */
  answerSeqByClientId(id: string, clientId: string): Promise<number | undefined>;
  evaluations(id: string): Promise<StoredEvaluation[]>;
  /** Sessions that have not ended, with the phase they were left in. */
  unfinished(): Promise<{ id: string; phase: Phase }[]>;
  /**
   * True when several processes may serve sessions from this database at once (PostgreSQL), so a
   * session left by one is adopted by another only once its lease has expired.
   */
  readonly shared: boolean;
  /**
   * Makes `owner` the node that drives the session for `ttlMs` (by the database's clock). A lease
   * held by another node and not yet expired is taken only with `steal` (a candidate connected here).
   */
  claimLease(id: string, owner: string, ttlMs: number, options: { steal: boolean }): Promise<LeaseClaim>;
  /** Extends the owner's lease; false when another node has taken it (the owner must stop). */
  renewLease(id: string, owner: string, ttlMs: number): Promise<boolean>;
  /**
   * Extends the owner's leases on these sessions at once; resolves the ids whose lease it still
   * holds (any other was taken by another node). Optional: without it each lease is renewed alone.
   */
  renewLeases?(owner: string, ids: readonly string[], ttlMs: number): Promise<ReadonlySet<string>>;
  /** Gives the lease up (a node dropping an idle session, or shutting down). */
  releaseLease(id: string, owner: string): Promise<void>;
  /**
   * Deletes sessions created before `createdBefore` that never stored an event (never started),
   * except those in `keep`; returns how many went. Optional: a store without it keeps them all.
   */
  pruneUnstarted?(createdBefore: number, keep: ReadonlySet<string>): Promise<number>;
  /** Resolves when the database answers a trivial query; throws otherwise. */
  health(): Promise<void>;
  close(): Promise<void>;
}
