// Builds the store's EventCommit from an accepted event and the engine's StepResult: the turns
// it recorded, the evaluation it carried, and the session's new phase.
import type { StepResult } from '../engine/effects.js';
import type { SessionEvent } from '../engine/events.js';
import type { SessionState } from '../engine/state.js';
import { progressOf } from './progress.js';
import type { EventCommit, StoredEvaluation, StoredTurn } from './session-store.js';

/** `clientId` is the idempotency key of the answer this event carries, if any. */
export function eventCommit(sessionId: string, n: number, event: SessionEvent, result: StepResult, clientId?: string): EventCommit {
  const { state } = result;
  const evaluation = event.type === 'judged' ? evaluationOf(state, event.questionIndex) : undefined;
  return {
    sessionId,
    n,
    event,
    turns: recordedTurns(result, clientId),
    ...(evaluation ? { evaluation } : {}),
    session: {
      phase: state.phase,
      lastSeq: state.nextSeq - 1,
      at: event.at,
      ...(state.endedAt !== undefined ? { endedAt: state.endedAt } : {}),
      ...(state.endReason !== undefined ? { endReason: state.endReason } : {}),
    },
  };
}

/** The transcript entries a step recorded, with the progress the client shows beside them. */
export function recordedTurns(result: StepResult, clientId?: string): StoredTurn[] {
  const progress = progressOf(result.state);
  return result.effects.flatMap((effect) => {
    if (effect.type !== 'record') return [];
    const withKey = clientId !== undefined && effect.entry.kind === 'answer' ? { clientId } : {};
    return [{ ...effect.entry, progress, ...withKey }];
  });
}

function evaluationOf(state: SessionState, questionIndex: number): StoredEvaluation | undefined {
  const record = state.questions[questionIndex]?.evaluations.at(-1);
  const question = state.plan.questions[questionIndex];
  if (!record || !question) return undefined;
  return { questionIndex, questionId: question.id, attempt: record.attempt, answerSeq: record.answerSeq, at: record.at, evaluation: record.evaluation };
}
