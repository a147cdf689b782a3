// Drives a whole interview over a TestSocket: start, answer every question and follow-up, and
// collect the end frames. `answer` chooses the text from the line being answered.
import type { ServerFrameOf } from '../../src/protocol/ws-frames.js';
import type { TestSocket } from './ws-client.js';

export type LineFrame = ServerFrameOf<'line'>;

export interface InterviewRun {
  questions: LineFrame[];
  acks: ServerFrameOf<'answer.ack'>[];
  ended: ServerFrameOf<'session.ended'>;
  report: ServerFrameOf<'report.ready'>;
}

/** The next line the candidate must answer (or the closing). */
export const nextPrompt = (socket: TestSocket): Promise<LineFrame> =>
  socket.next('line', (l) => l.kind === 'question' || l.kind === 'follow-up' || l.kind === 'closing');

/** Answers until the closing; sends session.start first unless `started`. */
export async function runInterview(socket: TestSocket, answer: (line: LineFrame, turn: number) => string, options: { started?: boolean; maxTurns?: number } = {}): Promise<InterviewRun> {
  if (!options.started) socket.send({ type: 'session.start' });
  const questions: LineFrame[] = [];
  const acks: ServerFrameOf<'answer.ack'>[] = [];
  for (let turn = 0; turn < (options.maxTurns ?? 60); turn++) {
    const line = await nextPrompt(socket);
    if (line.kind === 'closing') break;
    questions.push(line);
    socket.send({ type: 'answer.submit', text: answer(line, turn), clientId: `answer-${turn}` });
    acks.push(await socket.next('answer.ack'));
  }
  const ended = await socket.next('session.ended');
  const report = await socket.next('report.ready');
  return { questions, acks, ended, report };
}

/** Every frame with a seq, as "type:seq", for comparing what two clients saw. */
export const seqTrail = (socket: TestSocket): string[] => socket.frames.flatMap((f) => ('seq' in f ? [`${f.type}:${f.seq}`] : []));
