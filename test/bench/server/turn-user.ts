// One virtual candidate of the LLM turn benchmark: runs interviews back to back like
// interview-user.ts, and appends to each answer a marker naming the session and turn, so the
// scripted model can tell which turn each call served. Each turn records when the answer went out,
// when the next line arrived, that line's text (whose first word names the call that made it) and
// the marker.
import type { Bank } from '../../../src/engine/bank/schema.js';
import type { PlanOptions } from '../../../src/engine/plan.js';
import type { ServerFrameOf } from '../../../src/protocol/ws-frames.js';
import { answerFor, planFor } from '../harness/answer-corpus.js';
import { BenchSocket } from '../harness/bench-socket.js';
import type { CreateSessionBody, CreateSessionResponse } from '../../../src/protocol/http.js';
import { socketUrl } from '../harness/session-api.js';
import type { UserContext } from '../harness/virtual-users.js';
import { turnMarker } from './turn-model.js';
import { isPrompt, untilDeadline } from './interview-user.js';

export interface TurnRecord {
  at: number;
  end: number;
  marker: string;
  lineText: string;
  lineBy: string;
  fallback: boolean;
}

export interface TurnUserOptions {
  baseUrl: string;
  bank: Bank;
  plan: PlanOptions;
  timeoutMs: number;
  turns: TurnRecord[];
  tally: { interviews: number; fallbacks: number; refused: number };
}

export async function turnUser(ctx: UserContext, options: TurnUserOptions): Promise<void> {
  await untilDeadline(ctx, (seed) => oneInterview(ctx, options, seed));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Creates a session; a 503 (the server is saturated) is waited out as its Retry-After says. */
async function createSession(o: TurnUserOptions, body: CreateSessionBody, deadline: number): Promise<CreateSessionResponse | undefined> {
  for (;;) {
    const res = await fetch(`${o.baseUrl}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status === 201) return (await res.json()) as CreateSessionResponse;
    const text = await res.text();
    if (res.status !== 503) throw new Error(`POST /api/sessions answered ${res.status}: ${text.slice(0, 200)}`);
    o.tally.refused += 1;
    if (performance.now() >= deadline) return undefined;
    await sleep(Number(res.headers.get('retry-after') ?? '1') * 1000);
  }
}

async function oneInterview(ctx: UserContext, o: TurnUserOptions, seed: number): Promise<void> {
  const plan = planFor(o.bank, { ...o.plan, seed });
  const session = await createSession(o, { ...o.plan, seed }, ctx.deadline);
  if (!session) return;
  const socket = await BenchSocket.open(socketUrl(o.baseUrl, session), {}, o.timeoutMs);
  try {
    socket.send({ type: 'session.start' });
    let line = (await socket.next(isPrompt, o.timeoutMs, 'the first question')).frame as ServerFrameOf<'line'>;
    for (let turn = 0; line.kind !== 'closing'; turn += 1) {
      await ctx.think();
      if (performance.now() >= ctx.deadline) return;
      const question = plan.questions[line.questionIndex ?? 0];
      if (!question) throw new Error(`line for unknown question ${line.questionIndex}`);
      const marker = turnMarker(seed, turn);
      const text = `${answerFor(question, seed, line.progress.followUp)} (${marker})`;
      const sent = socket.send({ type: 'answer.submit', text, clientId: `a${turn}` });
      const ack = await socket.next((f) => f.type === 'answer.ack' || f.type === 'error', o.timeoutMs, 'answer.ack');
      if (ack.frame.type === 'error') throw new Error(`answer refused: ${ack.frame.code} ${ack.frame.message}`);
      const next = await socket.next(isPrompt, o.timeoutMs, 'the next line');
      line = next.frame as ServerFrameOf<'line'>;
      if (line.fallback) o.tally.fallbacks += 1;
      if (sent >= ctx.windowStart && sent < ctx.deadline) o.turns.push({ at: sent, end: next.at, marker, lineText: line.text, lineBy: line.by, fallback: line.fallback !== null });
      ctx.record({ at: sent, latencyMs: next.at - sent, ackMs: ack.at - sent });
    }
    await socket.next((f) => f.type === 'report.ready', o.timeoutMs, 'report.ready');
    o.tally.interviews += 1;
  } finally {
    await socket.close();
  }
}
