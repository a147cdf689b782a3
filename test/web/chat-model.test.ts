// The chat reducer: frames in, chat items, phase, progress and timer anchor out.
import { describe, expect, it } from 'vitest';
import { ServerFrameSchema, type ServerFrame } from '../../src/protocol/ws-frames.js';
import { answeredCurrent, canAnswer, emptyChat, reduceChat, type ChatAction, type ChatModel } from '../../web/chat-model.js';

const progress = (questionNumber: number, followUp = 0) => ({ questionNumber, questionTotal: 3, followUp, maxFollowUps: 2 });

/** Every frame a test feeds is checked against the protocol first, so the fixtures can not drift. */
const frame = (f: unknown): ChatAction => ({ type: 'frame', frame: ServerFrameSchema.parse(f) as ServerFrame, now: 1000 });
const line = (seq: number, kind: string, text: string, p = progress(1)) =>
  frame({ type: 'line', seq, lineId: String(seq), kind, text, questionIndex: 0, target: null, by: 'offline', fallback: null, progress: p });
const state = (phase = 'answering') =>
  frame({ type: 'session.state', sessionId: 's1', mode: 'drill', phase, progress: progress(1), interviewer: 'offline', lastSeq: 0, pendingQuestion: null });

const run = (...actions: ChatAction[]): ChatModel => actions.reduce(reduceChat, emptyChat());

describe('reduceChat', () => {
  it('takes mode, phase, progress and interviewer from session.state', () => {
    const m = run(state('not-started'));
    expect(m).toMatchObject({ mode: 'drill', phase: 'not-started', interviewer: 'offline', progress: progress(1) });
  });

  it('streams deltas into one line and lets the final line replace them', () => {
    const m = run(
      frame({ type: 'line.delta', lineId: '2', delta: 'What is a ' }),
      frame({ type: 'line.delta', lineId: '2', delta: 'GAN' }),
    );
    expect(m.items).toHaveLength(1);
    expect(m.items[0]).toMatchObject({ type: 'line', text: 'What is a GAN', streaming: true });
    // The LLM failed mid-line: the offline interviewer's full text replaces the streamed part.
    const done = reduceChat(m, line(2, 'question', 'Explain how a GAN is trained.'));
    expect(done.items).toHaveLength(1);
    expect(done.items[0]).toMatchObject({ text: 'Explain how a GAN is trained.', streaming: false, seq: 2, kind: 'question' });
    expect(done.phase).toBe('answering');
    expect(done.lastSeq).toBe(2);
  });

  it('ignores a replayed frame whose seq it has already applied', () => {
    const once = run(line(1, 'opening', 'Hello'), line(2, 'question', 'Q1'));
    const again = reduceChat(once, line(2, 'question', 'Q1'));
    expect(again).toBe(once);
    expect(again.items.map((i) => i.key)).toEqual(['line:1', 'line:2']);
  });

  it('turns a pending answer into an acknowledged one by clientId', () => {
    const m = run(line(1, 'question', 'Q1'), { type: 'submit', clientId: 'c1', text: 'my answer' });
    expect(m.items[1]).toMatchObject({ type: 'answer', pending: true, text: 'my answer' });
    expect(canAnswer(m)).toBe(true);
    const acked = reduceChat(m, frame({ type: 'answer.ack', seq: 2, clientId: 'c1' }));
    expect(acked.items).toHaveLength(2);
    expect(acked.items[1]).toMatchObject({ pending: false, seq: 2, text: 'my answer' });
    expect(acked.phase).toBe('judging');
    expect(canAnswer(acked)).toBe(false);
  });

  it('shows a replayed answer from the texts it knows, after a reload', () => {
    const m = run({ type: 'known', entries: { 2: { text: 'from the transcript', at: 5 } } }, line(1, 'question', 'Q1'), frame({ type: 'answer.ack', seq: 2, clientId: 'other' }));
    expect(m.items[1]).toMatchObject({ type: 'answer', text: 'from the transcript', pending: false });
  });

  it('drops unacknowledged answers when the connection is lost and shows them again when the ack is replayed', () => {
    const sent = run(line(1, 'question', 'Q1'), { type: 'submit', clientId: 'c1', text: 'kept' });
    const lost = reduceChat(sent, { type: 'connection-lost' });
    expect(lost.items.some((i) => i.type === 'answer')).toBe(false);
    const replayed = reduceChat(lost, frame({ type: 'answer.ack', seq: 2, clientId: 'c1' }));
    expect(replayed.items[1]).toMatchObject({ text: 'kept', pending: false });
  });

  it('settles an answer resent after a reconnect that the server had already stored', () => {
    const stored = run(line(1, 'question', 'Q1'), { type: 'submit', clientId: 'c1', text: 'once' }, frame({ type: 'answer.ack', seq: 2, clientId: 'c1' }));
    const resent = reduceChat(stored, { type: 'submit', clientId: 'c1', text: 'once' });
    expect(resent.items.filter((i) => i.type === 'answer')).toHaveLength(2);
    const acked = reduceChat(resent, frame({ type: 'answer.ack', seq: 2, clientId: 'c1' }));
    expect(acked.items.filter((i) => i.type === 'answer')).toEqual([expect.objectContaining({ seq: 2, pending: false, text: 'once' })]);
  });

  it('uses the text a replayed ack carries', () => {
    const m = run(line(1, 'question', 'Q1'), frame({ type: 'answer.ack', seq: 2, clientId: null, text: 'replayed text' }));
    expect(m.items[1]).toMatchObject({ text: 'replayed text' });
  });

  it('removes the pending answer when the server refuses it', () => {
    const m = run(line(1, 'question', 'Q1'), { type: 'submit', clientId: 'c1', text: 'x' }, frame({ type: 'error', code: 'too-long', message: 'too long', inReplyTo: 'answer.submit' }));
    expect(m.items).toHaveLength(1);
    expect(m.error).toMatchObject({ code: 'too-long' });
  });

  it('anchors the question timer at the question line and keeps it through follow-ups', () => {
    const asked = run({ type: 'known', entries: { 2: { text: 'Q1', at: 400 } } }, line(1, 'opening', 'Hi'), line(2, 'question', 'Q1'));
    expect(asked.questionStartedAt).toBe(400);
    const followed = reduceChat(asked, { ...line(4, 'follow-up', 'And?', progress(1, 1)), now: 9000 } as ChatAction);
    expect(followed.questionStartedAt).toBe(400);
    expect(followed.progress.followUp).toBe(1);
    const skipped = reduceChat(followed, frame({ type: 'notice', seq: 5, kind: 'skip', questionIndex: 0, text: 'Skipped.' }));
    expect(skipped.questionStartedAt).toBeNull();
  });

  it('records drill feedback, the end and the report', () => {
    const feedback = { covered: [{ id: 'k1', statement: 'S1', status: 'covered', words: ['generator'] }], missed: [{ id: 'k2', statement: 'S2' }], overall: 50 };
    const m = run(
      line(1, 'question', 'Q1'),
      frame({ type: 'answer.ack', seq: 2, clientId: null }),
      frame({ type: 'feedback', seq: 3, questionIndex: 0, feedback }),
      frame({ type: 'session.ended', reason: 'completed' }),
      frame({ type: 'report.ready', overall: 50, formats: { md: '/r.md' } }),
    );
    expect(m.items.map((i) => i.type)).toEqual(['line', 'answer', 'feedback']);
    expect(m.ended).toBe('completed');
    expect(m.report).toEqual({ overall: 50, formats: { md: '/r.md' } });
    expect(canAnswer(m)).toBe(false);
  });

  it('knows whether the question in play has an answer (retry needs one)', () => {
    const asked = run(line(1, 'question', 'Q1'));
    expect(answeredCurrent(asked)).toBe(false);
    const answered = reduceChat(asked, frame({ type: 'answer.ack', seq: 2, clientId: null }));
    expect(answeredCurrent(answered)).toBe(true);
    const retried = reduceChat(answered, line(3, 'question', 'Q1 again'));
    expect(answeredCurrent(retried)).toBe(false);
  });
});
