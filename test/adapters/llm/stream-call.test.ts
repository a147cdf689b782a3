// A streamed completion ends its request at the endpoint when it is no longer wanted: a line the
// caller rejects mid-stream, a cancelled call, a body that goes quiet. Each is reported as such.
import { afterEach, describe, expect, it } from 'vitest';
import { streamCompletion } from '../../../src/adapters/llm/stream-call.js';
import { reply, startScriptedOpenAiServer, type ScriptedServer } from '../../support/scripted-openai-server.js';
import { SHORT_TIMEOUT_MS, testClient } from './llm-fixtures.js';

const TOKENS = 40;
const LINE = Array.from({ length: TOKENS }, (_, i) => `word${i}`).join(' ');
/** Slow enough that the whole line takes over a second, so a request left running would show. */
const PACE_MS = 30;

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function pacedServer(text = LINE, options: { stallAfterTokens?: number } = {}) {
  const sent: number[] = [];
  server = await startScriptedOpenAiServer(() => reply.text(text, { tokenDelayMs: PACE_MS, ...options }), { onToken: (t) => void sent.push(t.index) });
  return { url: server.url, sent };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const messages = [{ role: 'user' as const, content: 'Say something.' }];

describe('streamCompletion', () => {
  it('stops the request when the caller rejects the line mid-stream, and returns what came', async () => {
    const { url, sent } = await pacedServer();
    let seen = 0;
    const text = await streamCompletion(testClient(url), { model: 'm', messages, onDelta: () => (seen += 1) < 3 }, () => undefined);
    expect(text).toBe('word0 word1 word2 ');
    // The endpoint stops sending: it writes nothing like the rest of the line afterwards.
    await sleep(15 * PACE_MS);
    expect(sent.length).toBeLessThan(TOKENS / 2);
  });

  it('stops the request when its signal is aborted, reporting a cancelled call', async () => {
    const { url, sent } = await pacedServer();
    const stop = new AbortController();
    const call = streamCompletion(testClient(url), { model: 'm', messages, onDelta: () => (stop.abort(), true) }, () => undefined, stop.signal);
    await expect(call).rejects.toThrow(/cancelled/);
    await sleep(15 * PACE_MS);
    expect(sent.length).toBeLessThan(TOKENS / 2);
  });

  it('reports a body that goes quiet as stalled mid-line', async () => {
    const { url } = await pacedServer(LINE, { stallAfterTokens: 2 });
    const call = streamCompletion(testClient(url, { timeoutMs: SHORT_TIMEOUT_MS }), { model: 'm', messages, onDelta: () => true }, () => undefined);
    await expect(call).rejects.toThrow(/^LLM stopped sending mid-line for 0\.4 s$/);
  });

  it('returns the whole line with its usage when nothing stops it', async () => {
    const { url } = await pacedServer('A short line.');
    let usage: unknown;
    const text = await streamCompletion(testClient(url), { model: 'm', messages, onDelta: () => true }, (u) => void (usage = u));
    expect(text).toBe('A short line.');
    expect(usage).toMatchObject({ completionTokens: 3 });
  });
});
