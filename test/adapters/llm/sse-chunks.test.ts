// The streamed reply's reader: events split anywhere across network reads, the SDK's rules for
// "[DONE]", errors and bad JSON, multi-byte characters cut between reads, cancelling.
import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { readChunks } from '../../../src/adapters/llm/sse-chunks.js';

const chunk = (content: string, extra: object = {}) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: null }], ...extra })}\n\n`;

/** A Response whose body arrives as these byte pieces, one read each. */
function responseOf(pieces: (string | Uint8Array)[], options: { endless?: boolean } = {}): Response {
  const encoder = new TextEncoder();
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[i++];
      if (piece === undefined) {
        if (!options.endless) controller.close();
        return new Promise<void>(() => undefined);
      }
      controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece);
      return undefined;
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

async function contents(response: Response): Promise<{ reads: string[][]; text: string }> {
  const reader = readChunks(response);
  const reads: string[][] = [];
  for (let batch = await reader.next(); batch; batch = await reader.next()) reads.push(batch.map((c) => c.choices[0]?.delta?.content ?? ''));
  return { reads, text: reads.flat().join('') };
}

describe('readChunks', () => {
  it('gives the chunks of each read together, whole events only, whatever the cuts', async () => {
    const all = chunk('Hello ') + chunk('there, ') + chunk('friend.') + 'data: [DONE]\n\n';
    const got = await contents(responseOf([all]));
    expect(got.reads).toEqual([['Hello ', 'there, ', 'friend.']]);
    // Cut at every position: the same text, never a half event.
    for (let cut = 1; cut < all.length; cut += 1) {
      expect((await contents(responseOf([all.slice(0, cut), all.slice(cut)]))).text).toBe('Hello there, friend.');
    }
  });

  it('joins a multi-byte character cut between two reads', async () => {
    const bytes = new TextEncoder().encode(chunk('naïve — café ✓') + 'data: [DONE]\n\n');
    const at = bytes.indexOf(0xc3) + 1; // inside the two bytes of "ï"
    expect((await contents(responseOf([bytes.slice(0, at), bytes.slice(at)]))).text).toBe('naïve — café ✓');
  });

  it('ignores what follows [DONE], comments and events without data', async () => {
    const got = await contents(responseOf([': keep-alive\n\n', chunk('a'), 'event: ping\n\n', chunk('b') + 'data: [DONE]\n\n', chunk('after')]));
    expect(got.text).toBe('ab');
  });

  it('keeps the usage chunk, which has no choices', async () => {
    const reader = readChunks(responseOf([chunk('x') + `data: ${JSON.stringify({ id: 'c', choices: [], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } })}\n\ndata: [DONE]\n\n`]));
    const batch = await reader.next();
    expect(batch?.[1]?.usage?.total_tokens).toBe(4);
    expect(await reader.next()).toBeUndefined();
  });

  it('fails on an error event, on data carrying an error, and on data that is not JSON', async () => {
    await expect(contents(responseOf([chunk('a'), `data: ${JSON.stringify({ error: { message: 'overloaded' } })}\n\n`]))).rejects.toBeInstanceOf(APIError);
    await expect(contents(responseOf([`event: error\ndata: ${JSON.stringify({ message: 'bad' })}\n\n`]))).rejects.toBeInstanceOf(APIError);
    await expect(contents(responseOf([chunk('a'), 'data: {"choices": [\n\n']))).rejects.toBeInstanceOf(SyntaxError);
  });

  it('fails on an event larger than any reply (a broken server), instead of buffering it', async () => {
    const huge = `data: "${'x'.repeat(600_000)}`;
    await expect(contents(responseOf([huge, 'x'.repeat(600_000)], { endless: true }))).rejects.toThrow(/buffer/i);
  });

  it('ends quietly when cancelled, a pending read included', async () => {
    const reader = readChunks(responseOf([chunk('first')], { endless: true }));
    expect((await reader.next())?.length).toBe(1);
    const pending = reader.next();
    reader.cancel();
    expect(await pending).toBeUndefined();
    expect(await reader.next()).toBeUndefined();
  });

  it('refuses a reply with no body', () => {
    expect(() => readChunks(new Response(null))).toThrow(APIError);
  });
});
