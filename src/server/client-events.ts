// Maps a client frame that acts on the interview to the engine's candidate event.
import type { CandidateEvent } from '../engine/events.js';
import type { ClientFrame } from '../protocol/ws-frames.js';

export type ActionFrame = Exclude<ClientFrame, { type: 'session.resume' } | { type: 'ping' }>;

export function candidateEvent(frame: ActionFrame, at: number): CandidateEvent {
  switch (frame.type) {
    case 'session.start':
      return { type: 'start', at };
    case 'answer.submit':
      return { type: 'answer', at, text: frame.text };
    case 'hint.request':
      return { type: 'hint', at };
    case 'question.skip':
      return { type: 'skip', at };
    case 'question.retry':
      return { type: 'retry', at };
    case 'session.end':
      return { type: 'end', at };
  }
}
