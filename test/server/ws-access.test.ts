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
  return { code: closed.code, frames: socket.frames };
}

describe('who may open a session socket', () => {
  it('closes with 4401 for a missing, wrong, or another session\'s token, revealing nothing', async () => {
    const a = await server.createSession({});
    const b = await server.createSession({});
    for (const token of [undefined, '', 'wrong', b.token]) {
      expect(await refused(server.socketUrl(a.id, token))).toEqual({ code: CloseCode.unauthorized, frames: [] });
    }
  });

  it('closes with 4404 for an unknown session', async () => {
    const a = await server.createSession({});
    expect((await refused(server.socketUrl('00000000-0000-4000-8000-000000000000', a.token))).code).toBe(CloseCode.sessionNotFound);
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
