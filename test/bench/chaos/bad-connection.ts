// One connection sending bad frames: it brings its session to a state (not started, mid-interview
// or ended), then sends a seeded mix of bad frames one at a time, each checked against the answer
// the protocol promises. After a 1009 close (an oversized frame) it reconnects and resumes.
import { createRng } from '../../../src/engine/random.js';
import type { ServerFrame } from '../../../src/protocol/ws-frames.js';
import { BenchSocket } from '../harness/bench-socket.js';
import { createSession, socketUrl } from '../harness/session-api.js';
import { badFrame, type BadFrame, type SessionKind } from './bad-frames.js';

export interface KindTally {
  sent: number;
  answered: number;
  /** Answered with something the protocol does not promise for it (must be 0). */
  wrong: number;
  /** No answer within 5 s (must be 0). */
  silent: number;
}

export interface BadInputTally {
  kinds: Record<string, KindTally>;
  wrongExamples: string[];
  tooBigCloses: number;
  /** Sessions reopened after a 1009 close that resumed cleanly (session.state received). */
  resumedAfterTooBig: number;
}

export interface BadConnectionOptions {
  url: string;
  index: number;
  seed: number;
  frames: number;
  limits: { maxAnswerChars: number; maxFrameBytes: number };
  /** Pause between frames: under the rate limit, every frame is answered. */
  paceMs: number;
  onFrame: (a: { frame: ServerFrame }) => void;
}

const PLAN = { mode: 'mock' as const, questionCount: 3, maxFollowUps: 1 };
const STATES: readonly SessionKind[] = ['not-started', 'answering', 'ended'];
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function prepare(socket: BenchSocket, state: SessionKind): Promise<void> {
  if (state === 'not-started') return;
  socket.send({ type: 'session.start' });
  await socket.next((f) => f.type === 'line' && f.kind === 'question', 10_000, 'the first question');
  if (state !== 'ended') return;
  socket.send({ type: 'session.end' });
  await socket.next((f) => f.type === 'report.ready', 10_000, 'report.ready');
}

/** Sends one bad frame and checks the answer; resolves to whether the socket was closed. */
async function sendOne(socket: BenchSocket, bad: BadFrame, tally: BadInputTally): Promise<boolean> {
  const kind = (tally.kinds[bad.kind] ??= { sent: 0, answered: 0, wrong: 0, silent: 0 });
  const wrong = (what: string) => {
    kind.wrong += 1;
    if (tally.wrongExamples.length < 5) tally.wrongExamples.push(`${bad.kind} ${String(bad.data).slice(0, 60)}: ${what}`);
  };
  kind.sent += 1;
  socket.ws.send(bad.data);
  const answer = await socket.next(() => true, 5000, 'an answer').catch(() => undefined);
  if (answer) {
    kind.answered += 1;
    const { frame } = answer;
    if ('close' in bad.expect) wrong(`expected close ${bad.expect.close}, got ${frame.type}`);
    else if (frame.type !== 'error' || !bad.expect.codes.includes(frame.code)) wrong(`expected ${bad.expect.codes.join('|')}, got ${JSON.stringify(frame).slice(0, 100)}`);
    return false;
  }
  if (!('close' in bad.expect)) {
    kind.silent += 1;
    return false;
  }
  const closed = await socket.closed;
  kind.answered += 1;
  if (closed.code !== bad.expect.close) wrong(`expected close ${bad.expect.close}, got ${closed.code}`);
  tally.tooBigCloses += 1;
  return true;
}

/** Resumes after a 1009 close; consumes what the server sends on resume so the next answer lines up. */
async function resume(socket: BenchSocket): Promise<boolean> {
  socket.send({ type: 'session.resume', lastSeq: 0 });
  const state = await socket.next((f) => f.type === 'session.state', 10_000, 'session.state').catch(() => undefined);
  if (state?.frame.type === 'session.state' && state.frame.phase === 'ended') await socket.next((f) => f.type === 'report.ready', 10_000, 'report.ready');
  return state !== undefined && socket.drain().length === 0;
}

export async function badConnection(o: BadConnectionOptions, tally: BadInputTally): Promise<void> {
  const rng = createRng(o.seed * 101 + o.index);
  const state = STATES[o.index % STATES.length] as SessionKind;
  const session = await createSession(o.url, { ...PLAN, seed: o.index });
  const open = () => BenchSocket.open(socketUrl(o.url, session), { onFrame: o.onFrame });
  let socket = await open();
  await prepare(socket, state);
  for (let i = 0; i < o.frames; i += 1) {
    if (await sendOne(socket, badFrame(state, rng, o.limits.maxAnswerChars, o.limits.maxFrameBytes), tally)) {
      socket = await open();
      if (await resume(socket)) tally.resumedAfterTooBig += 1;
    }
    await sleep(o.paceMs);
  }
  await socket.close();
}
