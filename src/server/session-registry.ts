// The runners of the sessions this process holds in memory: built on demand from the store,
// evicted when idle, resumed at start-up when they were left mid-work, shut down gracefully.
// With several nodes on one database (store.shared), a runner is forgotten when another node
// takes its session over, and sessions left mid-work by a node that died are adopted by the
// others once their lease has expired.
import { DEFAULT_LEASE_MS, newNodeId } from './session-lease.js';
import { SessionRunner, type RunnerDeps } from './session-runner.js';

export interface RegistryOptions {
  /** A runner with no connection and no work is dropped from memory after this long. */
  idleMs?: number;
  /** How often idle runners are looked for. */
  sweepMs?: number;
}

/** Phases where the session waits on the server (an interviewer line, a judgment, a decision). */
const SERVER_WORK = new Set(['speaking', 'judging', 'deciding']);

export class SessionRegistry {
  private readonly runners = new Map<string, SessionRunner>();
  private readonly loading = new Map<string, Promise<SessionRunner | undefined>>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly idleMs: number;
  private readonly deps: RunnerDeps & { nodeId: string };
  private adopting = false;

  constructor(deps: RunnerDeps, options: RegistryOptions = {}) {
    this.deps = { ...deps, nodeId: deps.nodeId ?? newNodeId(), onLost: (runner) => this.forget(runner) };
    this.idleMs = options.idleMs ?? 5 * 60_000;
    this.sweeper = setInterval(() => {
      this.sweep();
      if (this.deps.store.shared) void this.adoptOrphans();
    }, options.sweepMs ?? 30_000);
    this.sweeper.unref();
  }

  /** This node's name in session leases. */
  get nodeId(): string {
    return this.deps.nodeId;
  }

  get size(): number {
    return this.runners.size;
  }

  /** The ids of the sessions held in memory (or being loaded) right now. */
  heldIds(): Set<string> {
    return new Set([...this.runners.keys(), ...this.loading.keys()]);
  }

  /** The session's runner, rebuilt from the store if it is not in memory; undefined if unknown. */
  get(id: string): Promise<SessionRunner | undefined> {
    const held = this.runners.get(id);
    if (held) {
      held.touch();
      return Promise.resolve(held);
    }
    const pending = this.loading.get(id);
    if (pending) return pending;
    const load = SessionRunner.rebuild(id, this.deps)
      .then((runner) => {
        if (runner) this.runners.set(id, runner);
        return runner;
      })
      .finally(() => this.loading.delete(id));
    this.loading.set(id, load);
    return load;
  }

  /**
   * Rebuilds every unfinished session that was waiting on the server; returns how many. On a
   * database of its own (SQLite) the node takes them all; on a shared one only those whose lease
   * is free or expired (their node died or let them go), so two nodes never drive one session.
   */
  async resumeUnfinished(): Promise<number> {
    const { store, nodeId } = this.deps;
    const waiting = (await store.unfinished()).filter((s) => SERVER_WORK.has(s.phase) && !this.runners.has(s.id));
    let resumed = 0;
    for (const s of waiting) {
      const claim = await store.claimLease(s.id, nodeId, this.deps.leaseMs ?? DEFAULT_LEASE_MS, { steal: !store.shared });
      if (!claim.claimed) continue;
      if (await this.get(s.id)) resumed += 1;
    }
    if (resumed > 0) this.deps.log.info({ sessions: resumed, node: nodeId }, 'resumed unfinished sessions');
    return resumed;
  }

  /** Forgets a runner whose session another node took over (its state may be stale). */
  private forget(runner: SessionRunner): void {
    if (this.runners.get(runner.id) !== runner) return;
    this.runners.delete(runner.id);
    runner.dispose();
  }

  private async adoptOrphans(): Promise<void> {
    if (this.adopting) return;
    this.adopting = true;
    try {
      await this.resumeUnfinished();
    } catch (error) {
      this.deps.log.warn({ err: error }, 'could not look for sessions left by another node');
    } finally {
      this.adopting = false;
    }
  }

  /** Drops idle runners from memory (their state is all in the store). */
  sweep(now = this.deps.ports.now()): number {
    let dropped = 0;
    for (const [id, runner] of this.runners) {
      if (runner.isIdle(now, this.idleMs)) {
        runner.dispose();
        this.runners.delete(id);
        dropped += 1;
      }
    }
    return dropped;
  }

  /** Stops a session's runner before its rows are deleted: in-flight work finishes, its socket closes. */
  async evict(id: string, graceMs = 2000): Promise<void> {
    const runner = this.runners.get(id) ?? (await this.loading.get(id));
    if (!runner) return;
    this.runners.delete(id);
    await runner.shutdown(graceMs);
  }

  /** Lets every runner finish its in-flight work (up to `graceMs`) and closes its connection. */
  async shutdown(graceMs: number): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.allSettled([...this.loading.values()]);
    await Promise.all([...this.runners.values()].map((r) => r.shutdown(graceMs)));
  }
}
