import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteSessionStore } from '../../src/adapters/db/sqlite-session-store.js';
import { nextPrompt } from '../support/interview-driver.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
const logLines: { level: number; msg: string; err?: { message: string } }[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  server = await startTestServer({ log: pino({ level: 'warn' }, sink) });
});
afterAll(async () => {
  await server.close();
});

describe('a full database', () => {
  it('answers with storage_unavailable and a log line, does not acknowledge, and carries on once there is room', async () => {
    const s = await server.createSession({ mode: 'mock' });
    const socket = await server.connect(s.id, s.token);
    socket.send({ type: 'session.start' });
    await nextPrompt(socket);
    const db = (server.services.store as SqliteSessionStore).db.$client;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    // Use up the free pages too, so that the very next write fails.
    db.exec('create table filler (x blob)');
    expect(() => {
      for (;;) db.prepare('insert into filler values (randomblob(1000))').run();
    }).toThrow(/full/);
    const long = 'The generator and the discriminator are trained in turn. '.repeat(120);
    socket.send({ type: 'answer.submit', text: long, clientId: 'big' });
    const error = await socket.next('error');
    expect(error).toMatchObject({ code: 'storage_unavailable', inReplyTo: 'answer.submit', message: expect.stringMatching(/SQLITE_FULL/) });
    expect(socket.frames.some((f) => f.type === 'answer.ack')).toBe(false);
    expect(logLines.some((l) => l.level >= 50 && /SQLITE_FULL|could not store/.test(l.err?.message ?? ''))).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    db.exec('drop table filler');
    db.pragma('max_page_count = 1073741823');
    socket.send({ type: 'answer.submit', text: long, clientId: 'big' });
    const ack = await socket.next('answer.ack');
    expect(ack.clientId).toBe('big');
    await nextPrompt(socket);
    await socket.close();
  });
});
