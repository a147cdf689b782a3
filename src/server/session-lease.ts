// A runner's hold on its session when several nodes share one database: a lease row naming this
// node, renewed every third of its length while the runner is in memory. Losing it (another node
// took the session) is reported once; the store refuses this node's appends from then on.
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
    private readonly id: string,
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
    if (this.renewal) return;
    this.renewal = setInterval(() => void this.renew(), Math.max(50, Math.floor(this.ttlMs / 3)));
    this.renewal.unref();
  }

  private stopRenewal(): void {
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

  private markLost(): void {
    if (this.lost) return;
    this.held = false;
    this.lost = true;
    this.stopRenewal();
    this.onLost();
  }
}
