// Rows as the ports' types: a session row and its plan as SessionMeta, a profile's rows as its
// history. Both dialects' rows share these shapes.
import type { Plan } from '../../engine/plan.js';
import type { ProfileHistory } from '../../server/profile-store.js';
import type { SessionMeta } from '../../server/session-store.js';
import type { SessionRow } from './schema.js';
import { withSharedQuestions } from './shared-questions.js';
import { storedEvaluation, type EvaluationWithEvent } from './turn-rows.js';

export function metaOf(row: SessionRow, plan: Plan): SessionMeta {
  return {
    id: row.id,
    tokenHash: row.tokenHash,
    mode: row.mode,
    status: row.status,
    phase: row.phase,
    plan: withSharedQuestions(plan),
    eventCount: row.eventCount,
    lastSeq: row.lastSeq,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...(row.endedAt !== null ? { endedAt: row.endedAt } : {}),
    ...(row.endReason !== null ? { endReason: row.endReason } : {}),
    ...(row.profileId !== null ? { profileId: row.profileId } : {}),
  };
}

/** A profile's history from its session rows (newest first), evaluation rows and turn times. */
export function profileHistory(
  rows: { session: SessionRow; plan: Plan }[],
  evaluationRows: EvaluationWithEvent[],
  turnRows: { sessionId: string; at: number }[],
): ProfileHistory {
  const turnTimes = new Map<string, number[]>();
  for (const t of turnRows) {
    const times = turnTimes.get(t.sessionId);
    if (times) times.push(t.at);
    else turnTimes.set(t.sessionId, [t.at]);
  }
  return {
    sessions: rows.map((r) => metaOf(r.session, r.plan)),
    evaluations: evaluationRows.map((r) => ({ sessionId: r.row.sessionId, ...storedEvaluation(r) })),
    turnTimes,
  };
}
