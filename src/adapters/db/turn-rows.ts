// Maps between the store's engine-side records and the rows of the turns and evaluations tables.
import type { evaluations, EvaluationRow, turns, TurnRow } from './schema.js';
import type { StoredEvaluation, StoredTurn } from '../../server/session-store.js';

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
    keyPoints: score.keyPoints,
    criteria: score.criteria,
    flags: score.flags,
    evaluation: e.evaluation,
    at: e.at,
  };
}

export const storedEvaluation = (row: EvaluationRow): StoredEvaluation => ({
  questionIndex: row.questionIndex,
  questionId: row.questionId,
  attempt: row.attempt,
  answerSeq: row.answerSeq,
  at: row.at,
  evaluation: row.evaluation,
});
