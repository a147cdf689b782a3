import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionViewSchema } from '../../src/protocol/http.js';
import { CloseCode } from '../../src/protocol/ws-frames.js';
import { nextPrompt, runInterview, seqTrail } from '../support/interview-driver.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const decentAnswer = 'A GAN trains a generator against a discriminator in a minimax game; the generator maps noise to samples and the discriminator tells real from fake.';

describe('a whole offline interview over WebSocket', () => {
  it('mock: questions, follow-ups, acks, no scores until report.ready', async () => {
    const s = await server.createSession({ mode: 'mock', questionCount: 3, maxFollowUps: 1, seed: 11 });
    const socket = await server.connect(s.id, s.token);
    const run = await runInterview(socket, () => decentAnswer);
    expect(run.questions.filter((q) => q.kind === 'question')).toHaveLength(3);
    expect(run.ended.reason).toBe('completed');
    expect(typeof run.report.overall).toBe('number');
    expect(run.report.formats).toMatchObject({ md: `/api/sessions/${s.id}/report?format=md` });
    const types = new Set(socket.frames.map((f) => f.type));
    expect(types.has('feedback')).toBe(false);
    expect(types.has('error')).toBe(false);
    // Deltas of each line come before it and add up to its text.
    for (const line of socket.frames.filter((f) => f.type === 'line')) {
      const deltas = socket.frames.filter((f) => f.type === 'line.delta' && f.lineId === line.lineId);
      expect(deltas.map((d) => (d.type === 'line.delta' ? d.delta : '')).join('')).toBe(line.text);
    }
    const seqs = socket.frames.flatMap((f) => ('seq' in f ? [f.seq] : []));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const view = SessionViewSchema.parse(await (await fetch(`${server.url}/api/sessions/${s.id}`, { headers: { authorization: `Bearer ${s.token}` } })).json());
    expect(view).toMatchObject({ status: 'ended', phase: 'ended', overall: run.report.overall });
    expect(view.transcript.filter((t) => t.kind === 'answer').map((t) => t.seq)).toEqual(run.acks.map((a) => a.seq));
    const report = (await (await fetch(`${server.url}${run.report.formats.json}&token=${encodeURIComponent(s.token)}`)).json()) as { overall: { score: number | null } };
    expect(report.overall.score).toBe(run.report.overall);
    await socket.close();
  });

  it('drill: every answer acknowledged, then its feedback, to the end', async () => {
    const s = await server.createSession({ mode: 'drill', questionCount: 2, maxFollowUps: 2, seed: 12 });
    const socket = await server.connect(s.id, s.token);
    const run = await runInterview(socket, () => decentAnswer);
    expect(run.ended.reason).toBe('completed');
    const feedback = socket.frames.filter((f) => f.type === 'feedback');
    expect(feedback.map((f) => f.type === 'feedback' && f.seq)).toEqual(run.acks.map((a) => a.seq + 1));
    expect(socket.frames.some((f) => f.type === 'error')).toBe(false);
    await socket.close();
  });

  it('drill: feedback after each answer, hints, skip, retry and ending early', async () => {
    const s = await server.createSession({ mode: 'drill', questionCount: 3, maxFollowUps: 1, topics: ['gans'], includeBehavioral: false, seed: 5 });
    const socket = await server.connect(s.id, s.token);
    socket.send({ type: 'session.start' });
    await nextPrompt(socket);
    socket.send({ type: 'hint.request' });
    expect((await socket.next('line')).kind).toBe('hint');
    socket.send({ type: 'answer.submit', text: decentAnswer });
    const ack = await socket.next('answer.ack');
    const feedback = await socket.next('feedback');
    expect(feedback.seq).toBe(ack.seq + 1);
    expect(feedback.feedback.covered.length + feedback.feedback.missed.length).toBeGreaterThan(0);
    socket.send({ type: 'question.retry' });
    expect(await socket.next('notice')).toMatchObject({ kind: 'retry' });
    expect(await nextPrompt(socket)).toMatchObject({ kind: 'question', questionIndex: 0 });
    socket.send({ type: 'question.skip' });
    expect(await socket.next('notice')).toMatchObject({ kind: 'skip', questionIndex: 0 });
    expect(await nextPrompt(socket)).toMatchObject({ kind: 'question', questionIndex: 1, progress: { questionNumber: 2, questionTotal: 3 } });
    socket.send({ type: 'session.end' });
    expect(await socket.next('line')).toMatchObject({ kind: 'closing' });
    expect(await socket.next('session.ended')).toEqual({ type: 'session.ended', reason: 'ended-early' });
    await socket.next('report.ready');
    socket.send({ type: 'answer.submit', text: 'after the end' });
    expect(await socket.next('error')).toMatchObject({ code: 'ended', inReplyTo: 'answer.submit' });
    await socket.close();
  });
});

describe('many sessions at once', () => {
  it('keeps two sessions with interleaved frames apart, each in order', async () => {
    const [a, b] = await Promise.all([server.createSession({ mode: 'mock', questionCount: 2, seed: 1 }), server.createSession({ mode: 'drill', questionCount: 2, seed: 2 })]);
    const [sa, sb] = await Promise.all([server.connect(a.id, a.token), server.connect(b.id, b.token)]);
    // Both clients fire their frames without waiting, alternating between the sessions.
    for (const s of [sa, sb]) s.send({ type: 'session.start' });
    for (let i = 0; i < 3; i++) for (const s of [sa, sb]) s.send({ type: 'answer.submit', text: `${decentAnswer} (${i})`, clientId: `k${i}` });
    await Promise.all([sa, sb].map((s) => s.until((f) => f.filter((x) => x.type === 'answer.ack').length === 3, 'three acks')));
    for (const s of [sa, sb]) {
      s.send({ type: 'session.resume', lastSeq: 0 });
      await s.next('session.state');
    }
    expect(sa.frames.some((f) => f.type === 'feedback')).toBe(false);
    expect(sb.frames.some((f) => f.type === 'feedback')).toBe(true);
    const states = [sa, sb].map((s) => s.frames.find((f) => f.type === 'session.state'));
    expect(states.map((f) => f?.type === 'session.state' && f.sessionId)).toEqual([a.id, b.id]);
    // An answer that arrived while the interviewer had the floor is refused as busy, never lost silently.
    for (const s of [sa, sb]) {
      const live = s.frames.filter((f) => f.type !== 'session.state');
      const errors = live.filter((f) => f.type === 'error');
      expect(errors.every((e) => e.type === 'error' && e.code === 'busy')).toBe(true);
    }
    await Promise.all([sa.close(), sb.close()]);
  });
});

describe('resume', () => {
  it('a client that drops and reconnects gets what it missed and the pending question, then finishes', async () => {
    const s = await server.createSession({ mode: 'mock', questionCount: 2, maxFollowUps: 1, seed: 4 });
    const first = await server.connect(s.id, s.token);
    first.send({ type: 'session.start' });
    await nextPrompt(first);
    first.send({ type: 'answer.submit', text: 'noise', clientId: 'once' });
    const ack = await first.next('answer.ack');
    first.ws.terminate();
    await first.closed;

    const second = await server.connect(s.id, s.token);
    second.send({ type: 'session.resume', lastSeq: ack.seq });
    const state = await second.next('session.state');
    expect(state.phase).toBe('answering');
    const missed = second.frames.filter((f) => 'seq' in f && f.seq > ack.seq);
    expect(missed.length).toBeGreaterThan(0);
    expect(state.pendingQuestion?.seq).toBe(state.lastSeq);
    // Resending the acknowledged answer (its ack was lost, say) is acknowledged, not stored again.
    second.send({ type: 'answer.submit', text: 'noise', clientId: 'once' });
    expect(await second.next('answer.ack')).toMatchObject({ seq: ack.seq, clientId: 'once' });
    second.send({ type: 'answer.submit', text: decentAnswer });
    await second.next('answer.ack');
    const run = await runInterview(second, () => decentAnswer, { started: true });
    expect(run.ended.reason).toBe('completed');

    // A fresh client replaying everything sees exactly what the two connections saw together.
    const third = await server.connect(s.id, s.token);
    third.send({ type: 'session.resume', lastSeq: 0 });
    await third.next('report.ready');
    const together = [...new Set([...seqTrail(first), ...seqTrail(second)])].sort((x, y) => Number(x.split(':')[1]) - Number(y.split(':')[1]));
    expect(seqTrail(third)).toEqual(together);
    await third.close();
  });

  it('one connection per session: a new one replaces the old, which is told why', async () => {
    const s = await server.createSession({});
    const first = await server.connect(s.id, s.token);
    const second = await server.connect(s.id, s.token);
    expect((await first.closed).code).toBe(CloseCode.replaced);
    second.send({ type: 'session.start' });
    await nextPrompt(second);
    await second.close();
  });
});
