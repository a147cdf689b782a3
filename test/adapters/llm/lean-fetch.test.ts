// The OpenAI client's fetch (src/adapters/llm/lean-fetch.ts): answers as fetch does for what the
// client sends, and hands everything else to the global fetch.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI, { APIConnectionError } from 'openai';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLeanFetch } from '../../../src/adapters/llm/lean-fetch.js';

let server: http.Server;
let base = '';
const agent = new Agent();
/** Lets a test release the rest of a held response. */
const held: (() => void)[] = [];
const BIG = Buffer.alloc(1024 * 1024 + 7, 'probe-');

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = req.url ?? '';
      if (path === '/echo') {
        res.writeHead(201, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'], 'x-request-id': 'req-7' });
        res.end(JSON.stringify({ method: req.method, body, auth: req.headers.authorization, custom: req.headers['x-custom'] }));
      } else if (path === '/hold') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: first\n\n');
        held.push(() => res.end('data: second\n\n'));
      } else if (path === '/big') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(BIG);
      } else if (path === '/empty') {
        res.writeHead(204);
        res.end();
      } else if (path === '/moved') {
        res.writeHead(307, { location: '/echo' });
        res.end();
      } else {
        res.writeHead(404);
        res.end('no such path');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const release of held) release();
  await agent.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const notCalled = vi.fn(async () => {
  throw new Error('the fallback should not be used here');
}) as unknown as typeof fetch;

describe('lean fetch', () => {
  it('sends the method, headers and body, and answers with status, every header and the body', async () => {
    const leanFetch = createLeanFetch(notCalled, agent);
    const res = await leanFetch(`${base}/echo`, { method: 'post', headers: new Headers({ authorization: 'Bearer k', 'x-custom': 'yes' }), body: '{"q":1}' });
    expect(res.status).toBe(201);
    expect(res.ok).toBe(true);
    expect(res.headers.get('x-request-id')).toBe('req-7');
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await res.json()).toEqual({ method: 'POST', body: '{"q":1}', auth: 'Bearer k', custom: 'yes' });
  });

  it('takes headers as a record or as pairs too', async () => {
    const leanFetch = createLeanFetch(notCalled, agent);
    const a = await (await leanFetch(`${base}/echo`, { method: 'POST', headers: { 'X-Custom': 'rec' }, body: '' })).json();
    const b = await (await leanFetch(`${base}/echo`, { method: 'POST', headers: [['x-custom', 'pair']], body: '' })).json();
    expect([a.custom, b.custom]).toEqual(['rec', 'pair']);
  });

  it('hands the body over as it arrives, not when it ends', async () => {
    const res = await createLeanFetch(notCalled, agent)(`${base}/hold`, { method: 'POST', body: '{}' });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: first\n\n');
    held.shift()?.();
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toBe('data: second\n\n');
  });

  it('reads a large body whole, in order', async () => {
    const bytes = new Uint8Array(await (await createLeanFetch(notCalled, agent)(`${base}/big`)).arrayBuffer());
    expect(bytes.byteLength).toBe(BIG.byteLength);
    expect(createHash('sha1').update(bytes).digest('hex')).toBe(createHash('sha1').update(BIG).digest('hex'));
  });

  it('gives a 204 no body, and an error status its body', async () => {
    const leanFetch = createLeanFetch(notCalled, agent);
    const empty = await leanFetch(`${base}/empty`, { method: 'DELETE' });
    expect([empty.status, empty.body]).toEqual([204, null]);
    const missing = await leanFetch(`${base}/nowhere`);
    expect([missing.status, missing.ok, await missing.text()]).toEqual([404, false, 'no such path']);
  });

  it('rejects with the abort reason before the response, and errors the body when aborted while it is read', async () => {
    const leanFetch = createLeanFetch(notCalled, agent);
    const early = new AbortController();
    early.abort();
    await expect(leanFetch(`${base}/echo`, { method: 'POST', body: '{}', signal: early.signal })).rejects.toMatchObject({ name: 'AbortError' });

    const late = new AbortController();
    const res = await leanFetch(`${base}/hold`, { method: 'POST', body: '{}', signal: late.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    late.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
    held.shift()?.();
  });

  it('fails as fetch fails when nothing listens: a TypeError with the socket error as its cause', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await createLeanFetch(notCalled, agent)(`http://127.0.0.1:${port}/v1`, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect(((error as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
    // The SDK reads it as fetch's: a connection error carrying the cause.
    const client = new OpenAI({ apiKey: 'k', baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0, fetch: createLeanFetch(notCalled, agent) });
    const sdkError = await client.models.list().catch((e: unknown) => e);
    expect(sdkError).toBeInstanceOf(APIConnectionError);
  });

  it('leaves redirects, Request objects and non-string bodies to the fallback fetch', async () => {
    const fallback = vi.fn(async () => new Response('from fallback', { status: 200 })) as unknown as typeof fetch;
    const leanFetch = createLeanFetch(fallback, agent);
    expect(await (await leanFetch(`${base}/moved`, { method: 'POST', body: '{}' })).text()).toBe('from fallback');
    expect(await (await leanFetch(new Request(`${base}/echo`))).text()).toBe('from fallback');
    expect(await (await leanFetch(`${base}/echo`, { method: 'POST', body: new Uint8Array([1]) })).text()).toBe('from fallback');
    expect(fallback).toHaveBeenCalledTimes(3);
  });

  it('serves the OpenAI client: an error status reaches the SDK as its APIError', async () => {
    const client = new OpenAI({ apiKey: 'k', baseURL: `${base}/echo-sdk`, maxRetries: 0, fetch: createLeanFetch(notCalled, agent) });
    // /echo-sdk/models is not a path here: the SDK turns the 404 into its NotFoundError, with the body's text.
    await expect(client.models.list()).rejects.toMatchObject({ status: 404 });
  });
});
