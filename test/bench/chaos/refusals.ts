// The bad input that is refused by closing: floods over the rate limit (warned with rate_limited,
// then closed with 1008) and handshakes without the right token or session (closed 4401/4404).
import type { ServerFrame } from '../../../src/protocol/ws-frames.js';
import { BenchSocket } from '../harness/bench-socket.js';
import { createSession, socketUrl } from '../harness/session-api.js';

export interface FloodTally {
  connections: number;
  frames: number;
  closed1008: number;
  warned: number;
}

const PLAN = { mode: 'mock' as const, questionCount: 3, maxFollowUps: 1 };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const closedWithin = (socket: BenchSocket, ms: number) => Promise.race([socket.closed, sleep(ms).then(() => ({ code: 0 }))]);

/** Sends `frames` pings at once on a fresh session's socket. */
export async function flood(url: string, seed: number, frames: number, tally: FloodTally, onFrame: (a: { frame: ServerFrame }) => void): Promise<void> {
  const session = await createSession(url, { ...PLAN, seed });
  const socket = await BenchSocket.open(socketUrl(url, session), { onFrame });
  for (let i = 0; i < frames; i += 1) socket.ws.send(JSON.stringify({ type: 'ping' }));
  tally.frames += frames;
  if ((await closedWithin(socket, 15_000)).code === 1008) tally.closed1008 += 1;
  if (socket.drain().some((a) => a.frame.type === 'error' && a.frame.code === 'rate_limited')) tally.warned += 1;
  socket.terminate();
}

/** Opens a socket with no token, a wrong token, or to an unknown session; true when refused as documented. */
export async function knock(url: string, seed: number, variant: number, onFrame: (a: { frame: ServerFrame }) => void): Promise<boolean> {
  const session = await createSession(url, { ...PLAN, seed });
  const variants: [string, number][] = [
    [socketUrl(url, { ...session, token: '' }).replace(/\?token=$/, ''), 4401],
    // A wrong token answers like an unknown session: nothing says whether the session exists.
    [socketUrl(url, { ...session, token: 'not-the-token' }), 4404],
    [socketUrl(url, { websocket: '/api/sessions/no-such-session/ws', token: session.token }), 4404],
  ];
  const [target, code] = variants[variant % variants.length] as [string, number];
  const socket = await BenchSocket.open(target, { onFrame }).catch(() => undefined);
  const closed = socket ? await closedWithin(socket, 5000) : { code: -1 };
  socket?.terminate();
  return closed.code === code;
}
