// A candidate that survives the server dying under it: it reconnects (to wherever the server now
// listens), resumes with the highest seq it holds, resends an answer that was never acknowledged
// under the same clientId (the server de-duplicates), and keeps what it was told was stored, so the
// database can be checked against it afterwards.
import type { Bank } from '../../../src/engine/bank/schema.js';
import type { Plan, PlanOptions } from '../../../src/engine/plan.js';
import type { CreateSessionResponse } from '../../../src/protocol/http.js';
import type { ServerFrame, ServerFrameOf } from '../../../src/protocol/ws-frames.js';
import { answerFor, planFor } from '../harness/answer-corpus.js';
import { BenchSocket, FrameTimeout, type Arrival } from '../harness/bench-socket.js';
import { createSession, socketUrl } from '../harness/session-api.js';

/** What one session's client knows: every answer the server acknowledged, by clientId. */
export interface SessionRecord {
  id: string;
  acked: Map<string, { seq: number; text: string }>;
  ended: boolean;
  /** Reconnections after the connection dropped. */
  resumes: number;
  /** session.resume refused (an error frame or a refusing close) or no answer in time. */
  resumeFailures: number;
}

export interface ClientTally {
  answersSent: number;
  resent: number;
  /** Acks received for an answer that was resent after a reconnect. */
  ackedAfterResend: number;
  errors: Map<string, number>;
  /** A replayed ack whose text differs from what was sent (must stay 0). */
  textMismatches: number;
  /** Answers sent and not yet acknowledged, right now. */
  inFlight: number;
}

export interface ResilientOptions {
  /** The server's current base URL (it moves when the server restarts on port 0). */
  url: () => string;
  bank: Bank;
  plan: PlanOptions;
  seed: number;
  rng: () => number;
  /** Think time range (ms) before each answer. */
  think: [number, number];
  /** Give up on the session (it counts as not finished) after this performance.now() (read as it goes). */
  giveUpAt: () => number;
  tally: ClientTally;
}

type Line = ServerFrameOf<'line'>;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** Creates a session, retrying while the server is down; undefined if it never could. */
async function create(o: ResilientOptions): Promise<CreateSessionResponse | undefined> {
  while (performance.now() < o.giveUpAt()) {
    try {
      return await createSession(o.url(), { ...o.plan, seed: o.seed });
    } catch {
      await sleep(50);
    }
  }
  return undefined;
}

async function connect(o: ResilientOptions, session: { websocket: string; token: string }, watch: (a: Arrival) => void): Promise<BenchSocket | undefined> {
  while (performance.now() < o.giveUpAt()) {
    try {
      return await BenchSocket.open(socketUrl(o.url(), session), { onFrame: watch }, 5000);
    } catch {
      await sleep(50);
    }
  }
  return undefined;
}

/** Runs one interview to its end through any number of server deaths. */
export async function runResilientSession(o: ResilientOptions): Promise<SessionRecord | undefined> {
  const session = await create(o);
  if (!session) return undefined;
  const candidate = new ResilientCandidate(o, session);
  await candidate.run();
  return candidate.record;
}

class ResilientCandidate {
  readonly record: SessionRecord;
  private readonly plan: Plan;
  private readonly sent = new Map<string, string>();
  private lastSeq = 0;
  /** The seq of the last line answered. */
  private answered = 0;
  private pending: { clientId: string; text: string; resent: boolean } | undefined;
  private n = 0;

  constructor(
    private readonly o: ResilientOptions,
    private readonly session: CreateSessionResponse,
  ) {
    this.plan = planFor(o.bank, { ...o.plan, seed: o.seed });
    this.record = { id: session.id, acked: new Map(), ended: false, resumes: 0, resumeFailures: 0 };
  }

  async run(): Promise<void> {
    for (let first = true; !this.record.ended && performance.now() < this.o.giveUpAt(); first = false) {
      const socket = await connect(this.o, this.session, (a) => this.watch(a));
      if (!socket) return;
      if (!first) this.record.resumes += 1;
      try {
        if ((await this.resume(socket)) && !this.record.ended) await converse(socket, (line) => this.answer(socket, line.seq, line.questionIndex ?? 0, line.progress.followUp), () => this.answered, this.o.tally);
      } catch (error) {
        if (error instanceof FrameTimeout) count(this.o.tally.errors, 'timed out waiting for the server');
      } finally {
        socket.terminate();
      }
    }
  }

  /** Sees every frame first: the highest seq, acknowledgements, the end. */
  private watch({ frame }: Arrival): void {
    if ('seq' in frame) this.lastSeq = Math.max(this.lastSeq, frame.seq);
    if (frame.type === 'session.ended') this.record.ended = true;
    if (frame.type !== 'answer.ack' || frame.clientId === null) return;
    const text = this.sent.get(frame.clientId) ?? '';
    if (frame.text !== undefined && frame.text !== text) this.o.tally.textMismatches += 1;
    this.record.acked.set(frame.clientId, { seq: frame.seq, text });
    if (this.pending?.clientId !== frame.clientId) return;
    if (this.pending.resent) this.o.tally.ackedAfterResend += 1;
    this.pending = undefined;
    this.o.tally.inFlight -= 1;
  }

  /** session.resume, then whatever the state calls for: start, resend, or answer the pending line. */
  private async resume(socket: BenchSocket): Promise<boolean> {
    socket.send({ type: 'session.resume', lastSeq: this.lastSeq });
    const state = (await socket.next((f) => f.type === 'session.state' || f.type === 'error', 10_000, 'session.state')).frame;
    if (state.type !== 'session.state') {
      this.record.resumeFailures += 1;
      return false;
    }
    if (state.phase === 'ended') {
      await socket.next((f) => f.type === 'report.ready', 10_000, 'report.ready');
      return true;
    }
    if (state.phase === 'not-started') socket.send({ type: 'session.start' });
    if (this.pending) {
      // Never acknowledged: send it again under the same clientId; if it was stored, the server says so.
      this.o.tally.resent += 1;
      this.pending.resent = true;
      socket.send({ type: 'answer.submit', text: this.pending.text, clientId: this.pending.clientId });
    } else if (state.phase === 'answering' && state.pendingQuestion && state.pendingQuestion.seq > this.answered) {
      await this.answer(socket, state.pendingQuestion.seq, state.progress.questionNumber - 1, state.progress.followUp);
    }
    return true;
  }

  private async answer(socket: BenchSocket, line: number, questionIndex: number, round: number): Promise<void> {
    await sleep(this.o.think[0] + this.o.rng() * (this.o.think[1] - this.o.think[0]));
    const question = this.plan.questions[questionIndex];
    if (!question || !socket.isOpen) return;
    const text = answerFor(question, this.o.seed, round);
    const clientId = `a${++this.n}`;
    this.sent.set(clientId, text);
    this.pending = { clientId, text, resent: false };
    this.answered = line;
    this.o.tally.answersSent += 1;
    this.o.tally.inFlight += 1;
    socket.send({ type: 'answer.submit', text, clientId });
  }
}

/** Answers each new question or follow-up until the session ends (or the socket dies: throws). */
async function converse(socket: BenchSocket, onPrompt: (line: Line) => Promise<void>, answered: () => number, tally: ClientTally): Promise<void> {
  for (;;) {
    const { frame } = await socket.next((f: ServerFrame) => f.type === 'line' || f.type === 'report.ready' || f.type === 'error', 15_000, 'the next line');
    if (frame.type === 'report.ready') return;
    if (frame.type === 'error') {
      count(tally.errors, frame.code);
      continue;
    }
    if (frame.type === 'line' && (frame.kind === 'question' || frame.kind === 'follow-up') && frame.seq > answered()) await onPrompt(frame);
  }
}
