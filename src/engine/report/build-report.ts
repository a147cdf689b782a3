// Builds the feedback report from a session's state alone, so it can be rebuilt at any time from
// the stored events. Pure: the caller passes the session id and the times.
import type { SessionState } from '../state.js';
import { drillProbes } from './drill-probes.js';
import { provenanceOf } from './provenance.js';
import { questionReport } from './question-report.js';
import { REPORT_SCHEMA_VERSION, type Report } from './report-schema.js';
import { criterionScores, overallOf, topicScores } from './score-summary.js';
import { gapsOf, strengthsOf } from './study-focus.js';
import { verdictOf } from './verdict.js';

export interface ReportMeta {
  sessionId: string;
  /** When the session was created (ms since the epoch). */
  createdAt: number;
  /** When this report is generated (ms since the epoch); the engine reads no clock. */
  generatedAt: number;
}

/**
 * The report of a session, finished or not: an interview ended after one question, or before any
 * answer, still yields a valid report (with a null overall when nothing counted).
 *
 * Overall score rule: the difficulty-weighted mean (entry ×1, mid ×1.5, senior ×2) of the counted
 * questions, where an answered question counts with its latest evaluation's overall score and a
 * skipped or timed-out one counts as 0 (and is marked so); questions the interview never reached,
 * or ended on before an answer was judged, are left out. Topic scores use the same rule; criterion
 * scores are mean levels (0-4) over the answered questions rated on them.
 */
export function buildReport(state: SessionState, meta: ReportMeta): Report {
  const questions = state.plan.questions.map((_, i) => questionReport(state, i));
  const overall = overallOf(questions);
  const criteria = criterionScores(questions);
  const gaps = gapsOf(questions);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    sessionId: meta.sessionId,
    createdAt: meta.createdAt,
    generatedAt: meta.generatedAt,
    startedAt: state.startedAt ?? null,
    endedAt: state.endedAt ?? null,
    mode: state.plan.mode,
    status: state.phase === 'ended' ? (state.endReason ?? 'completed') : 'in-progress',
    plan: {
      topics: state.plan.topics,
      difficulty: state.plan.difficulty,
      questionCount: state.plan.questions.length,
      maxFollowUps: state.plan.maxFollowUps,
      seed: state.plan.seed,
    },
    overall,
    verdict: verdictOf(overall, gaps),
    topics: topicScores(questions),
    criteria,
    strengths: strengthsOf(questions, criteria),
    gaps,
    drill: state.plan.mode === 'drill' ? { probes: drillProbes(state, questions) } : null,
    questions,
    provenance: provenanceOf(state, questions),
  };
}
