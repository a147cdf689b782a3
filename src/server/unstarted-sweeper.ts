// Deletes sessions that were created but never started once they are older than the TTL, so that
// creating sessions and walking away (or a page doing it on purpose) cannot fill the disk. Sessions
// a runner holds in memory (a socket is open on them) are left alone.
import type { Logger } from 'pino';
import type { SessionRegistry } from './session-registry.js';
import type { SessionStore } from './session-store.js';

export interface UnstartedSweeperOptions {
  store: SessionStore;
  registry: Pick<SessionRegistry, 'heldIds'>;
  log: Logger;
  ttlMs: number;
  now: () => number;
}

/** One sweep: returns how many sessions were deleted (0 when the store cannot prune). */
export async function sweepUnstarted(options: UnstartedSweeperOptions): Promise<number> {
  if (!options.store.pruneUnstarted) return 0;
  const pruned = await options.store.pruneUnstarted(options.now() - options.ttlMs, options.registry.heldIds());
  if (pruned > 0) options.log.info({ sessions: pruned, ttlMinutes: options.ttlMs / 60_000 }, 'deleted sessions that were never started');
  return pruned;
}

/** Sweeps every quarter of the TTL (at most every 5 minutes); returns the function that stops it. */
export function startUnstartedSweeper(options: UnstartedSweeperOptions): () => void {
  const every = Math.min(options.ttlMs / 4, 5 * 60_000);
  const timer = setInterval(() => {
    sweepUnstarted(options).catch((error: unknown) => options.log.warn({ err: error }, 'could not delete sessions that were never started; will try again'));
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
