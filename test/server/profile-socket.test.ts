// The WebSocket behind a sign-in proxy: another profile's session is refused as "no such session",
// the owner's opens; and a session made before profiles is claimed by whoever shows its token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '../../src/protocol/ws-frames.js';
import { CreateSessionResponseSchema } from '../../src/protocol/http.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { PROBE_AUTH_HEADER: 'X-Forwarded-User', PROBE_TRUSTED_PROXIES: '127.0.0.1, ::1' } });
});
afterAll(async () => {
  await server.close();
});

const createAs = async (user: string) => {
  const res = await fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-user': user }, body: '{"questionCount":1}' });
  expect(res.status).toBe(201);
  return CreateSessionResponseSchema.parse(await res.json());
};

/** Opens the socket as `user` and resolves with the first frame's type, or the close code if refused. */
function openAs(user: string | undefined, id: string, token: string): Promise<{ frame?: string; code?: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(server.socketUrl(id, token), { headers: user ? { 'x-forwarded-user': user } : {} });
    ws.once('open', () => ws.send(JSON.stringify({ type: 'session.resume', lastSeq: 0 })));
    const timer = setTimeout(() => reject(new Error('no answer from the socket')), 10_000);
    ws.once('message', (data) => {
      clearTimeout(timer);
      ws.close();
      resolve({ frame: (JSON.parse(String(data)) as { type: string }).type });
    });
    ws.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code });
    });
    ws.once('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      resolve({ code: res.statusCode });
      ws.terminate();
    });
    ws.once('error', () => undefined);
  });
}

describe('WebSocket and profiles', () => {
  it("refuses another profile's session as not found, even with its token, and opens the owner's", async () => {
    const alice = await createAs('alice');
    expect(await openAs('bob', alice.id, alice.token)).toEqual({ code: CloseCode.sessionNotFound });
    expect((await openAs('alice', alice.id, alice.token)).frame).toBeDefined();
  });

  it('refuses an upgrade without the header', async () => {
    const alice = await createAs('alice');
    expect(await openAs(undefined, alice.id, alice.token)).toEqual({ code: 401 });
  });
});
