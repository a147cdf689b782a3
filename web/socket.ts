// The session's WebSocket: connects, resumes from the last seq it saw, parses every frame against
// the protocol, keeps the connection alive with pings and reconnects with backoff when it drops.
import { ServerFrameSchema, type ClientFrame, type ServerFrame } from '../src/protocol/ws-frames.js';
import { backoffDelay, closeAction } from './backoff.js';

export type SocketStatus = 'connecting' | 'open' | 'reconnecting' | 'stopped';

export interface SocketStatusDetail {
  /** Why the socket stopped (see closeAction). */
  reason?: string;
  retryInMs?: number;
}

export interface SessionSocketOptions {
  url: string;
  /** Highest seq applied so far, sent in `session.resume` on every (re)connect. */
  lastSeq(): number;
  /** Once the interview ended, a closed socket is not reopened. */
  isEnded(): boolean;
  onFrame(frame: ServerFrame): void;
  onStatus(status: SocketStatus, detail: SocketStatusDetail): void;
  random?: () => number;
  pingEveryMs?: number;
  /** The WebSocket class (tests pass the `ws` package's, which has the same browser-style API). */
  WebSocketImpl?: new (url: string) => WebSocket;
}

const OPEN = 1;
const CLOSED = 3;

export interface SessionSocket {
  /** Sends a frame; false when the socket is not open (the caller keeps what it wanted to send). */
  send(frame: ClientFrame): boolean;
  /** Drops the backoff wait and connects now (e.g. the browser came back online). */
  reconnectNow(): void;
  close(): void;
}

/** Opens the socket and keeps it open until `close()` or a close code that says stop. */
export function openSessionSocket(options: SessionSocketOptions): SessionSocket {
  const socket = new ReconnectingSocket(options);
  socket.connect();
  return socket;
}

class ReconnectingSocket implements SessionSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private heardSincePing = true;

  constructor(private readonly options: SessionSocketOptions) {}

  connect(): void {
    clearTimeout(this.retryTimer);
    if (this.stopped) return;
    this.options.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting', {});
    const socket = new (this.options.WebSocketImpl ?? WebSocket)(this.options.url);
    this.ws = socket;
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: 'session.resume', lastSeq: this.options.lastSeq() } satisfies ClientFrame));
      this.heardSincePing = true;
      this.pingTimer = setInterval(() => this.heartbeat(socket), this.options.pingEveryMs ?? 15_000);
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => {
      clearInterval(this.pingTimer);
      if (this.ws !== socket || this.stopped) return;
      this.ws = null;
      this.scheduleAfterClose(event.code);
    };
  }

  send(frame: ClientFrame): boolean {
    if (!this.ws || this.ws.readyState !== OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  reconnectNow(): void {
    if (this.stopped || (this.ws && this.ws.readyState !== CLOSED)) return;
    this.connect();
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.ws?.close(1000, 'client left');
    this.ws = null;
  }

  private receive(data: unknown): void {
    this.heardSincePing = true;
    const frame = parseFrame(data);
    if (!frame) return;
    // The server answers a resume with the frames missed, then session.state: the session is back.
    if (this.attempt > 0 || frame.type === 'session.state') {
      this.attempt = 0;
      this.options.onStatus('open', {});
    }
    this.options.onFrame(frame);
  }

  // A connection that went quiet (a sleeping laptop, a dead NAT entry) never fires `close` by itself.
  private heartbeat(socket: WebSocket): void {
    if (!this.heardSincePing) {
      socket.close(4000, 'no reply to ping');
      return;
    }
    this.heardSincePing = false;
    if (socket.readyState === OPEN) socket.send(JSON.stringify({ type: 'ping' } satisfies ClientFrame));
  }

  private scheduleAfterClose(code: number): void {
    const next = closeAction(code, this.options.isEnded());
    if (next.action === 'stop') {
      this.stopped = true;
      this.options.onStatus('stopped', { reason: next.reason });
      return;
    }
    const delay = Math.max(next.minDelayMs, backoffDelay(this.attempt, this.options.random ?? Math.random));
    this.attempt += 1;
    this.options.onStatus('reconnecting', { retryInMs: delay });
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }
}

function parseFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = ServerFrameSchema.safeParse(JSON.parse(data));
    if (parsed.success) return parsed.data;
    console.warn(`probe: ignored a frame that does not match the protocol (${parsed.error.issues.map((i) => i.path.join('.') || 'frame').join(', ')})`);
  } catch {
    console.warn('probe: ignored a frame that is not JSON');
  }
  return null;
}

/** The WebSocket URL of a session: `websocket` from the create response, made absolute, with the token. */
export function sessionSocketUrl(websocket: string, token: string, base: string): string {
  const url = new URL(websocket, base);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol === 'https:') url.protocol = 'wss:';
  url.searchParams.set('token', token);
  return url.toString();
}
