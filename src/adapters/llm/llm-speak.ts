// Phrases one interviewer line with the LLM, streaming it through the line guard (no scores, no
// reveals). A cut or rejected line is retried once; then the offline line stands in, with the reason.
//
// What the client sees: deltas go out as they pass the guard. A retry streams only if nothing of
// the first attempt was shown; otherwise it is buffered. When the offline line stands in after
// deltas were shown, no more deltas are sent: the `said` line (and the client's final line frame)
// carries the full text and the fallback reason, and replaces whatever deltas showed.
import type { SpeakInput } from '../../engine/effects.js';
import { OFFLINE_ID } from '../../engine/interviewer/offline-interviewer.js';
import { offlineLine } from '../../engine/interviewer/offline-lines.js';
import type { SpokenLine } from '../../engine/ports.js';
import { LlmOutputInvalid } from '../../errors.js';
import { withOneRetry } from './call-outcome.js';
import { guardOptions, planLine, type LinePlan } from './line-request.js';
import type { LlmClient } from './llm-client.js';
import { createLineGuard } from './line-guard.js';
import type { LoadedPrompts } from './load-prompts.js';
import { streamCompletion } from './stream-call.js';

export interface SpeakContext {
  client: LlmClient;
  prompts: LoadedPrompts;
  /** "llm:<model>" */
  id: string;
}

async function messagesFor(ctx: SpeakContext, input: SpeakInput, plan: Extract<LinePlan, { llm: true }>) {
  return [
    { role: 'system' as const, content: await ctx.prompts.render('persona', { mode: input.mode }) },
    { role: 'user' as const, content: await plan.render(ctx.prompts) },
  ];
}

/** Speaks `input`'s line; never throws for an LLM failure. */
export async function speakWithLlm(ctx: SpeakContext, input: SpeakInput, onDelta: (delta: string) => void, signal?: AbortSignal): Promise<SpokenLine> {
  const plan = planLine(input);
  if (!plan.llm) {
    const text = offlineLine(input);
    onDelta(text);
    return { text, by: OFFLINE_ID };
  }
  const messages = await messagesFor(ctx, input, plan);
  let shown = 0;
  let streamedLive = false;
  const outcome = await withOneRetry(async (attempt, spent) => {
    const live = attempt === 1 || shown === 0;
    streamedLive = live;
    const emit = (text: string) => {
      if (!live || text === '') return;
      shown += text.length;
      onDelta(text);
    };
    const guard = createLineGuard(guardOptions(input));
    const pass = (delta: string) => {
      emit(guard.push(delta));
      return guard.problem === undefined;
    };
    // The call's own signal: the SDK keeps a listener on it, which must not pile up on the caller's.
    const raw = await streamCompletion(ctx.client, { model: ctx.client.settings.model, messages, onDelta: pass }, spent, signal && AbortSignal.any([signal]));
    emit(guard.flush());
    if (guard.problem) throw new LlmOutputInvalid(`line ${guard.problem}`);
    return raw.trim();
  }, ctx.client);
  const usage = outcome.usage ? { usage: outcome.usage } : {};
  if (!outcome.ok) {
    const text = offlineLine(input);
    if (shown === 0) onDelta(text);
    return { text, by: OFFLINE_ID, fallback: outcome.reason, ...usage };
  }
  if (plan.suffix && streamedLive) onDelta(plan.suffix);
  return { text: `${outcome.value}${plan.suffix}`, by: ctx.id, ...usage };
}
