// A small WebSocket test client: connects with `ws`, parses every server frame with the protocol
// schema, and lets a test await frames by type, in order.
import WebSocket from 'ws';
import { ServerFrameSchema, type ClientFrame, type ServerFrame, type ServerFrameOf, type ServerFrameType } from '../../src/protocol/ws-frames.js';

export interface SocketOptions {
  origin?: string;
  /** How long `next` waits before failing (ms). */
  timeoutMs?: number;
}

export interface TestSocket {
  readonly ws: WebSocket;
  /** Every frame received so far, parsed. */
  readonly frames: ServerFrame[];
  /** Resolves with the close code and reason once the socket is closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
  send(frame: ClientFrame | string): void;
  /** The next frame of this type after the last one `next` returned (optionally matching `where`). */
  next<T extends ServerFrameType>(type: T, where?: (f: ServerFrameOf<T>) => boolean): Promise<ServerFrameOf<T>>;
  /** Waits until the frames received so far satisfy `check`. */
  until(check: (frames: ServerFrame[]) => boolean, what?: string): Promise<void>;
  close(): Promise<void>;
}

export function openSocket(url: string, options: SocketOptions = {}): Promise<TestSocket> {
  const ws = new WebSocket(url, options.origin ? { origin: options.origin } : {});
  const frames: ServerFrame[] = [];
  const waiters = new Set<() => void>();
  let invalid: Error | undefined;
  let cursor = 0;
  const timeoutMs = options.timeoutMs ?? 10_000;

  ws.on('message', (data, isBinary) => {
    try {
      frames.push(ServerFrameSchema.parse(JSON.parse(isBinary ? '' : data.toString())));
    } catch (error) {
      invalid = new Error(`server sent a frame outside the protocol: ${data.toString().slice(0, 200)}`, { cause: error });
    }
    for (const wake of [...waiters]) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
      for (const wake of [...waiters]) wake();
    }),
  );

  const wait = <T>(find: () => T | undefined, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${describe(frames)}`)), timeoutMs);
      const check = () => {
        if (invalid) return done(invalid);
        const found = find();
        if (found !== undefined) return done(undefined, found);
        if (ws.readyState === WebSocket.CLOSED) done(new Error(`socket closed while waiting for ${what}; got ${describe(frames)}`));
      };
      const done = (error?: Error, value?: T) => {
        clearTimeout(timer);
        waiters.delete(check);
        if (error) reject(error);
        else resolve(value as T);
      };
      waiters.add(check);
      check();
    });

  const socket: TestSocket = {
    ws,
    frames,
    closed,
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    next: (type, where) =>
      wait(() => {
        for (let i = cursor; i < frames.length; i++) {
          const f = frames[i] as ServerFrame;
          if (f.type === type && (!where || where(f as ServerFrameOf<typeof type>))) {
            cursor = i + 1;
            return f as ServerFrameOf<typeof type>;
          }
        }
        return undefined;
      }, `a ${type} frame`),
    until: async (check, what = 'a condition') => {
      await wait(() => (check(frames) ? true : undefined), what);
    },
    close: async () => {
      if (ws.readyState !== WebSocket.CLOSED) ws.close(1000);
      await closed;
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('error', reject);
  });
}

const describe = (frames: ServerFrame[]): string => `[${frames.map((f) => f.type).join(', ')}]`;
