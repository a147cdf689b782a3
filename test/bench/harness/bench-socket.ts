// A lean WebSocket client for load generation: JSON frames, arrival timestamps, and one consumer
// awaiting frames in order. Frames are parsed with JSON.parse only (zod on every frame would make
// the load generator, which shares the machine with the server, the bottleneck); the smoke test
// checks the same traffic against the protocol schema.
import WebSocket from 'ws';
import type { ServerFrame } from '../../../src/protocol/ws-frames.js';

export interface Arrival {
  frame: ServerFrame;
  /** performance.now() when the message event fired. */
  at: number;
}

export interface BenchSocketOptions {
  /** Sees every frame as it arrives, before any consumer (e.g. to track the highest seq). */
  onFrame?: (arrival: Arrival) => void;
  /** Raw text instead of JSON (the echo server's replies). */
  raw?: boolean;
}

export class FrameTimeout extends Error {}

export class BenchSocket {
  private readonly buffer: Arrival[] = [];
  private waiter: (() => void) | undefined;
  private closeInfo: { code: number; reason: string } | undefined;
  /** The last socket error (a refused connection, a reset); the socket then closes. */
  lastError: Error | undefined;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(
    readonly ws: WebSocket,
    private readonly options: BenchSocketOptions,
  ) {
    // Without a listener, an 'error' (e.g. the server was killed) would crash the load generator.
    ws.on('error', (error) => (this.lastError = error));
    ws.on('message', (data, isBinary) => {
      const at = performance.now();
      const text = isBinary ? '' : data.toString();
      const frame = (options.raw ? { type: 'raw', text } : JSON.parse(text)) as ServerFrame;
      const arrival = { frame, at };
      options.onFrame?.(arrival);
      this.buffer.push(arrival);
      this.waiter?.();
    });
    this.closed = new Promise((resolve) =>
      ws.once('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
        this.waiter?.();
      }),
    );
  }

  static open(url: string, options: BenchSocketOptions = {}, timeoutMs = 30_000): Promise<BenchSocket> {
    const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
    const socket = new BenchSocket(ws, options);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(socket));
      ws.once('error', reject);
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends a frame; returns performance.now() just before the write. */
  send(frame: object | string): number {
    const at = performance.now();
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    return at;
  }

  /** The next frame matching `match`; frames before it are dropped. Rejects on close or timeout. */
  next(match: (frame: ServerFrame) => boolean, timeoutMs = 30_000, what = 'a frame'): Promise<Arrival> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new FrameTimeout(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
      const finish = (error?: Error, found?: Arrival) => {
        clearTimeout(timer);
        this.waiter = undefined;
        if (error) reject(error);
        else resolve(found as Arrival);
      };
      const check = () => {
        while (this.buffer.length > 0) {
          const arrival = this.buffer.shift() as Arrival;
          if (match(arrival.frame)) return finish(undefined, arrival);
        }
        if (this.closeInfo) finish(new Error(`socket closed (${this.closeInfo.code} ${this.closeInfo.reason}) while waiting for ${what}`));
      };
      this.waiter = check;
      check();
    });
  }

  /** Frames received and not yet consumed. */
  drain(): Arrival[] {
    return this.buffer.splice(0, this.buffer.length);
  }

  close(code = 1000): Promise<{ code: number; reason: string }> {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code);
    return this.closed;
  }

  /** Drops the TCP connection without a close handshake. */
  terminate(): void {
    this.ws.terminate();
  }
}
