// A runner's hold on its session when several nodes share one database: a lease row naming this
// node, renewed every third of its length while the runner is in memory. Losing it (another node
// took the session) is reported once; the store refuses this node's appends from then on. On a
// store that renews many leases in one statement (SQLite), one timer renews all of a node's leases.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import type { SessionStore } from './session-store.js';

export const DEFAULT_LEASE_MS = 15_000;

/** A name for this process in session leases: host, pid and a random part (pids repeat). */
export const newNodeId = (): string => `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export interface LeaseDeps {
  store: SessionStore;
  log: Logger;
  nodeId?: string;
  leaseMs?: number;
}

export class SessionLease {
  readonly owner: string;
  /** This node holds the lease (as far as it last heard). */
  held = false;
  /** Another node took the lease over; this runner must stop. */
  lost = false;
  private everHeld = false;
  private renewal: NodeJS.Timeout | undefined;
  private renewing = false;
  private readonly ttlMs: number;

  constructor(
    readonly id: string,
    private readonly deps: LeaseDeps,
    private readonly onLost: () => void,
  ) {
    this.owner = deps.nodeId ?? newNodeId();
    this.ttlMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /**
   * Takes the lease (from another node too with `steal`). Resolves true when the session may have
   * moved on elsewhere since this runner last held it, so its state must be reloaded.
   */
  async claim(steal: boolean): Promise<boolean> {
    const claim = await this.deps.store.claimLease(this.id, this.owner, this.ttlMs, { steal });
    if (!claim.claimed) return false;
    const elsewhere = claim.previousOwner !== this.owner && (claim.previousOwner !== undefined || this.everHeld);
    this.held = true;
    this.everHeld = true;
    this.lost = false;
    this.startRenewal();
    return elsewhere;
  }

  /** Asks the store whether the lease is still ours (after a refused append); false = lost. */
  async stillHeld(): Promise<boolean> {
    if (!this.held) return false;
    try {
      if (await this.deps.store.renewLease(this.id, this.owner, this.ttlMs)) return true;
    } catch (error) {
      this.deps.log.warn({ err: error, session: this.id }, 'could not check the session lease');
      return true;
    }
    this.markLost();
    return false;
  }

  /** Gives the lease up so another node may adopt the session at once. */
  async release(): Promise<void> {
    this.stopRenewal();
    if (!this.held) return;
    this.held = false;
    await this.deps.store.releaseLease(this.id, this.owner).catch((error: unknown) => this.deps.log.warn({ err: error, session: this.id }, 'could not release the session lease'));
  }

  private startRenewal(): void {
    const together = this.deps.store.renewLeases ? renewalsOf(this.deps, this.owner, this.ttlMs) : undefined;
    if (together) return together.add(this);
    if (this.renewal) return;
    this.renewal = setInterval(() => void this.renew(), renewalPeriod(this.ttlMs));
    this.renewal.unref();
  }

  private stopRenewal(): void {
    renewalsOf(this.deps, this.owner, this.ttlMs, false)?.delete(this);
    clearInterval(this.renewal);
    this.renewal = undefined;
  }

  private async renew(): Promise<void> {
    if (this.renewing || !this.held) return;
    this.renewing = true;
    try {
      if (!(await this.deps.store.renewLease(this.id, this.owner, this.ttlMs))) this.markLost();
    } catch (error) {
      this.deps.log.warn({ err: error, session: this.id }, 'could not renew the session lease; retrying');
    } finally {
      this.renewing = false;
    }
  }

  /** Called by the node's renewals: the store no longer names this node as the session's owner. */
  markLost(): void {
    if (this.lost) return;
    this.held = false;
    this.lost = true;
    this.stopRenewal();
    this.onLost();
  }
}

const renewalPeriod = (ttlMs: number): number => Math.max(50, Math.floor(ttlMs / 3));

/** Every lease a node holds on one store with one length, renewed in one statement per period. */
class LeaseRenewals {
  private readonly leases = new Set<SessionLease>();
  private timer: NodeJS.Timeout | undefined;
  private renewing = false;

  constructor(
    private readonly deps: LeaseDeps,
    private readonly owner: string,
    private readonly ttlMs: number,
  ) {}

  add(lease: SessionLease): void {
    this.leases.add(lease);
    if (this.timer) return;
    this.timer = setInterval(() => void this.renewAll(), renewalPeriod(this.ttlMs));
    this.timer.unref();
  }

  delete(lease: SessionLease): void {
    this.leases.delete(lease);
    if (this.leases.size > 0) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async renewAll(): Promise<void> {
    if (this.renewing) return;
    const held = [...this.leases].filter((l) => l.held);
    if (held.length === 0) return;
    this.renewing = true;
    try {
      const still = await this.deps.store.renewLeases?.(this.owner, held.map((l) => l.id), this.ttlMs);
      if (still) for (const lease of held) if (!still.has(lease.id)) lease.markLost();
    } catch (error) {
      this.deps.log.warn({ err: error, sessions: held.length }, 'could not renew the session leases; retrying');
    } finally {
      this.renewing = false;
    }
  }
}

/** Renewals by store, then by owner and lease length (several nodes may share one store object in tests). */
const renewalsByStore = new WeakMap<SessionStore, Map<string, LeaseRenewals>>();

function renewalsOf(deps: LeaseDeps, owner: string, ttlMs: number, create = true): LeaseRenewals | undefined {
  let byOwner = renewalsByStore.get(deps.store);
  if (!byOwner && create) renewalsByStore.set(deps.store, (byOwner = new Map()));
  const key = `${ttlMs} ${owner}`;
  let renewals = byOwner?.get(key);
  if (!renewals && create && byOwner) byOwner.set(key, (renewals = new LeaseRenewals(deps, owner, ttlMs)));
  return renewals;
}
