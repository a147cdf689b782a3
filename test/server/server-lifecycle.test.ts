import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '../../src/protocol/ws-frames.js';
import { nextPrompt, runInterview } from '../support/interview-driver.js';
import { runGroup } from '../support/process-group.js';
import { spawnServer, type SpawnedServer } from '../support/spawn-server.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';
import { openSocket } from '../support/ws-client.js';

let dir: TempDir | undefined;
const servers: TestServer[] = [];
let child: SpawnedServer | undefined;
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close().catch(() => {});
  await child?.stop('SIGKILL');
  child = undefined;
  dir?.remove();
  dir = undefined;
});

async function serverOn(dbPath: string, paceMs = 0) {
  const s = await startTestServer({ dbPath, ...(paceMs ? { paceMs } : {}) });
  servers.push(s);
  return s;
}

describe('graceful shutdown', () => {
  it('finishes the line in flight, then closes sockets with "server restarting" and stops accepting', async () => {
    dir = tempDir();
    const server = await serverOn(dir.file('probe.db'), 20);
    const s = await server.createSession({ mode: 'mock', questionCount: 2 });
    const socket = await server.connect(s.id, s.token);
    socket.send({ type: 'session.start' });
    await socket.next('line.delta');
    await server.server.close();
    const closed = await socket.closed;
    expect(closed).toEqual({ code: CloseCode.serverRestarting, reason: 'server restarting' });
    // The opening and the first question were both finished and sent before the close.
    expect(socket.frames.filter((f) => f.type === 'line').map((f) => f.type === 'line' && f.kind)).toEqual(['opening', 'question']);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('a server restarted on the same database takes every session up where it was', async () => {
    dir = tempDir();
    const first = await serverOn(dir.file('probe.db'));
    const sessions = await Promise.all([first.createSession({ mode: 'mock', questionCount: 2, seed: 1 }), first.createSession({ mode: 'drill', questionCount: 2, seed: 2 })]);
    const lastSeqs: number[] = [];
    for (const s of sessions) {
      const socket = await first.connect(s.id, s.token);
      socket.send({ type: 'session.start' });
      await nextPrompt(socket);
      socket.send({ type: 'answer.submit', text: 'Something about generators.' });
      lastSeqs.push((await socket.next('answer.ack')).seq);
    }
    await first.server.close();
    await first.services.close();

    const second = await serverOn(dir.file('probe.db'));
    for (const [i, s] of sessions.entries()) {
      const socket = await second.connect(s.id, s.token);
      socket.send({ type: 'session.resume', lastSeq: lastSeqs[i] ?? 0 });
      const state = await socket.next('session.state');
      expect(state).toMatchObject({ sessionId: s.id, phase: 'answering' });
      expect(state.lastSeq).toBeGreaterThan(lastSeqs[i] ?? 0);
      socket.send({ type: 'answer.submit', text: 'Resumed answer.' });
      await socket.next('answer.ack');
      const run = await runInterview(socket, () => 'Another answer about discriminators.', { started: true });
      expect(run.ended.reason).toBe('completed');
      await socket.close();
    }
  });
});

describe('heartbeat', () => {
  it('drops a socket that stops answering pings, and keeps one that answers', async () => {
    const server = await startTestServer({ server: { heartbeatMs: 40 } });
    servers.push(server);
    const s = await server.createSession({});
    const live = await server.connect(s.id, s.token);
    live.send({ type: 'session.start' });
    await nextPrompt(live);
    await live.close();
    const dead = new WebSocket(server.socketUrl(s.id, s.token), { autoPong: false });
    const closed = new Promise<number>((resolve) => dead.on('close', (code) => resolve(code)));
    expect(await closed).toBe(1006);
    const again = await server.connect(s.id, s.token);
    await new Promise((r) => setTimeout(r, 200));
    again.send({ type: 'session.resume', lastSeq: 0 });
    expect((await again.next('session.state')).phase).toBe('answering');
    await again.close();
  });
});

describe('probe serve', () => {
  it('prints its URL and interviewer, and exits 0 on SIGTERM after closing sockets with 1012', { timeout: 60_000 }, async () => {
    dir = tempDir();
    child = await spawnServer({ dbPath: dir.file('nested/probe.db') });
    await vi.waitFor(() => expect(child?.output()).toContain('Interviewer:'));
    expect(child.output()).toMatch(/Probe is listening on http:\/\/127\.0\.0\.1:\d+\nInterviewer: offline \(no OPENAI_API_KEY/);
    const health = await fetch(`${child.url}/healthz`);
    expect(health.status).toBe(200);
    const s = (await (await fetch(`${child.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' } })).json()) as { id: string; token: string; websocket: string };
    const socket = await openSocket(`${child.url.replace(/^http/, 'ws')}${s.websocket}?token=${s.token}`);
    socket.send({ type: 'session.start' });
    await nextPrompt(socket);
    const exit = child.stop('SIGTERM');
    expect((await socket.closed).code).toBe(CloseCode.serverRestarting);
    expect(await exit).toEqual({ code: 0, signal: null });
  });

  it('says what to do when the port is taken, and exits 1', { timeout: 60_000 }, async () => {
    dir = tempDir();
    child = await spawnServer({ dbPath: dir.file('first.db') });
    const port = new URL(child.url).port;
    const second = await runGroup(process.execPath, [path.resolve(import.meta.dirname, '../../src/cli/bin.js'), 'serve'], {
      cwd: dir.path,
      timeoutMs: 30_000,
      env: { ...process.env, PORT: port, HOST: '127.0.0.1', PROBE_DB_PATH: dir.file('second.db') },
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`port ${port} on 127.0.0.1 is already in use; stop the other server or set PORT to another port (PORT=0 picks a free one)`);
  });
});
