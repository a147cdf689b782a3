// The reconnecting session socket against a real WebSocket server on 127.0.0.1 (the `ws` client
// stands in for the browser's WebSocket, with the same API).
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as WsClient, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { CloseCode, type ServerFrame } from '../../src/protocol/ws-frames.js';
import { openSessionSocket, sessionSocketUrl, type SessionSocket, type SocketStatus } from '../../web/socket.js';

interface Harness {
  url: string;
  /** Resolves with the n-th connection (1-based) and the first message it sent. */
  connection(n: number): Promise<{ socket: ServerSocket; first: unknown }>;
  close(): Promise<void>;
}

async function startServer(): Promise<Harness> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const waiting: ((c: { socket: ServerSocket; first: unknown }) => void)[] = [];
  const seen: { socket: ServerSocket; first: unknown }[] = [];
  wss.on('connection', (socket) => {
    socket.once('message', (data) => {
      const entry = { socket, first: JSON.parse(String(data)) as unknown };
      seen.push(entry);
      waiting.splice(0).forEach((w) => w(entry));
    });
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    connection: (n) =>
      new Promise((resolve) => {
        const check = () => (seen[n - 1] ? resolve(seen[n - 1]!) : waiting.push(check));
        check();
      }),
    close: () => new Promise((resolve) => wss.close(() => resolve())),
  };
}

const stateFrame = (lastSeq: number): ServerFrame => ({
  type: 'session.state',
  sessionId: 's',
  mode: 'mock',
  phase: 'answering',
  progress: { questionNumber: 1, questionTotal: 2, followUp: 0, maxFollowUps: 0 },
  interviewer: 'offline',
  lastSeq,
  pendingQuestion: null,
});

describe('openSessionSocket', () => {
  let server: Harness | undefined;
  let client: SessionSocket | undefined;
  afterEach(async () => {
    client?.close();
    await server?.close();
  });

  function open(lastSeq: () => number, pingEveryMs = 60_000) {
    const frames: ServerFrame[] = [];
    const statuses: { status: SocketStatus; reason?: string }[] = [];
    const waiters: (() => void)[] = [];
    const notify = () => waiters.splice(0).forEach((w) => w());
    client = openSessionSocket({
      url: server!.url,
      lastSeq,
      isEnded: () => false,
      onFrame: (f) => (frames.push(f), notify()),
      onStatus: (status, detail) => (statuses.push({ status, ...(detail.reason ? { reason: detail.reason } : {}) }), notify()),
      random: () => 0,
      pingEveryMs,
      WebSocketImpl: WsClient as unknown as new (url: string) => WebSocket,
    });
    const until = (ok: () => boolean) => new Promise<void>((resolve) => {
      const check = () => (ok() ? resolve() : waiters.push(check));
      check();
    });
    return { frames, statuses, until };
  }

  it('resumes from the last seq on connect and passes on only frames that match the protocol', async () => {
    server = await startServer();
    const { frames, statuses, until } = open(() => 7);
    const first = await server.connection(1);
    expect(first.first).toEqual({ type: 'session.resume', lastSeq: 7 });
    first.socket.send('not json');
    first.socket.send(JSON.stringify({ type: 'line', seq: 'x' }));
    first.socket.send(JSON.stringify(stateFrame(7)));
    await until(() => frames.length === 1);
    expect(frames[0]?.type).toBe('session.state');
    expect(statuses.map((s) => s.status)).toEqual(['connecting', 'open']);
  });

  it('reconnects after the server restarts and resumes from the seq reached meanwhile', async () => {
    server = await startServer();
    let lastSeq = 3;
    const { statuses, until } = open(() => lastSeq);
    const first = await server.connection(1);
    lastSeq = 9;
    first.socket.close(CloseCode.serverRestarting, 'restarting');
    const second = await server.connection(2);
    expect(second.first).toEqual({ type: 'session.resume', lastSeq: 9 });
    second.socket.send(JSON.stringify(stateFrame(9)));
    await until(() => statuses.at(-1)?.status === 'open');
    expect(statuses.map((s) => s.status)).toEqual(['connecting', 'reconnecting', 'reconnecting', 'open']);
  });

  it('stops when another connection took the session over', async () => {
    server = await startServer();
    const { statuses, until } = open(() => 0);
    (await server.connection(1)).socket.close(CloseCode.replaced, 'replaced');
    await until(() => statuses.at(-1)?.status === 'stopped');
    expect(statuses.at(-1)).toEqual({ status: 'stopped', reason: 'replaced' });
  });

  it('drops a connection that stopped answering pings and opens a new one', async () => {
    server = await startServer();
    open(() => 0, 30);
    // The first connection never answers anything; the client gives up on it and reconnects.
    await server.connection(1);
    const second = await server.connection(2);
    expect(second.first).toEqual({ type: 'session.resume', lastSeq: 0 });
  });
});

describe('sessionSocketUrl', () => {
  it('makes the path absolute with the ws scheme and adds the token', () => {
    expect(sessionSocketUrl('/api/sessions/a/ws', 't+1', 'http://127.0.0.1:8787/#/interview/a')).toBe('ws://127.0.0.1:8787/api/sessions/a/ws?token=t%2B1');
    expect(sessionSocketUrl('/api/sessions/a/ws', 't', 'https://probe.example/')).toBe('wss://probe.example/api/sessions/a/ws?token=t');
  });
});
