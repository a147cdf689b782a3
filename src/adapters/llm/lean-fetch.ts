// The `fetch` the OpenAI client is given: undici's request API (the HTTP client Node's own fetch is
// built on, from npm) answered as a standard Response. Node's fetch runs the whole WHATWG fetch
// algorithm per call (Request and Headers objects, body mixins, a web stream at every hop); for a
// JSON POST and a streamed reply that is most of a call's client-side CPU: client only, on a
// turn-sized streamed reply, Node's fetch took 0.50 ms a call (npm undici's own fetch 0.46) against
// 0.20 ms here (medians of one interleaved run); `npm run bench:stream` measures it in the client.
//
// It covers what the client sends: a string URL and a string (or no) body. Anything else (a Request,
// a stream or form body) goes to `fallback` (the global fetch), and so does a redirect, which fetch
// follows and this does not. Failures look as fetch's do, so the SDK and failure-reason.ts read them
// the same way: a network error is a TypeError "fetch failed" with the cause (ECONNREFUSED...), an
// abort rejects with the signal's reason (an AbortError unless the caller gave another), before the
// response and while its body is read.
import type { Readable } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';

/** Statuses whose response has no body (a Response refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
/** Buffered ahead of the reader before the socket is paused. */
const HIGH_WATER_BYTES = 64 * 1024;

const abortReason = (signal: AbortSignal): unknown => signal.reason ?? new DOMException('This operation was aborted', 'AbortError');

/** The request headers as undici takes them. */
function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  // Headers or an array of pairs or a record: the Headers constructor normalises all three (and validates them, as fetch does).
  (headers instanceof Headers ? headers : new Headers(headers)).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

function responseHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const name in raw) {
    const value = raw[name];
    if (typeof value === 'string') headers.append(name, value);
    else if (value) for (const v of value) headers.append(name, v);
  }
  return headers;
}

/** The body as a web stream, read as the reader pulls; an abort errors it with the signal's reason. */
function webBody(source: Readable, signal: AbortSignal | undefined): ReadableStream<Uint8Array> {
  let settled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        source.on('data', (chunk: Buffer) => {
          if (settled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) source.pause();
        });
        source.once('end', () => {
          if (settled) return;
          settled = true;
          controller.close();
        });
        source.on('error', (error) => {
          if (settled) return;
          settled = true;
          controller.error(signal?.aborted ? abortReason(signal) : new TypeError('terminated', { cause: error }));
        });
      },
      pull() {
        source.resume();
      },
      cancel(reason) {
        settled = true;
        source.destroy(reason instanceof Error ? reason : undefined);
      },
    },
    { highWaterMark: HIGH_WATER_BYTES, size: (chunk) => chunk.byteLength },
  );
}

/** A fetch for string URLs and string bodies over `dispatcher`; everything else goes to `fallback`. */
export function createLeanFetch(fallback: typeof fetch = globalThis.fetch, dispatcher: Dispatcher = new Agent()): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
    const body = init?.body;
    if (url === undefined || (body !== undefined && body !== null && typeof body !== 'string')) return fallback(input, init);
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw abortReason(signal);
    const method = (init?.method ?? 'GET').toUpperCase();
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, { method: method as Dispatcher.HttpMethod, headers: headerRecord(init?.headers), body: body ?? null, signal, dispatcher });
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      throw new TypeError('fetch failed', { cause: error });
    }
    const status = res.statusCode;
    if (status >= 300 && status < 400 && res.headers.location !== undefined) {
      // Discarded, not destroyed: destroying an unread undici body emits an error nobody listens to.
      await res.body.dump();
      return fallback(input, init);
    }
    const empty = NULL_BODY.has(status) || method === 'HEAD';
    if (empty) await res.body.dump();
    return new Response(empty ? null : webBody(res.body, signal), { status, headers: responseHeaders(res.headers) });
  };
}
