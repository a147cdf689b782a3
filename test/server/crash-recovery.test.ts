import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionViewSchema, type CreateSessionResponse } from '../../src/protocol/http.js';
import { nextPrompt, runInterview } from '../support/interview-driver.js';
import { spawnServer, type SpawnedServer } from '../support/spawn-server.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';
import { openSocket } from '../support/ws-client.js';

let dir: TempDir;
let running: SpawnedServer | undefined;
afterEach(async () => {
  await running?.stop('SIGKILL');
  running = undefined;
  dir?.remove();
});

const socketUrl = (server: SpawnedServer, s: CreateSessionResponse) => `${server.url.replace(/^http/, 'ws')}${s.websocket}?token=${s.token}`;

/** Reads the database the way a second process would, without the server's help. */
function peek(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    const session = db.prepare('select phase, last_seq as lastSeq from sessions').get() as { phase: string; lastSeq: number };
    const turns = db.prepare('select seq, kind, text from turns order by seq').all() as { seq: number; kind: string; text: string }[];
    return { session, turns };
  } finally {
    db.close();
  }
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('kill -9', () => {
  it('loses nothing acknowledged: restarted on the same file, the interview finishes', { timeout: 90_000 }, async () => {
    dir = tempDir();
    const dbPath = dir.file('probe.db');
    const start = () => spawnServer({ dbPath, args: ['--pace-ms', '10'] });
    running = await start();
    const res = await fetch(`${running.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'mock', questionCount: 3, maxFollowUps: 1, seed: 9 }) });
    const session = (await res.json()) as CreateSessionResponse;
    const acked: { seq: number; text: string }[] = [];

    // 1. Killed between an ack and the next question: the next line is being streamed.
    let socket = await openSocket(socketUrl(running, session));
    socket.send({ type: 'session.start' });
    await nextPrompt(socket);
    socket.send({ type: 'answer.submit', text: 'A GAN pits a generator against a discriminator.', clientId: 'a1' });
    let ack = await socket.next('answer.ack');
    acked.push({ seq: ack.seq, text: 'A GAN pits a generator against a discriminator.' });
    await socket.next('line.delta');
    await running.stop('SIGKILL');
    const afterKill = peek(dbPath);
    expect(afterKill.turns.at(-1)).toMatchObject({ seq: ack.seq, kind: 'answer' });
    // What the answer led to (judged, decided, said) is stored in one transaction once the line is
    // done: killed mid-line, the session is where the stored answer left it, and is redone from there.
    expect(afterKill.session.phase).toBe('judging');

    // 2. Restarted on the same file: the session left mid-line is resumed at start-up by itself.
    running = await start();
    await until(() => peek(dbPath).session.phase === 'answering', 'the restarted server to finish the interrupted line');
    socket = await openSocket(socketUrl(running, session));
    socket.send({ type: 'session.resume', lastSeq: ack.seq });
    const state = await socket.next('session.state');
    expect(state.pendingQuestion).not.toBeNull();
    expect(socket.frames.some((f) => f.type === 'line' && f.seq === state.pendingQuestion?.seq)).toBe(true);

    // 3. Killed right as an ack arrives, wherever the server then is.
    socket.send({ type: 'answer.submit', text: 'It is trained with a minimax objective.', clientId: 'a2' });
    ack = await socket.next('answer.ack');
    acked.push({ seq: ack.seq, text: 'It is trained with a minimax objective.' });
    await running.stop('SIGKILL');

    running = await start();
    socket = await openSocket(socketUrl(running, session));
    socket.send({ type: 'session.resume', lastSeq: ack.seq });
    await socket.next('session.state');
    // The client does not know whether its ack got through: resending with the same key is safe.
    socket.send({ type: 'answer.submit', text: 'It is trained with a minimax objective.', clientId: 'a2' });
    expect(await socket.next('answer.ack')).toMatchObject({ seq: ack.seq });
    const pending = socket.frames.find((f) => f.type === 'session.state');
    if (pending?.type === 'session.state' && pending.phase === 'answering') {
      socket.send({ type: 'answer.submit', text: 'More detail on the generator.', clientId: 'a3' });
      acked.push({ seq: (await socket.next('answer.ack')).seq, text: 'More detail on the generator.' });
    }
    const run = await runInterview(socket, (_l, i) => `Answer number ${i} about training dynamics.`, { started: true });
    acked.push(...run.acks.map((a, i) => ({ seq: a.seq, text: `Answer number ${i} about training dynamics.` })));

    const view = SessionViewSchema.parse(await (await fetch(`${running.url}/api/sessions/${session.id}?token=${session.token}`)).json());
    expect(view.status).toBe('ended');
    const answers = view.transcript.filter((t) => t.kind === 'answer').map((t) => ({ seq: t.seq, text: t.text }));
    expect(answers).toEqual(acked);
    expect(view.transcript.map((t) => t.seq)).toEqual(view.transcript.map((_t, i) => i + 1));
    await socket.close();
    const stopped = await running.stop('SIGTERM');
    expect(stopped.code).toBe(0);
  });
});
