// Builds the store's EventCommit from an accepted event and the engine's StepResult: the turns
// it recorded, the evaluation it carried, and the session's new phase.
import type { StepResult } from '../engine/effects.js';
import type { SessionEvent } from '../engine/events.js';
import type { SessionState } from '../engine/state.js';
import { progressOf } from './progress.js';
import type { EventCommit, StoredEvaluation, StoredTurn } from './session-store.js';

/**
 * `clientId` is the idempotency key of the answer this event carries, if any; `owner` the node
 * whose lease the append must hold. Every field is present (undefined when it does not apply, which
 * the store reads as absent) so every commit, turn and session record has one object shape.
 */
export function eventCommit(sessionId: string, n: number, event: SessionEvent, result: StepResult, clientId?: string, owner?: string): EventCommit {
  const { state } = result;
  return {
    sessionId,
    n,
    event,
    turns: recordedTurns(result, clientId),
    evaluation: event.type === 'judged' ? evaluationOf(state, event.questionIndex) : undefined,
    session: { phase: state.phase, lastSeq: state.nextSeq - 1, at: event.at, endedAt: state.endedAt, endReason: state.endReason },
    owner,
  };
}

/** The transcript entries a step recorded, with the progress the client shows beside them. */
export function recordedTurns(result: StepResult, clientId?: string): StoredTurn[] {
  const turns: StoredTurn[] = [];
  let progress: StoredTurn['progress'] | undefined;
  for (const effect of result.effects) {
    if (effect.type !== 'record') continue;
    progress ??= progressOf(result.state);
    const e = effect.entry;
    turns.push({
      seq: e.seq,
      at: e.at,
      role: e.role,
      kind: e.kind,
      text: e.text,
      questionIndex: e.questionIndex,
      target: e.target,
      by: e.by,
      fallback: e.fallback,
      feedback: e.feedback,
      progress,
      clientId: clientId !== undefined && e.kind === 'answer' ? clientId : undefined,
    });
  }
  return turns;
}

function evaluationOf(state: SessionState, questionIndex: number): StoredEvaluation | undefined {
  const record = state.questions[questionIndex]?.evaluations.at(-1);
  const question = state.plan.questions[questionIndex];
  if (!record || !question) return undefined;
  return { questionIndex, questionId: question.id, attempt: record.attempt, answerSeq: record.answerSeq, at: record.at, evaluation: record.evaluation };
}
