// An idle timeout on response bodies. The SDK's timeout stops when the response headers arrive; an
// endpoint that sends headers and then goes silent would hold a call until some outer deadline.
// Wrapping `fetch` puts a timer on every wait for the next piece of the body (the first byte
// included) of a JSON reply (a streamed one is timed by stream-call.ts), and ends the call with BodyStalled, which the
// circuit breaker counts as a slow failure (failure-reason.ts).
import { LlmUnavailable } from '../../errors.js';

/** The body stopped arriving for `idleMs`: a slow failure, like a connection timeout. */
export class BodyStalled extends LlmUnavailable {
  constructor(idleMs: number, what = 'LLM stopped sending') {
    super(`${what} for ${Math.round(idleMs / 100) / 10} s`);
  }
}

/** The stalled-body error behind `error` (itself or one of its causes), if there is one. */
export function stallOf(error: unknown): BodyStalled | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof BodyStalled) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when `error` or one of its causes is a stalled body. */
export const isStall = (error: unknown): boolean => stallOf(error) !== undefined;

const NO_BODY = new Set([101, 204, 205, 304]);

function guardBody(body: ReadableStream<Uint8Array>, idleMs: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new BodyStalled(idleMs)), idleMs);
      });
      try {
        const next = await Promise.race([reader.read(), stalled]);
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        // Closes the connection too: a stalled endpoint must not keep a socket.
        reader.cancel(error).catch(() => undefined);
        controller.error(error);
      } finally {
        clearTimeout(timer);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/**
 * A streamed completion has its own idle timer, one timer refreshed per chunk (stream-call.ts); a
 * second web stream around its body cost more per chunk than reading it.
 */
const isStreamRequest = (init: RequestInit | undefined) => typeof init?.body === 'string' && init.body.includes('"stream":true');

/** `fetchImpl` with an idle timeout of `idleMs` on every response body but a streamed completion's. */
export function withBodyTimeout(fetchImpl: typeof fetch, idleMs: number): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (!response.body || NO_BODY.has(response.status) || idleMs <= 0 || isStreamRequest(init)) return response;
    return new Response(guardBody(response.body, idleMs), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
