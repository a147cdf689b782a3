import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { startHeartbeat } from '../../src/server/heartbeat.js';

const INTERVAL_MS = 30;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function serverWithHeartbeat() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const stop = startHeartbeat(wss, INTERVAL_MS);
  const clients: WebSocket[] = [];
  cleanup = async () => {
    stop();
    for (const c of clients) c.terminate();
    for (const c of wss.clients) c.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
  const { port } = wss.address() as { port: number };
  const connect = async (options: WebSocket.ClientOptions = {}) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, options);
    clients.push(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return ws;
  };
  return { connect };
}

const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
const turn = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Blocks this thread (server and client both live in it), as a long GC or a loaded machine would. */
function stall(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* busy */
  }
}

describe('heartbeat', () => {
  it('terminates a socket that stops answering pings', async () => {
    const { connect } = await serverWithHeartbeat();
    const dead = await connect({ autoPong: false });
    const started = performance.now();
    expect(await closeCode(dead)).toBe(1006);
    // It was given more than one interval to answer.
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * INTERVAL_MS - 5);
  });

  it('keeps a socket that answers, even when the event loop stalls for several intervals at a time', async () => {
    const { connect } = await serverWithHeartbeat();
    const live = await connect();
    let closed = false;
    live.once('close', () => (closed = true));
    for (let i = 0; i < 12; i++) {
      stall(4 * INTERVAL_MS);
      await turn();
      await sleep(i % 3);
    }
    await sleep(5 * INTERVAL_MS);
    expect(closed).toBe(false);
    expect(live.readyState).toBe(WebSocket.OPEN);
  });
});
