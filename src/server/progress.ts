// Where the interview stands, as the client shows it: question n of m, follow-up k of max.
import { buildReport } from '../engine/report/build-report.js';
import type { SessionState } from '../engine/state.js';
import type { Progress } from '../protocol/ws-frames.js';

export function progressOf(state: SessionState): Progress {
  const asked = state.questions.some((q) => q.askedAt !== undefined);
  const current = state.questions[state.current];
  return {
    questionNumber: asked ? state.current + 1 : 0,
    questionTotal: state.plan.questions.length,
    followUp: current?.followUps.length ?? 0,
    maxFollowUps: state.plan.maxFollowUps,
  };
}

/**
 * The overall score of a session, exactly as its report states it (difficulty-weighted mean of
 * the counted questions; see OVERALL_RULE in src/engine/report), or null when nothing counted.
 * Shown only once the interview has ended.
 */
export function overallScore(state: SessionState): number | null {
  return buildReport(state, { sessionId: state.id, createdAt: state.startedAt ?? 0, generatedAt: state.endedAt ?? 0 }).overall.score;
}
