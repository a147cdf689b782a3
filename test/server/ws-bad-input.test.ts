import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../src/protocol/ws-frames.js';
import { nextPrompt } from '../support/interview-driver.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { PROBE_MAX_FRAME_BYTES: '4096', PROBE_MAX_ANSWER_CHARS: '200', PROBE_RATE_LIMIT_PER_SEC: '2', PROBE_RATE_LIMIT_BURST: '20' } });
});
afterAll(async () => {
  await server.close();
});

describe('bad frames', () => {
  it.each([
    ['text that is not JSON', 'not json', 'invalid_json', /not valid JSON/, null],
    ['a JSON array', '[1,2]', 'invalid_frame', /JSON object with a string "type"/, null],
    ['an unknown type', '{"type":"answer.shout","text":"hi"}', 'unknown_type', /unknown frame type "answer.shout".*session.start/, null],
    ['a number for text', '{"type":"answer.submit","text":42}', 'invalid_frame', /answer.submit: text: .*string/, 'answer.submit'],
    ['a negative lastSeq', '{"type":"session.resume","lastSeq":-1}', 'invalid_frame', /lastSeq/, 'session.resume'],
    ['an extra field', '{"type":"session.start","extra":true}', 'invalid_frame', /extra/, 'session.start'],
    ['an answer of 201 characters', JSON.stringify({ type: 'answer.submit', text: 'x'.repeat(201) }), 'answer_too_long', /201 characters and the limit is 200/, 'answer.submit'],
  ])('%s -> an error frame, and the session stays usable', async (_label, raw, code, message, inReplyTo) => {
    const s = await server.createSession({});
    const socket = await server.connect(s.id, s.token);
    socket.send(raw);
    expect(await socket.next('error')).toEqual({ type: 'error', code, message: expect.stringMatching(message), inReplyTo });
    socket.send({ type: 'session.start' });
    await nextPrompt(socket);
    await socket.close();
  });

  it('refuses binary frames with an error frame', async () => {
    const s = await server.createSession({});
    const socket = await server.connect(s.id, s.token);
    socket.ws.send(Buffer.from('{"type":"session.start"}'));
    expect(await socket.next('error')).toMatchObject({ code: 'binary_not_supported' });
    await socket.close();
  });

  it('closes with 1009 on a frame over the size limit, and the session resumes on a new connection', async () => {
    const s = await server.createSession({});
    const socket = await server.connect(s.id, s.token);
    socket.send({ type: 'session.start' });
    const question = await nextPrompt(socket);
    socket.send(JSON.stringify({ type: 'answer.submit', text: 'y'.repeat(5000) }));
    expect((await socket.closed).code).toBe(CloseCode.tooBig);
    const again = await server.connect(s.id, s.token);
    again.send({ type: 'session.resume', lastSeq: question.seq });
    expect(await again.next('session.state')).toMatchObject({ phase: 'answering', pendingQuestion: { seq: question.seq } });
    again.send({ type: 'answer.submit', text: 'a short answer instead' });
    await again.next('answer.ack');
    await again.close();
  });
});

describe('flooding', () => {
  it('drops frames over the rate with one warning a second, and does not slow other sessions', async () => {
    const [a, b] = [await server.createSession({}), await server.createSession({})];
    const flooder = await server.connect(a.id, a.token);
    const calm = await server.connect(b.id, b.token);
    for (let i = 0; i < 60; i++) flooder.send({ type: 'ping' });
    calm.send({ type: 'session.start' });
    await nextPrompt(calm);
    await flooder.until((f) => f.filter((x) => x.type === 'pong').length >= 20 && f.some((x) => x.type === 'error'), 'pongs and a warning');
    const errors = flooder.frames.filter((f) => f.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/2 frames per second \(bursts of 20\)/) });
    expect(flooder.frames.filter((f) => f.type === 'pong').length).toBeLessThan(60);
    await Promise.all([flooder.close(), calm.close()]);
  });

  it('disconnects a client that keeps flooding with the policy close code', async () => {
    const s = await server.createSession({});
    const flooder = await server.connect(s.id, s.token);
    for (let i = 0; i < 400 && flooder.ws.readyState === flooder.ws.OPEN; i++) flooder.send({ type: 'ping' });
    expect((await flooder.closed).code).toBe(CloseCode.policy);
  });
});
