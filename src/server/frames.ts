// Turns engine records into server frames: transcript entries (live or replayed), the session
// state sent on resume, and error frames. One mapping for both paths keeps them identical.
import type { SessionState } from '../engine/state.js';
import { AppError } from '../errors.js';
import type { ServerFrame, ServerFrameOf } from '../protocol/ws-frames.js';
import { progressOf } from './progress.js';
import type { StoredTurn } from './session-store.js';

const LINE_KINDS = new Set(['opening', 'question', 'follow-up', 'hint', 'closing']);

/** The frame a stored turn is shown as. `replay` adds the answer text, which a live ack omits. */
export function turnFrame(turn: StoredTurn, replay = false): ServerFrame {
  if (turn.role === 'interviewer' && LINE_KINDS.has(turn.kind)) {
    return {
      type: 'line',
      seq: turn.seq,
      lineId: String(turn.seq),
      kind: turn.kind as ServerFrameOf<'line'>['kind'],
      text: turn.text,
      questionIndex: turn.questionIndex ?? null,
      target: turn.target ?? null,
      by: turn.by ?? 'offline',
      fallback: turn.fallback ?? null,
      progress: turn.progress,
    };
  }
  if (turn.kind === 'answer') return { type: 'answer.ack', seq: turn.seq, clientId: turn.clientId ?? null, ...(replay ? { text: turn.text } : {}) };
  if (turn.kind === 'feedback' && turn.feedback) {
    return { type: 'feedback', seq: turn.seq, questionIndex: turn.questionIndex ?? 0, feedback: turn.feedback };
  }
  const kind = turn.kind === 'skip' || turn.kind === 'timeout' || turn.kind === 'retry' ? turn.kind : 'skip';
  return { type: 'notice', seq: turn.seq, kind, questionIndex: turn.questionIndex ?? 0, text: turn.text };
}

/** The question the candidate is answering: the latest question or follow-up of the current question. */
export function pendingQuestion(state: SessionState): { seq: number; text: string } | null {
  if (state.phase !== 'answering') return null;
  for (let i = state.transcript.length - 1; i >= 0; i--) {
    const e = state.transcript[i];
    if (e && e.role === 'interviewer' && (e.kind === 'question' || e.kind === 'follow-up') && e.questionIndex === state.current) {
      return { seq: e.seq, text: e.text };
    }
  }
  return null;
}

export function stateFrame(state: SessionState, interviewer: string): ServerFrame {
  return {
    type: 'session.state',
    sessionId: state.id,
    mode: state.plan.mode,
    phase: state.phase,
    progress: progressOf(state),
    interviewer,
    lastSeq: state.nextSeq - 1,
    pendingQuestion: pendingQuestion(state),
  };
}

export const errorFrame = (code: string, message: string, inReplyTo: string | null = null): ServerFrame => ({ type: 'error', code, message, inReplyTo });

/** An error as a frame: expected errors say what happened; anything else is generic (and logged by the caller). */
export function errorFrameOf(error: unknown, inReplyTo: string | null): ServerFrame {
  if (error instanceof AppError) return errorFrame(error.code, error.message, inReplyTo);
  return errorFrame('internal_error', 'something went wrong on the server; it was logged. Try again, or reconnect and resume.', inReplyTo);
}

/** The relative URLs of a session's report, one per format. */
export function reportUrls(sessionId: string): Record<string, string> {
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/report`;
  return Object.fromEntries(['md', 'html', 'pdf', 'json'].map((f) => [f, `${base}?format=${f}`]));
}
