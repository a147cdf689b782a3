// Reconnect timing and what each close code means for the client. Pure, so it is unit-tested.
import { CloseCode } from '../src/protocol/ws-frames.js';

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 300, maxMs: 8000 };

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so many tabs coming back after a restart do not arrive at once.
 */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** What to do after the socket closed with `code`. */
export type CloseAction =
  | { action: 'reconnect'; minDelayMs: number }
  | { action: 'stop'; reason: 'ended' | 'unauthorized' | 'forbidden' | 'not-found' | 'replaced' };

/** Maps a close code to the client's reaction (see CloseCode in src/protocol/ws-frames.ts). */
export function closeAction(code: number, ended: boolean): CloseAction {
  switch (code) {
    case CloseCode.unauthorized:
      return { action: 'stop', reason: 'unauthorized' };
    case CloseCode.forbiddenOrigin:
      return { action: 'stop', reason: 'forbidden' };
    case CloseCode.sessionNotFound:
      return { action: 'stop', reason: 'not-found' };
    case CloseCode.replaced:
      // Another tab took the session over; reconnecting at once would take it back and forth.
      return { action: 'stop', reason: 'replaced' };
    case CloseCode.policy:
      // Closed for flooding: come back, but not straight away.
      return { action: 'reconnect', minDelayMs: 5000 };
    case CloseCode.serverRestarting:
      return { action: 'reconnect', minDelayMs: 500 };
    case CloseCode.normal:
      return ended ? { action: 'stop', reason: 'ended' } : { action: 'reconnect', minDelayMs: 0 };
    default:
      return ended ? { action: 'stop', reason: 'ended' } : { action: 'reconnect', minDelayMs: 0 };
  }
}
