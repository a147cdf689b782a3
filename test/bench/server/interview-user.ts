// One virtual candidate: creates a session, starts it, and answers every question and follow-up
// from the fixed corpus, interview after interview, until the deadline. A turn is timed from
// sending answer.submit to the arrival of the next interviewer line's final `line` frame (the
// follow-up, the next question or the closing), which the server sends only after committing it.
import type { Bank } from '../../../src/engine/bank/schema.js';
import type { PlanOptions } from '../../../src/engine/plan.js';
import type { ServerFrame, ServerFrameOf } from '../../../src/protocol/ws-frames.js';
import { answerFor, planFor } from '../harness/answer-corpus.js';
import { BenchSocket, type Arrival } from '../harness/bench-socket.js';
import { createSession, socketUrl } from '../harness/session-api.js';
import type { UserContext } from '../harness/virtual-users.js';

export interface InterviewUserOptions {
  baseUrl: string;
  bank: Bank;
  plan: PlanOptions;
  timeoutMs: number;
  /** Counts finished interviews and turns (all of them, warm-up included). */
  tally: { interviews: number; turns: number };
  /** Makes, per socket, a watcher of every frame as it arrives (the relay benchmark times line.delta). */
  watch?: () => (arrival: Arrival) => void;
}

/** A line the candidate answers: a question, a follow-up, or the closing that ends the interview. */
export const isPrompt = (f: ServerFrame): f is ServerFrameOf<'line'> => f.type === 'line' && (f.kind === 'question' || f.kind === 'follow-up' || f.kind === 'closing');

/** Runs `one` (an interview, given its seed) back to back until the deadline; one cut by the deadline is left open. */
export async function untilDeadline(ctx: UserContext, one: (seed: number) => Promise<void>): Promise<void> {
  for (let n = 0; performance.now() < ctx.deadline; n += 1) {
    try {
      await one(ctx.index * 1000 + n);
    } catch (error) {
      ctx.error('interview failed', error);
    }
  }
}

/** Runs interviews back to back until the deadline. */
export async function interviewUser(ctx: UserContext, options: InterviewUserOptions): Promise<void> {
  await untilDeadline(ctx, (seed) => oneInterview(ctx, options, seed));
}

async function oneInterview(ctx: UserContext, o: InterviewUserOptions, seed: number): Promise<void> {
  const plan = planFor(o.bank, { ...o.plan, seed });
  const session = await createSession(o.baseUrl, { ...o.plan, seed });
  const socket = await BenchSocket.open(socketUrl(o.baseUrl, session), o.watch ? { onFrame: o.watch() } : {}, o.timeoutMs);
  try {
    socket.send({ type: 'session.start' });
    let line = (await socket.next(isPrompt, o.timeoutMs, 'the first question')).frame as ServerFrameOf<'line'>;
    for (let turn = 0; line.kind !== 'closing'; turn += 1) {
      await ctx.think();
      if (performance.now() >= ctx.deadline) return;
      const question = plan.questions[line.questionIndex ?? 0];
      if (!question) throw new Error(`line for unknown question ${line.questionIndex}`);
      const text = answerFor(question, seed, line.progress.followUp);
      const sent = socket.send({ type: 'answer.submit', text, clientId: `a${turn}` });
      const ack = await socket.next((f) => f.type === 'answer.ack' || f.type === 'error', o.timeoutMs, 'answer.ack');
      if (ack.frame.type === 'error') throw new Error(`answer refused: ${ack.frame.code} ${ack.frame.message}`);
      const next = await socket.next(isPrompt, o.timeoutMs, 'the next line');
      ctx.record({ at: sent, latencyMs: next.at - sent, ackMs: ack.at - sent });
      o.tally.turns += 1;
      line = next.frame as ServerFrameOf<'line'>;
    }
    await socket.next((f) => f.type === 'report.ready', o.timeoutMs, 'report.ready');
    o.tally.interviews += 1;
  } finally {
    await socket.close();
  }
}
