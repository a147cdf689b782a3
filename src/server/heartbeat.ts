// Finds dead WebSockets (a sleeping laptop, a dropped NAT entry): each interval every socket is
// pinged at the protocol level, and one that did not answer the previous ping is terminated, so
// its session is detached and can be evicted from memory.
import type { WebSocket, WebSocketServer } from 'ws';

/** Starts the heartbeat; returns a function that stops it. */
export function startHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const alive = new WeakSet<WebSocket>();
  const mark = (ws: WebSocket) => alive.add(ws);
  wss.on('connection', (ws: WebSocket) => {
    alive.add(ws);
    ws.on('pong', () => mark(ws));
  });
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
