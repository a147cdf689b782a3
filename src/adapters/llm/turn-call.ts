// One streamed call per turn: the model judges the answer, decides the next move and writes the line
// that follows, in that order, in one reply (a JSON object, then the line). This module asks for it
// and splits the stream: the object as soon as it is complete, the line's pieces as they arrive.
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { JudgeInput } from '../../engine/effects.js';
import type { AssessContext } from '../../engine/ports.js';
import type { TokenUsage } from '../../engine/scoring/types.js';
import { JudgeOutputInvalid } from '../../errors.js';
import { addUsage } from './call-outcome.js';
import { describeFailure } from './failure-reason.js';
import { judgeMessage } from './judge-request.js';
import { summaryLines } from './line-request.js';
import { keptRenders } from './kept-renders.js';
import type { LlmClient } from './llm-client.js';
import type { LoadedPrompts } from './load-prompts.js';
import { streamCompletion } from './stream-call.js';
import { JsonObjectEnd, LineFeed } from './turn-stream.js';

export interface TurnCall {
  /** The reply's JSON object, or what ended the call before it was complete. */
  header: Promise<{ ok: true; text: string } | { ok: false; error: unknown }>;
  /** The line after the object. */
  feed: LineFeed;
  /** Tokens of the whole call, once the stream has ended. */
  usage(): TokenUsage | undefined;
  cancel(): void;
}

function examplesOf(next: AssessContext, targets: string[]): string {
  const round = next.followUpsAsked + 1;
  return targets
    .map((id) => {
      const authored = next.question.followUps.filter((f) => f.target === id);
      const example = authored.length > 0 ? (authored[(round - 1) % authored.length]?.prompt ?? '') : 'What else would you add?';
      return `- ${id}: ${example}`;
    })
    .join('\n');
}

/** The line message's parts that depend on the question in play, the next one, or the mode (kept-renders.ts). */
const keptLine = keptRenders();

/** How to write the line a move on leads to: the bridge to the next question (kept per question), or the closing. */
function moveOnPart(prompts: LoadedPrompts, next: AssessContext): Promise<string> {
  const upcoming = next.upcoming;
  if (!upcoming) {
    const summary = next.closing.summary;
    return prompts.render('turnClose', { summary: summaryLines(summary) || '(no earlier questions)', question_number: String(summary.length + 1) });
  }
  return keptLine(prompts, upcoming.question, `${upcoming.number}\u0000${upcoming.total}`, () =>
    prompts.render('turnMoveOn', { question: upcoming.question.prompt, question_number: String(upcoming.number), question_total: String(upcoming.total) }),
  );
}

/** The last message of the turn call: how to write the line after the object. */
export async function turnLineMessage(prompts: LoadedPrompts, next: AssessContext, targets: string[]): Promise<string> {
  const round = String(next.followUpsAsked + 1);
  const followUp =
    targets.length > 0 ? await keptLine(prompts, next.question, `${round}\u0000${targets.join('\u0000')}`, () => prompts.render('turnFollowUp', { round, examples: examplesOf(next, targets) })) : '';
  const moveOn = await moveOnPart(prompts, next);
  const persona = await keptLine(prompts, prompts, next.mode, () => prompts.render('persona', { mode: next.mode }));
  return prompts.render('turnLine', { persona, follow_up: followUp, move_on: moveOn });
}

/** The judge's messages, the decision's (when a follow-up is possible), then the line's. */
export async function turnMessages(prompts: LoadedPrompts, input: JudgeInput, decision: string | undefined, line: string): Promise<ChatCompletionMessageParam[]> {
  return [
    { role: 'system', content: await prompts.render('judgeSystem', {}) },
    { role: 'user', content: await judgeMessage(prompts, input.question, input.answer) },
    ...(decision ? [{ role: 'user' as const, content: decision }] : []),
    { role: 'user', content: line },
  ];
}

/** Starts the call; nothing it does throws (failures arrive through `header` and the feed's end). */
export function startTurnCall(client: LlmClient, messages: ChatCompletionMessageParam[], signal?: AbortSignal): TurnCall {
  const stop = new AbortController();
  const feed = new LineFeed();
  const object = new JsonObjectEnd();
  let text = '';
  let usage: TokenUsage | undefined;
  let resolveHeader!: (header: Awaited<TurnCall['header']>) => void;
  let settled = false;
  const header = new Promise<Awaited<TurnCall['header']>>((resolve) => (resolveHeader = resolve));
  const settle = (value: Awaited<TurnCall['header']>) => {
    if (settled) return;
    settled = true;
    resolveHeader(value);
  };
  const onDelta = (delta: string) => {
    if (object.end !== undefined) {
      feed.push(delta);
      return true;
    }
    text += delta;
    if (object.scan(text)) {
      const end = object.end ?? text.length;
      settle({ ok: true, text: text.slice(0, end) });
      if (end < text.length) feed.push(text.slice(end));
    }
    return true;
  };
  const spent = (u: TokenUsage | undefined) => void (usage = addUsage(usage, u));
  streamCompletion(client, { model: client.settings.judgeModel, messages, onDelta }, spent, signal ? AbortSignal.any([signal, stop.signal]) : stop.signal).then(
    () => {
      if (!settled) settle({ ok: false, error: new JudgeOutputInvalid('judge reply had no complete JSON object') });
      feed.end({ ok: true });
    },
    (error: unknown) => {
      settle({ ok: false, error });
      feed.end({ ok: false, reason: describeFailure(error, client.settings.maxRetries) });
    },
  );
  return { header, feed, usage: () => usage, cancel: () => stop.abort() };
}
