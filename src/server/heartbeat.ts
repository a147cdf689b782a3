// Finds dead WebSockets (a sleeping laptop, a dropped NAT entry): each interval every socket is
// pinged at the protocol level, and one that has answered none of the last `MISSES_ALLOWED + 1`
// pings is terminated, so its session is detached and can be evicted from memory.
//
// Two things keep a live socket from being dropped when the event loop is busy (a long GC, a
// burst of scoring, a loaded machine): the sweep runs in the check phase, after the poll phase
// has read any pong already waiting in the kernel's buffer (a timer runs before the poll phase,
// so a sweep made straight from the timer after a stall would not yet have seen it); and one
// missed interval is forgiven, since a ping sent just before a stall can come back only after it.
import type { WebSocket, WebSocketServer } from 'ws';

/** How many consecutive unanswered pings a socket may have and still be pinged again. */
const MISSES_ALLOWED = 1;

/** Starts the heartbeat; returns a function that stops it. */
export function startHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const unanswered = new WeakMap<WebSocket, number>();
  wss.on('connection', (ws: WebSocket) => {
    unanswered.set(ws, 0);
    ws.on('pong', () => unanswered.set(ws, 0));
  });
  let stopped = false;
  const sweep = () => {
    if (stopped) return;
    for (const ws of wss.clients) {
      const missed = unanswered.get(ws) ?? 0;
      if (missed > MISSES_ALLOWED) {
        ws.terminate();
        continue;
      }
      unanswered.set(ws, missed + 1);
      ws.ping();
    }
  };
  const timer = setInterval(() => setImmediate(sweep), intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
