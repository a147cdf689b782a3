// Maps between the store's engine-side records and the rows of the turns and evaluations tables
// (an evaluation row with its judged event, which holds the evaluation itself).
import type { evaluations, EvaluationRow, turns, TurnRow } from './schema.js';
import type { SessionEvent } from '../../engine/events.js';
import type { EventCommit, StoredEvaluation, StoredTurn } from '../../server/session-store.js';

export function turnRow(sessionId: string, eventN: number, turn: StoredTurn): typeof turns.$inferInsert {
  return {
    sessionId,
    seq: turn.seq,
    eventN,
    at: turn.at,
    role: turn.role,
    kind: turn.kind,
    text: turn.text,
    questionIndex: turn.questionIndex ?? null,
    target: turn.target ?? null,
    by: turn.by ?? null,
    fallback: turn.fallback ?? null,
    feedback: turn.feedback ?? null,
    progress: turn.progress,
    clientId: turn.clientId ?? null,
  };
}

export function storedTurn(row: TurnRow): StoredTurn {
  return {
    seq: row.seq,
    at: row.at,
    role: row.role,
    kind: row.kind as StoredTurn['kind'],
    text: row.text,
    progress: row.progress,
    ...(row.questionIndex !== null ? { questionIndex: row.questionIndex } : {}),
    ...(row.target !== null ? { target: row.target } : {}),
    ...(row.by !== null ? { by: row.by } : {}),
    ...(row.fallback !== null ? { fallback: row.fallback } : {}),
    ...(row.feedback !== null ? { feedback: row.feedback } : {}),
    ...(row.clientId !== null ? { clientId: row.clientId } : {}),
  };
}

/** The evaluation row is read back with its event's evaluation, so only a judged event may carry one. */
export function assertEvaluationIsJudged(c: EventCommit): void {
  if (c.evaluation && (c.event.type !== 'judged' || c.event.questionIndex !== c.evaluation.questionIndex)) {
    throw new Error(`event ${c.sessionId}#${c.n} (${c.event.type}) carries an evaluation; only a judged event of the same question may`);
  }
}

export function evaluationRow(sessionId: string, eventN: number, e: StoredEvaluation): typeof evaluations.$inferInsert {
  const { score, offline } = e.evaluation;
  return {
    sessionId,
    eventN,
    questionIndex: e.questionIndex,
    questionId: e.questionId,
    attempt: e.attempt,
    answerSeq: e.answerSeq,
    scorer: score.scorer,
    model: e.evaluation.model ?? null,
    fallback: e.evaluation.fallback ?? null,
    overall: score.overall,
    offlineOverall: offline.overall,
    disagreement: e.evaluation.disagreement,
    at: e.at,
  };
}

/** An evaluation row with the payload of its judged event (the join of `evaluations` and `events` on session and n). */
export interface EvaluationWithEvent {
  row: EvaluationRow;
  event: SessionEvent;
}

export function storedEvaluation({ row, event }: EvaluationWithEvent): StoredEvaluation {
  // The row and its event are written in one transaction, so this is a damaged database.
  if (event.type !== 'judged') throw new Error(`evaluation ${row.sessionId}#${row.eventN} points at a ${event.type} event, not the judged one`);
  return {
    questionIndex: row.questionIndex,
    questionId: row.questionId,
    attempt: row.attempt,
    answerSeq: row.answerSeq,
    at: row.at,
    evaluation: event.evaluation,
  };
}
