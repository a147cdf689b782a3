import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSqliteSessionStore, type SqliteSessionStore } from '../../src/adapters/db/sqlite-session-store.js';
import { silentLogger } from '../../src/adapters/log.js';
import { createOfflineInterviewer, createOfflineJudge } from '../../src/engine/interviewer/offline-interviewer.js';
import { step } from '../../src/engine/step.js';
import { CloseCode, type ClientFrame, type ServerFrame } from '../../src/protocol/ws-frames.js';
import { eventCommit } from '../../src/server/event-commit.js';
import { SessionRegistry } from '../../src/server/session-registry.js';
import { foldEvents, type RunnerDeps } from '../../src/server/session-runner.js';
import { planFor } from '../fixtures/questions.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';
import { fakeConnection } from '../support/fake-connection.js';

let dir: TempDir;
let store: SqliteSessionStore;
let deps: RunnerDeps;
let clock = 5_000_000;

beforeEach(() => {
  dir = tempDir();
  store = createSqliteSessionStore(dir.file('probe.db'), { busyTimeoutMs: 20 });
  deps = { store, log: silentLogger(), interviewerId: 'offline', ports: { interviewer: createOfflineInterviewer(), judge: createOfflineJudge(), now: () => (clock += 1000) } };
});
afterEach(async () => {
  await store.close();
  dir.remove();
});


async function session(id: string, options: Parameters<typeof planFor>[0], limits: { questionTimeLimitMs?: number } = {}) {
  await store.create({ id, tokenHash: 'x', plan: { ...planFor(options), ...limits }, createdAt: clock });
  const registry = new SessionRegistry(deps);
  const runner = (await registry.get(id))!;
  const client = fakeConnection();
  runner.attach(client.conn);
  const send = (frame: ClientFrame) => runner.receive(client.conn, frame);
  return { registry, runner, client, send };
}

const answer = (text: string, clientId?: string): ClientFrame => ({ type: 'answer.submit', text, ...(clientId ? { clientId } : {}) });

describe('SessionRunner', () => {
  it('stores a turn in two commits: the answer before its ack, then everything it led to in one transaction', async () => {
    const writes: string[][] = [];
    const append = store.append.bind(store);
    const appendAll = store.appendAll?.bind(store);
    // The real store, watched: which events each transaction held.
    deps = {
      ...deps,
      store: { ...store, append: (c) => (writes.push([c.event.type]), append(c)), appendAll: async (cs) => (writes.push(cs.map((c) => c.event.type)), appendAll?.(cs)) },
    };
    const { client, send } = await session('c1', { mode: 'mock', questionCount: 2, maxFollowUps: 1 });
    await send({ type: 'session.start' });
    writes.length = 0;
    await send(answer('Point a and b, and a little more on both.'));
    expect(writes).toEqual([['answer'], ['judged', 'decided', 'said']]);
    // The ack went out once the answer was stored; the line once the batch was.
    expect(client.types().filter((t) => t === 'answer.ack' || t === 'line').slice(-2)).toEqual(['answer.ack', 'line']);
    // Rebuilt from the database alone, the session is where the runner left it.
    const loaded = await store.load('c1');
    const rebuilt = foldEvents('c1', loaded!.meta.plan, loaded!.events);
    expect(rebuilt.transcript.at(-1)?.role).toBe('interviewer');
    expect(loaded!.events.map((e) => e.type).slice(-4)).toEqual(['answer', 'judged', 'decided', 'said']);
  });

  it('runs a whole mock interview: each answer acknowledged after it is stored, no scores before the end', async () => {
    const { client, send } = await session('m1', { mode: 'mock', questionCount: 2, maxFollowUps: 1 });
    await send({ type: 'session.start' });
    for (let i = 0; i < 10 && !client.types().includes('session.ended'); i++) await send(answer(`Point a and b, attempt ${i}.`));
    const types = client.types();
    expect(types.slice(0, 4)).toEqual(['line.delta', 'line', 'line.delta', 'line']);
    expect(types.slice(-2)).toEqual(['session.ended', 'report.ready']);
    expect(types).not.toContain('feedback');
    const turns = await store.turnsAfter('m1', 0);
    for (const ack of client.frames.filter((f) => f.type === 'answer.ack')) {
      expect(turns.find((t) => t.seq === ack.seq)?.kind).toBe('answer');
    }
    const report = client.frames.at(-1);
    expect(report?.type === 'report.ready' && report.formats.pdf).toBe('/api/sessions/m1/report?format=pdf');
  });

  it('handles frames that arrive together one at a time, in order', async () => {
    const together = await session('t1', { mode: 'drill', questionCount: 2, maxFollowUps: 0, seed: 3 });
    await Promise.all([together.send({ type: 'session.start' }), together.send(answer('a')), together.send({ type: 'hint.request' }), together.send(answer('b c'))]);
    const oneByOne = await session('t2', { mode: 'drill', questionCount: 2, maxFollowUps: 0, seed: 3 });
    for (const f of [{ type: 'session.start' }, answer('a'), { type: 'hint.request' }, answer('b c')] as ClientFrame[]) await oneByOne.send(f);
    const strip = (frames: ServerFrame[]) => frames.map((f) => ('seq' in f ? `${f.type}:${f.seq}` : f.type));
    expect(strip(together.client.frames)).toEqual(strip(oneByOne.client.frames));
    expect(together.client.types()).not.toContain('error');
  });

  it('turns engine refusals into error frames and keeps going', async () => {
    const { client, send } = await session('r1', { mode: 'mock' });
    await send(answer('too early'));
    await send({ type: 'session.start' });
    await send({ type: 'hint.request' });
    const errors = client.frames.filter((f) => f.type === 'error');
    expect(errors.map((e) => e.type === 'error' && [e.code, e.inReplyTo])).toEqual([
      ['not-started', 'answer.submit'],
      ['not-allowed-in-mode', 'hint.request'],
    ]);
  });

  it('acknowledges a resent answer with its stored seq instead of storing it again', async () => {
    const { client, send } = await session('i1', { mode: 'mock', maxFollowUps: 2 });
    await send({ type: 'session.start' });
    await send(answer('first try', 'k1'));
    const events = (await store.load('i1'))!.events.length;
    await send(answer('first try', 'k1'));
    const acks = client.frames.filter((f) => f.type === 'answer.ack');
    expect(acks).toHaveLength(2);
    expect(acks[0]).toEqual(acks[1]);
    expect(acks[0]).toMatchObject({ clientId: 'k1' });
    expect((await store.load('i1'))!.events.length).toBe(events);
  });

  it('replays what a client missed, then the state with the pending question', async () => {
    const { runner, client, send } = await session('p1', { mode: 'mock', maxFollowUps: 1 });
    await send({ type: 'session.start' });
    await send(answer('something', 'k'));
    const second = fakeConnection();
    runner.attach(second.conn);
    expect(client.closes).toEqual([CloseCode.replaced]);
    await runner.receive(second.conn, { type: 'session.resume', lastSeq: 2 });
    const replayed = second.frames.filter((f) => 'seq' in f).map((f) => ('seq' in f ? f.seq : 0));
    const live = client.frames.filter((f) => 'seq' in f && f.seq > 2).map((f) => ('seq' in f ? f.seq : 0));
    expect(replayed).toEqual(live);
    expect(second.frames.find((f) => f.type === 'answer.ack')).toMatchObject({ text: 'something', clientId: 'k' });
    const state = second.frames.at(-1);
    const lastLine = client.frames.filter((f) => f.type === 'line').at(-1);
    expect(state).toMatchObject({ type: 'session.state', phase: 'answering', pendingQuestion: { seq: lastLine && 'seq' in lastLine ? lastLine.seq : -1 } });
  });

  it('sends nothing live to a new connection until it resumes or acts', async () => {
    const { runner, send } = await session('u1', { mode: 'mock' });
    await send({ type: 'session.start' });
    const quiet = fakeConnection();
    runner.attach(quiet.conn);
    await runner.receive(quiet.conn, { type: 'ping' });
    expect(quiet.types()).toEqual(['pong']);
  });

  it('rebuilds a session from the store alone and finishes work that was in flight', async () => {
    const { runner, send } = await session('c1', { mode: 'mock', maxFollowUps: 1 });
    await send({ type: 'session.start' });
    runner.dispose();
    // The process "died" right after storing an answer: judge, decide and the next line never ran.
    const loaded = (await store.load('c1'))!;
    const state = foldEvents('c1', loaded.meta.plan, loaded.events);
    const event = { type: 'answer' as const, at: clock, text: 'an answer the old process acknowledged' };
    await store.append(eventCommit('c1', loaded.events.length + 1, event, step(state, event)));
    expect(await store.unfinished()).toEqual([{ id: 'c1', phase: 'judging' }]);

    const fresh = new SessionRegistry(deps);
    expect(await fresh.resumeUnfinished()).toBe(1);
    const rebuilt = (await fresh.get('c1'))!;
    const client = fakeConnection();
    rebuilt.attach(client.conn);
    await rebuilt.receive(client.conn, { type: 'session.resume', lastSeq: state.nextSeq - 1 });
    expect(client.types()).toEqual(['answer.ack', 'line', 'session.state']);
    expect(client.frames.at(-1)).toMatchObject({ phase: 'answering' });
  });

  it('reports a busy database with an error frame, does not acknowledge, and recovers', async () => {
    const { client, send } = await session('b1', { mode: 'mock' });
    await send({ type: 'session.start' });
    const other = new Database(dir.file('probe.db'));
    other.exec('BEGIN IMMEDIATE');
    await send(answer('while locked', 'k'));
    expect(client.frames.at(-1)).toMatchObject({ type: 'error', code: 'storage_unavailable', inReplyTo: 'answer.submit' });
    expect(client.types()).not.toContain('answer.ack');
    other.exec('ROLLBACK');
    other.close();
    await send(answer('while locked', 'k'));
    expect(client.types()).toContain('answer.ack');
    expect(client.frames.at(-1)?.type).toBe('line');
  });

  it('evicts idle runners without a connection and rebuilds them on demand', async () => {
    const { registry, runner, client, send } = await session('e1', { mode: 'mock' });
    await send({ type: 'session.start' });
    expect(registry.sweep(clock + 10 * 60_000)).toBe(0);
    runner.detach(client.conn);
    expect(registry.sweep(clock + 10 * 60_000)).toBe(1);
    const again = await registry.get('e1');
    expect(again).not.toBe(runner);
    expect(again?.phase).toBe('answering');
  });

  it('times a question out from its timer, and re-arms timers when a session is rebuilt', async () => {
    deps = { ...deps, ports: { ...deps.ports, now: () => Date.now() } };
    const { registry, runner, client, send } = await session('q1', { mode: 'mock', questionCount: 3 }, { questionTimeLimitMs: 200 });
    await send({ type: 'session.start' });
    await vi.waitFor(() => expect(client.types()).toContain('notice'), { timeout: 5000, interval: 10 });
    expect(client.frames.find((f) => f.type === 'notice')).toMatchObject({ kind: 'timeout', questionIndex: 0 });
    runner.detach(client.conn);
    registry.sweep(Date.now() + 3_600_000);
    // Dropped from memory, the session's timers are gone; rebuilt after the deadline, it times
    // the question out at once, and the last question by its re-armed timer.
    await new Promise((r) => setTimeout(r, 300));
    const timeouts = async () => (await store.turnsAfter('q1', 0)).filter((t) => t.kind === 'timeout').length;
    expect(await timeouts()).toBe(1);
    const rebuilt = (await new SessionRegistry(deps).get('q1'))!;
    await vi.waitFor(async () => expect(rebuilt.phase).toBe('ended'), { timeout: 5000 });
    expect(await timeouts()).toBe(3);
  });
});
