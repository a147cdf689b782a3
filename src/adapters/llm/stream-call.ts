// One streamed completion: content deltas as they arrive, token usage from the final chunk, and a
// stream that stops early (cut, stalled, length limit) reported as such rather than as a short line.
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { TokenUsage } from '../../engine/scoring/types.js';
import { LlmOutputInvalid, LlmUnavailable } from '../../errors.js';
import { BodyStalled } from './body-timeout.js';
import type { LlmClient } from './llm-client.js';
import { readChunks } from './sse-chunks.js';
import { usageOf } from './structured-call.js';

export interface StreamRequest {
  model: string;
  messages: ChatCompletionMessageParam[];
  /** Sees each delta; returning false stops the stream (e.g. the line is being rejected). */
  onDelta: (delta: string) => boolean;
}

/**
 * Streams a completion and resolves to its whole text. Throws LlmOutputInvalid when the stream
 * was cut or hit the length limit (worth one retry), LlmUnavailable when it stalled for longer
 * than the client timeout; connection errors, 429 and 5xx before the first byte are the SDK's.
 */
export async function streamCompletion(client: LlmClient, req: StreamRequest, spent: (u: TokenUsage | undefined) => void, signal?: AbortSignal): Promise<string> {
  const release = await client.gate.acquire(signal);
  try {
    return await streamWithin(client, req, spent, signal);
  } finally {
    release();
  }
}

/**
 * `signal` is the call's own (the SDK hands it to fetch, which stops the body when it aborts); a
 * stalled body or a rejected line ends the request by cancelling the body's reader, so no
 * controller or combined signal is made per call.
 */
async function streamWithin(client: LlmClient, req: StreamRequest, spent: (u: TokenUsage | undefined) => void, signal?: AbortSignal): Promise<string> {
  // The request through the SDK (retries, status errors); the events read by sse-chunks.ts.
  const response = await client.openai.chat.completions
    .create({ model: req.model, messages: req.messages, stream: true, stream_options: { include_usage: true } }, signal ? { signal } : undefined)
    .asResponse();
  const chunks = readChunks(response);
  let stalled = false;
  let stopped = false;
  // The SDK's timeout ends when the headers arrive; a body that goes quiet needs its own.
  // One timer, pushed back on every read (refresh() is far cheaper than a new timer per token).
  // Cancelling the reader ends the iteration without an error; `stalled` says why.
  const timer = setTimeout(() => {
    stalled = true;
    chunks.cancel();
  }, client.settings.timeoutMs);
  let text = '';
  let finish: string | null = null;
  try {
    read: for (let batch = await chunks.next(); batch; batch = await chunks.next()) {
      timer.refresh();
      for (const chunk of batch) {
        if (chunk.usage) spent(usageOf(chunk.usage));
        const choice = chunk.choices?.[0];
        if (choice?.finish_reason) finish = choice.finish_reason;
        const delta = choice?.delta?.content;
        if (!delta) continue;
        text += delta;
        if (!req.onDelta(delta)) {
          // The line is being rejected: stop reading and let the connection go.
          stopped = true;
          chunks.cancel();
          break read;
        }
      }
    }
  } catch (error) {
    throw new LlmOutputInvalid('line was cut off', { cause: error });
  } finally {
    clearTimeout(timer);
  }
  if (stopped) return text;
  if (signal?.aborted) throw new LlmUnavailable('LLM call was cancelled');
  if (stalled) throw new BodyStalled(client.settings.timeoutMs, text === '' ? 'LLM stopped sending' : 'LLM stopped sending mid-line');
  if (finish === null || finish === 'length') throw new LlmOutputInvalid('line was cut off', { cause: `finish_reason ${finish}` });
  if (finish === 'content_filter') throw new LlmOutputInvalid('line was blocked by the content filter');
  if (text.trim() === '') throw new LlmOutputInvalid('line was empty');
  return text;
}
