// One active session in memory: its state, a strict FIFO of work, its one connection and its
// timers. Every change goes through the store before the candidate sees it. With several nodes on
// one database, the runner drives the session only while it holds the session's lease (see
// session-lease.ts): a candidate connecting here takes it, and losing it stops this runner.
import type { Logger } from 'pino';
import { pendingEffects } from '../engine/effect-inputs.js';
import type { SessionEvent } from '../engine/events.js';
import type { Plan } from '../engine/plan.js';
import { step } from '../engine/step.js';
import { initialState, type SessionState } from '../engine/state.js';
import { SessionConflict } from '../errors.js';
import { CloseCode, type ClientFrame, type ServerFrame } from '../protocol/ws-frames.js';
import type { BankQuestions } from './bank-questions.js';
import { candidateEvent } from './client-events.js';
import { eventCommit } from './event-commit.js';
import { errorFrame, errorFrameOf, reportUrls, stateFrame, turnFrame } from './frames.js';
import { overallScore, progressOf } from './progress.js';
import { SerialQueue } from './serial-queue.js';
import { dispatch, runEffects, type DriverHooks, type DriverPorts } from './session-driver.js';
import type { SessionMeta, SessionStore } from './session-store.js';
import { SessionLease } from './session-lease.js';
import { SessionTimers } from './session-timers.js';

/** The one WebSocket of a session, as the runner sees it. */
export interface SessionConnection {
  send(frame: ServerFrame): void;
  close(code: number, reason: string): void;
}

export interface RunnerDeps {
  store: SessionStore;
  ports: DriverPorts;
  log: Logger;
  /** Who phrases the lines ("offline", "llm:<model>"), for session.state. */
  interviewerId: string;
  /** This process's name in session leases; unique among the nodes on one database. */
  nodeId?: string;
  /** How long a lease lasts unless renewed (renewed every third of it). */
  leaseMs?: number;
  /** Called once when another node took the session over (the registry forgets the runner). */
  onLost?: (runner: SessionRunner) => void;
  /** The bank's questions: a rebuilt session uses them where its stored copies are unchanged (bank-questions.ts). */
  bank?: BankQuestions;
}

/** Folds stored events into a state: the engine is pure, so this is the state they produced. */
export function foldEvents(id: string, plan: Plan, events: SessionEvent[], log?: Logger): SessionState {
  return events.reduce((state, event, i) => {
    const r = step(state, event);
    if (r.rejection) log?.warn({ session: id, n: i + 1, event: event.type, rejection: r.rejection }, 'stored event refused on replay');
    return r.state;
  }, initialState(id, plan));
}

/** A loaded session's state, its plan's unchanged questions replaced by the bank's objects (bank-questions.ts). */
function foldLoaded(id: string, loaded: { meta: SessionMeta; events: SessionEvent[] }, deps: RunnerDeps): SessionState {
  const plan = deps.bank ? deps.bank.plan(loaded.meta.plan) : loaded.meta.plan;
  return foldEvents(id, plan, loaded.events, deps.log);
}

export class SessionRunner {
  private readonly queue = new SerialQueue();
  private readonly timers: SessionTimers;
  private connection: SessionConnection | undefined;
  /** The connection has asked for (or begun) the session, so live frames may flow to it. */
  private synced = false;
  /** A store failure interrupted work; pending effects are re-run before the next frame. */
  private stalled = false;
  private closing = false;
  private lastActive: number;
  private readonly lease: SessionLease;

  private constructor(
    readonly id: string,
    private state: SessionState,
    private eventCount: number,
    private readonly deps: RunnerDeps,
  ) {
    this.timers = new SessionTimers(deps.ports.now, (t) => void this.enqueue({ type: 'timeout', at: deps.ports.now(), scope: t.scope, questionIndex: t.questionIndex }));
    this.lastActive = deps.ports.now();
    this.lease = new SessionLease(id, deps, () => this.lost());
  }

  /**
   * Rebuilds a session from the store alone, takes its lease and carries on with any work it had
   * in flight. `steal` takes the lease from another node (a candidate is connecting here).
   */
  static async rebuild(id: string, deps: RunnerDeps, options: { steal: boolean } = { steal: true }): Promise<SessionRunner | undefined> {
    const loaded = await deps.store.load(id);
    if (!loaded) return undefined;
    const runner = new SessionRunner(id, foldLoaded(id, loaded, deps), loaded.events.length, deps);
    runner.stalled = true;
    runner.own(options.steal);
    return runner;
  }

  /** True while this runner may drive the session (it holds, or is taking, the lease). */
  get driving(): boolean {
    return !this.lease.lost;
  }

  get phase(): SessionState['phase'] {
    return this.state.phase;
  }

  /** Makes `connection` the session's one connection; an older one is closed as replaced. */
  attach(connection: SessionConnection): void {
    const old = this.connection;
    this.connection = connection;
    this.synced = false;
    this.lastActive = this.deps.ports.now();
    old?.close(CloseCode.replaced, 'another connection took over this session');
    if (this.closing) return connection.close(CloseCode.serverRestarting, 'server restarting');
    this.own(true);
  }

  detach(connection: SessionConnection): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    this.synced = false;
    this.lastActive = this.deps.ports.now();
  }

  /** Queues a parsed client frame; resolves when it has been handled. */
  receive(connection: SessionConnection, frame: ClientFrame): Promise<void> {
    this.lastActive = this.deps.ports.now();
    if (frame.type === 'ping') return Promise.resolve(connection.send({ type: 'pong' }));
    if (this.closing) return Promise.resolve(connection.send(errorFrame('server_restarting', 'the server is restarting; reconnect in a moment and resume', frame.type)));
    return this.queue.run(() => this.handle(connection, frame));
  }

  /** No connection, no work, and quiet for `idleMs`: safe to drop from memory. */
  isIdle(now: number, idleMs: number): boolean {
    return !this.connection && this.queue.size === 0 && now - this.lastActive >= idleMs;
  }

  /** Stops taking frames, lets in-flight work finish (up to `graceMs`), closes the connection. */
  async shutdown(graceMs: number): Promise<void> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.queue.drained(), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    this.timers.clear();
    // Let another node take the session at once rather than after the lease expires.
    await this.lease.release();
    this.connection?.close(CloseCode.serverRestarting, 'server restarting');
  }

  /** Marks the runner as in use, so the sweeper leaves it alone. */
  touch(): void {
    this.lastActive = this.deps.ports.now();
  }

  /** Stops the runner's timers and gives up its lease (it is being dropped from memory). */
  dispose(): void {
    this.timers.clear();
    void this.lease.release();
  }

  /**
   * Queues taking the lease ahead of any later work. When another node held it, the session may
   * have moved on there: the state is reloaded from the store and its pending work redone.
   */
  private own(steal: boolean): void {
    void this.queue
      .run(async () => {
        const tookOver = await this.lease.claim(steal);
        if (tookOver) await this.reload();
        if (this.lease.held && this.stalled) await this.recover();
      })
      .catch((error) => this.fail(error, null));
  }

  /** Another node took the session: stop driving it and let the candidate reconnect there. */
  private lost(): void {
    this.timers.clear();
    const connection = this.connection;
    this.connection = undefined;
    this.deps.log.info({ session: this.id }, 'another node took this session over');
    connection?.close(CloseCode.replaced, 'this session continued on another server; reconnect to resume');
    this.deps.onLost?.(this);
  }

  private async handle(connection: SessionConnection, frame: Exclude<ClientFrame, { type: 'ping' }>): Promise<void> {
    if (connection !== this.connection) return;
    this.synced = true;
    try {
      // The claim at attach failed (the database was down): take the session now.
      if (!this.lease.held && (await this.lease.claim(true))) await this.reload();
      if (this.stalled) await this.recover();
      if (frame.type === 'session.resume') return await this.replay(connection, frame.lastSeq);
      const clientId = frame.type === 'answer.submit' ? frame.clientId : undefined;
      const stored = clientId === undefined ? undefined : await this.deps.store.answerSeqByClientId(this.id, clientId);
      if (stored !== undefined) return connection.send({ type: 'answer.ack', seq: stored, clientId: clientId ?? null });
      const result = await dispatch(this.state, candidateEvent(frame, this.deps.ports.now()), this.deps.ports, this.hooks(clientId));
      this.state = result.state;
      if (result.rejection) connection.send(errorFrame(result.rejection.code, result.rejection.message, frame.type));
    } catch (error) {
      await this.fail(error, frame.type, connection);
    }
  }

  private enqueue(event: SessionEvent): Promise<void> {
    return this.queue.run(async () => {
      // A timer of a session this node no longer drives: its owner has its own.
      if (!this.lease.held) return;
      try {
        if (this.stalled) await this.recover();
        this.state = (await dispatch(this.state, event, this.deps.ports, this.hooks())).state;
      } catch (error) {
        await this.fail(error, null);
      }
    });
  }

  private async recover(): Promise<void> {
    if (!this.lease.held) return;
    const effects = pendingEffects(this.state);
    if (effects.length > 0) this.state = await runEffects(this.state, effects, this.deps.ports, this.hooks());
    this.stalled = false;
  }

  private async replay(connection: SessionConnection, lastSeq: number): Promise<void> {
    for (const turn of await this.deps.store.turnsAfter(this.id, lastSeq)) connection.send(turnFrame(turn, true));
    connection.send(stateFrame(this.state, this.deps.interviewerId));
    if (this.state.phase === 'ended') for (const frame of this.endFrames(this.state)) connection.send(frame);
  }

  private async fail(error: unknown, inReplyTo: string | null, connection = this.connection): Promise<void> {
    this.stalled = true;
    if (error instanceof SessionConflict && !(await this.lease.stillHeld())) return;
    this.deps.log.error({ err: error, session: this.id, inReplyTo }, 'session work failed');
    if (error instanceof SessionConflict) await this.reload().catch((e) => this.deps.log.error({ err: e, session: this.id }, 'reload failed'));
    connection?.send(errorFrameOf(error, inReplyTo));
  }

  /** Another process moved the session on: take its state from the store. */
  private async reload(): Promise<void> {
    const loaded = await this.deps.store.load(this.id);
    if (!loaded) return;
    this.state = foldLoaded(this.id, loaded, this.deps);
    this.eventCount = loaded.events.length;
    // Its timers and in-flight work are re-issued from the reloaded state.
    this.timers.clear();
    this.stalled = true;
  }

  private send(frame: ServerFrame): void {
    if (this.connection && this.synced) this.connection.send(frame);
  }

  private endFrames(state: SessionState): ServerFrame[] {
    const reason = state.endReason ?? 'completed';
    return [
      { type: 'session.ended', reason },
      { type: 'report.ready', overall: overallScore(state), formats: reportUrls(this.id) },
    ];
  }

  private hooks(clientId?: string): DriverHooks {
    const { store, log } = this.deps;
    return {
      commit: async (event, result) => {
        const n = this.eventCount + 1;
        await store.append({ ...eventCommit(this.id, n, event, result, event.type === 'answer' ? clientId : undefined), owner: this.lease.owner });
        this.eventCount = n;
        this.state = result.state;
      },
      ...(store.appendAll
        ? {
            commitAll: async (items) => {
              const first = this.eventCount + 1;
              const owner = this.lease.owner;
              await store.appendAll?.(items.map(({ event, result }, i) => ({ ...eventCommit(this.id, first + i, event, result), owner })));
              this.eventCount += items.length;
              this.state = items.at(-1)?.result.state ?? this.state;
            },
          }
        : {}),
      entry: (entry, state) => {
        const key = entry.kind === 'answer' && clientId !== undefined ? { clientId } : {};
        this.send(turnFrame({ ...entry, progress: progressOf(state), ...key }));
      },
      delta: (lineId, delta) => this.send({ type: 'line.delta', lineId, delta }),
      timer: (effect) => this.timers.arm(effect),
      end: (_reason, state) => {
        this.timers.clear();
        for (const frame of this.endFrames(state)) this.send(frame);
      },
      warn: (message, error) => log.warn({ err: error, session: this.id }, message),
    };
  }
}
