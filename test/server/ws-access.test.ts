import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../src/protocol/ws-frames.js';
import { nextPrompt } from '../support/interview-driver.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';
import { openSocket } from '../support/ws-client.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { PROBE_ALLOWED_ORIGINS: 'https://probe.example.org' } });
});
afterAll(async () => {
  await server.close();
});

/** Opens a socket and returns its close code and every frame it got before closing. */
async function refused(url: string, origin?: string) {
  const socket = await openSocket(url, origin ? { origin } : {});
  const closed = await socket.closed;
  return { code: closed.code, reason: closed.reason, frames: socket.frames };
}

describe('who may open a session socket', () => {
  it('closes with 4401 for a missing token, revealing nothing', async () => {
    const a = await server.createSession({});
    for (const token of [undefined, '']) {
      expect(await refused(server.socketUrl(a.id, token))).toEqual({ code: CloseCode.unauthorized, reason: 'missing session token', frames: [] });
    }
  });

  it('gives a wrong token, another session\'s token and an unknown session the same close (4404), so it never tells whether a session exists', async () => {
    const a = await server.createSession({});
    const b = await server.createSession({});
    const answers = [];
    for (const url of [server.socketUrl(a.id, 'wrong'), server.socketUrl(a.id, b.token), server.socketUrl('00000000-0000-4000-8000-000000000000', a.token)]) answers.push(await refused(url));
    for (const answer of answers) expect(answer).toEqual({ code: CloseCode.sessionNotFound, reason: 'no session with this id opens with this token', frames: [] });
  });

  it('closes with 4403 for a foreign origin; the same origin and configured ones are let in', async () => {
    const a = await server.createSession({});
    expect((await refused(server.socketUrl(a.id, a.token), 'https://evil.example.com')).code).toBe(CloseCode.forbiddenOrigin);
    for (const origin of [server.url, 'https://probe.example.org']) {
      const socket = await openSocket(server.socketUrl(a.id, a.token), { origin });
      socket.send({ type: 'session.resume', lastSeq: 0 });
      expect((await socket.next('session.state')).sessionId).toBe(a.id);
      await socket.close();
    }
  });

  it('lets the right token in, and the session works', async () => {
    const a = await server.createSession({});
    const socket = await server.connect(a.id, a.token);
    socket.send({ type: 'session.start' });
    await nextPrompt(socket);
    await socket.close();
  });
});
